import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelRiskResponse, ModelRiskStatus, Role } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { RisksModule } from '@model-inventory/server-risks';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';
import { aRisk, riskClient } from './risk-fixtures';

/**
 * Single creates that arrive together are written together (a group commit): fewer statements and commits, with
 * every request answered for its own risk, its own history and its own failure.
 */
describe('risk creates arriving together share a commit, each keeping its own answer (real PostgreSQL)', () => {
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
  /** Risks written by one commit share its transaction's `created_at`. */
  const commitsOf = async (ids: number[]) =>
    Number((await app.get(DataSource).query(`SELECT count(DISTINCT created_at)::int AS n FROM model_risks WHERE id = ANY($1::int[])`, [ids]))[0].n);
  const historyAuthors = async (ids: number[]) =>
    app.get(DataSource).query(
      `SELECT entity_id AS id, count(*)::int AS rows, array_agg(DISTINCT changed_by_user_id) AS users
         FROM change_history WHERE entity_type = 'risk' AND entity_id = ANY($1::int[]) GROUP BY entity_id ORDER BY entity_id`,
      [ids],
    ) as Promise<Array<{ id: number; rows: number; users: number[] }>>;

  /** Sends the requests while another transaction holds the model's row, and releases it once two API sessions wait for it. */
  async function whileModelLocked<T>(modelId: number, send: () => Array<Promise<T>>): Promise<T[]> {
    const holder = app.get(DataSource).createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT id FROM model_inventories WHERE id = $1 FOR UPDATE', [modelId]);
    const sending = Promise.all(send());
    const waiting = async () =>
      Number((await app.get(DataSource).query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n);
    for (let tries = 0; (await waiting()) < 2 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the rest of the requests reach the queue
    await holder.commitTransaction();
    await holder.release();
    return sending;
  }

  it('answers 40 concurrent creates each with its own risk, written in fewer commits, each with its history and count', async () => {
    const [first, second] = [await client.model(acme), await client.model(acme)];
    const sent = Array.from({ length: 40 }, (_, i) =>
      aRisk(i % 2 ? first.id : second.id, { risk_name: `Concurrent risk ${i}`, status: i % 5 === 0 ? ModelRiskStatus.ACCEPTED : undefined }),
    );
    const responses = await Promise.all(sent.map((body) => post(acme, body)));

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
});
