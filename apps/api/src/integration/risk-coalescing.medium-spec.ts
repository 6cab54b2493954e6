import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelRiskResponse, ModelRiskStatus, Role } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { RisksModule } from '@model-inventory/server-risks';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';
import { aRisk, riskClient } from './risk-fixtures';

/**
 * Single creates and changes that arrive together are written together (a group commit): fewer statements and
 * commits, with every request answered for its own risk, its own history and its own failure.
 */
describe('risk writes arriving together share a commit, each keeping its own answer (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let client: ReturnType<typeof riskClient>;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, RisksModule]);
    client = riskClient(app);
    acme = await registerOrganization(app);
  });

  afterAll(() => app.close());

  const post = (session: TestSession, body: object) => client.http().post('/api/modelRisks').set(session.auth).send(body);
  /** Risks written by one commit share its transaction's `created_at` (or, for changes, `updated_at`). */
  const commitsOf = async (ids: number[], column: 'created_at' | 'updated_at' = 'created_at') =>
    Number((await app.get(DataSource).query(`SELECT count(DISTINCT ${column})::int AS n FROM model_risks WHERE id = ANY($1::int[])`, [ids]))[0].n);
  const patch = (session: TestSession, id: number, body: object) => client.http().patch(`/api/modelRisks/${id}`).set(session.auth).send(body);
  const updatedHistory = async (ids: number[]) =>
    app.get(DataSource).query(
      `SELECT entity_id AS id, field_name, old_value, new_value, changed_by_user_id AS user_id FROM change_history
        WHERE entity_type = 'risk' AND action = 'updated' AND entity_id = ANY($1::int[]) ORDER BY entity_id, id`,
      [ids],
    ) as Promise<Array<{ id: number; field_name: string; old_value: string; new_value: string; user_id: number }>>;
  const historyAuthors = async (ids: number[]) =>
    app.get(DataSource).query(
      `SELECT entity_id AS id, count(*)::int AS rows, array_agg(DISTINCT changed_by_user_id) AS users
         FROM change_history WHERE entity_type = 'risk' AND entity_id = ANY($1::int[]) GROUP BY entity_id ORDER BY entity_id`,
      [ids],
    ) as Promise<Array<{ id: number; rows: number; users: number[] }>>;

  /** Holds the model's row in another transaction, as a long write would: the API's writes for that model wait. */
  async function lockModel(modelId: number) {
    const holder = app.get(DataSource).createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT id FROM model_inventories WHERE id = $1 FOR UPDATE', [modelId]);
    const waiting = async () =>
      Number((await app.get(DataSource).query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n);
    return {
      /** Until `count` API sessions wait for the lock (both statements of the actor's lane), then a moment for later requests to queue. */
      async waitFor(count: number): Promise<void> {
        for (let tries = 0; (await waiting()) < count && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
      async release(): Promise<void> {
        await holder.commitTransaction();
        await holder.release();
      },
    };
  }

  /** Sends the requests while the model is locked, and releases it once two API sessions wait for it. */
  async function whileModelLocked<T>(modelId: number, send: () => Array<Promise<T>>): Promise<T[]> {
    const lock = await lockModel(modelId);
    const sending = Promise.all(send());
    await lock.waitFor(2);
    await lock.release();
    return sending;
  }

  it('answers 40 concurrent creates each with its own risk, written in fewer commits, each with its history and count', async () => {
    const [first, second] = [await client.model(acme), await client.model(acme)];
    const sent = Array.from({ length: 40 }, (_, i) =>
      aRisk(i % 2 ? first.id : second.id, { risk_name: `Concurrent risk ${i}`, status: i % 5 === 0 ? ModelRiskStatus.ACCEPTED : undefined }),
    );
    const responses = await whileModelLocked(first.id, () => sent.map((body) => post(acme, body)));

    expect(responses.map((response) => response.status)).toEqual(sent.map(() => 201));
    const risks = responses.map((response) => response.body as ModelRiskResponse);
    expect(risks.map((risk) => [risk.risk_name, risk.model_id, risk.status])).toEqual(sent.map((body) => [body.risk_name, body.model_id, body.status ?? 'Open']));
    expect(risks.filter((risk) => risk.status === 'Accepted').every((risk) => risk.accepted_by === acme.user.id && risk.accepted_at !== null)).toBe(true);
    const ids = risks.map((risk) => risk.id);
    expect(new Set(ids).size).toBe(40);
    for (const risk of risks) expect((await client.http().get(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(200)).body).toMatchObject({ risk_name: risk.risk_name });

    expect(await commitsOf(ids)).toBeLessThan(40);
    expect(await historyAuthors(ids)).toEqual(
      [...ids].sort((a, b) => a - b).map((id) => ({ id, rows: 7, users: [acme.user.id] })),
    );
    const openOf = async (id: number) => (await client.http().get(`/api/modelInventory/${id}`).set(acme.auth).expect(200)).body.open_risk_count;
    expect([await openOf(first.id), await openOf(second.id)]).toEqual([16, 16]);
  });

  it('refuses only the creates whose model is gone; those written in the same commit are kept', async () => {
    const live = await client.model(acme);
    const gone = await client.model(acme);
    await client.http().delete(`/api/modelInventory/${gone.id}`).set(acme.auth).expect(204);
    const sent = Array.from({ length: 30 }, (_, i) => aRisk(i % 3 === 1 ? gone.id : live.id, { risk_name: `Mixed ${i}` }));
    // While the live model is locked, the first creates wait for it and the others queue: they leave together, mixed.
    const responses = await whileModelLocked(live.id, () => sent.map((body) => post(acme, body).then((response) => response)));

    responses.forEach((response, i) => {
      if (sent[i].model_id === gone.id) {
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'model_id', message: expect.stringContaining(`model_id ${gone.id} is not`) }]);
      } else {
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({ risk_name: `Mixed ${i}`, model_id: live.id });
      }
    });
    const written = responses.filter((response) => response.status === 201).map((response) => (response.body as ModelRiskResponse).id);
    expect(await commitsOf(written)).toBeLessThan(written.length / 2);
    const { body } = await client.http().get(`/api/modelRisks?model_id=${live.id}&filter=all&limit=100`).set(acme.auth).expect(200);
    expect(body.total).toBe(20);
    const deletedModelRisks = await client.http().get(`/api/modelRisks?model_id=${gone.id}&filter=all`).set(acme.auth).expect(200);
    expect(deletedModelRisks.body.total).toBe(0);
  });

  it('never writes one user’s create in another’s name when both create at once', async () => {
    const editor = await addUser(app, acme, Role.Editor);
    const model = await client.model(acme);
    const sent = Array.from({ length: 30 }, (_, i) => ({ session: i % 2 ? editor : acme, body: aRisk(model.id, { risk_name: `Author ${i}` }) }));
    const risks = (await Promise.all(sent.map(({ session, body }) => post(session, body).expect(201)))).map((response) => response.body as ModelRiskResponse);

    const authors = new Map((await historyAuthors(risks.map((risk) => risk.id))).map((row) => [row.id, row.users]));
    risks.forEach((risk, i) => expect(authors.get(risk.id)).toEqual([sent[i].session.user.id]));
    const creators = await app.get(DataSource).query(`SELECT id, created_by_user_id FROM model_risks WHERE id = ANY($1::int[])`, [risks.map((risk) => risk.id)]);
    const creatorOf = new Map(creators.map((row: { id: number; created_by_user_id: number }) => [row.id, row.created_by_user_id]));
    risks.forEach((risk, i) => expect(creatorOf.get(risk.id)).toBe(sent[i].session.user.id));
  });

  it('answers 40 concurrent transitions each with its own risk, in fewer commits, each with one history row and the counts moved', async () => {
    const [first, second] = [await client.model(acme), await client.model(acme)];
    const risks: ModelRiskResponse[] = [];
    for (let i = 0; i < 40; i++) risks.push(await client.create(acme, i % 2 ? first.id : second.id, { risk_name: `Triage ${i}`, status: ModelRiskStatus.IN_PROGRESS }));
    const to = (i: number) => (i % 4 === 0 ? ModelRiskStatus.ACCEPTED : ModelRiskStatus.RESOLVED);

    // Held at first by a lock on one model, so that the writes behind the first two wait and share statements, however
    // fast the machine answers the first ones.
    const responses = await whileModelLocked(first.id, () => risks.map((risk, i) => patch(acme, risk.id, { status: to(i) })));

    expect(responses.map((response) => response.status)).toEqual(risks.map(() => 200));
    expect(responses.map((response) => [response.body.id, response.body.status, response.body.version_number])).toEqual(risks.map((risk, i) => [risk.id, to(i), risk.version_number + 1]));
    expect(responses.filter((_, i) => to(i) === ModelRiskStatus.ACCEPTED).every((response) => response.body.accepted_by === acme.user.id)).toBe(true);
    const ids = risks.map((risk) => risk.id);
    expect(await commitsOf(ids, 'updated_at')).toBeLessThan(40);
    expect(await updatedHistory(ids)).toEqual(
      risks.map((risk, i) => ({ id: risk.id, field_name: 'status', old_value: 'In Progress', new_value: to(i), user_id: acme.user.id })),
    );
    const openOf = async (id: number) => (await client.http().get(`/api/modelInventory/${id}`).set(acme.auth).expect(200)).body.open_risk_count;
    expect([await openOf(first.id), await openOf(second.id)]).toEqual([0, 0]);
  });

  it('writes two changes of one risk sent together one after the other: the second is checked against the first one’s outcome', async () => {
    const model = await client.model(acme);
    const fillers = [await client.create(acme, model.id), await client.create(acme, model.id)];
    const risk = await client.create(acme, model.id, { risk_name: 'Contested', status: ModelRiskStatus.IN_PROGRESS });
    // The fillers take both statements and wait for the model's lock; the two changes of `risk` queue and leave together.
    const lock = await lockModel(model.id);
    const filling = Promise.all(fillers.map((filler) => patch(acme, filler.id, { status: ModelRiskStatus.IN_PROGRESS }).then((response) => response)));
    await lock.waitFor(2);
    const contesting = Promise.all([ModelRiskStatus.RESOLVED, ModelRiskStatus.ACCEPTED].map((status) => patch(acme, risk.id, { status }).then((response) => response)));
    await lock.waitFor(2);
    await lock.release();
    const responses = [...(await filling), ...(await contesting)];

    expect(responses.slice(0, 2).map((response) => response.status)).toEqual([200, 200]);
    const contested = responses.slice(2);
    expect(contested.map((response) => response.status).sort()).toEqual([200, 409]);
    const winner = contested.find((response) => response.status === 200)?.body.status;
    expect(contested.find((response) => response.status === 409)?.body.detail).toContain(`${winner}`);
    expect((await client.http().get(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(200)).body).toMatchObject({ status: winner, version_number: risk.version_number + 1 });
    expect(await updatedHistory([risk.id])).toEqual([{ id: risk.id, field_name: 'status', old_value: 'In Progress', new_value: winner, user_id: acme.user.id }]);
  });

  it('refuses only the change that moves a risk to a model gone meanwhile; the changes written with it are kept', async () => {
    const live = await client.model(acme);
    const gone = await client.model(acme);
    const risks: ModelRiskResponse[] = [];
    for (let i = 0; i < 6; i++) risks.push(await client.create(acme, live.id, { risk_name: `Moved or not ${i}` }));
    await client.http().delete(`/api/modelInventory/${gone.id}`).set(acme.auth).expect(204);
    const responses = await whileModelLocked(live.id, () =>
      risks.map((risk, i) => patch(acme, risk.id, i === 4 ? { model_id: gone.id } : { owner: `owner-${i}@example.com` }).then((response) => response)),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 400, 200]);
    expect(responses[4].body.errors).toEqual([{ field: 'model_id', message: expect.stringContaining(`model_id ${gone.id} is not`) }]);
    expect(responses.filter((_, i) => i !== 4).map((response) => response.body.owner)).toEqual(['owner-0@example.com', 'owner-1@example.com', 'owner-2@example.com', 'owner-3@example.com', 'owner-5@example.com']);
    expect((await client.http().get(`/api/modelRisks/${risks[4].id}`).set(acme.auth).expect(200)).body).toMatchObject({ model_id: live.id, version_number: risks[4].version_number });
    expect((await updatedHistory(risks.map((risk) => risk.id))).map((row) => row.id)).toEqual(risks.filter((_, i) => i !== 4).map((risk) => risk.id));
  });
});
