import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelRiskResponse, ModelRiskStatus, RISK_BATCH_MAX, Role } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { RisksModule } from '@model-inventory/server-risks';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { aRisk, riskClient, riskWrites } from './risk-fixtures';

describe('risk batches: many risks created or changed in one request, all or nothing (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;
  let client: ReturnType<typeof riskClient>;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, RisksModule]);
    client = riskClient(app);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
  });

  afterAll(() => app.close());

  const batch = (session: TestSession, body: unknown) => client.http().post('/api/modelRisks/batch').set(session.auth).send(body as object);
  const openRisks = async (modelId: number) => (await client.http().get(`/api/modelInventory/${modelId}`).set(acme.auth).expect(200)).body.open_risk_count;

  async function expectNothingWritten(body: unknown, status: number, session = acme) {
    const before = await riskWrites(app, acme.organizationId);
    const response = await batch(session, body);
    expect(response.status).toBe(status);
    expect(await riskWrites(app, acme.organizationId)).toEqual(before);
    return response.body as { detail: string; errors?: Array<{ field: string; message: string }> };
  }

  it('writes every risk in the order sent, each as a single create would, with its own history and its model’s open-risk count', async () => {
    const [first, second] = [await client.model(acme), await client.model(acme)];
    const { body } = await batch(acme, {
      items: [
        aRisk(first.id, { risk_name: 'Drift on Q4 data', impact: 'High' as never }),
        aRisk(second.id, { risk_name: 'Prompt injection', risk_category: 'Security' as never, status: ModelRiskStatus.IN_PROGRESS, owner: 'sec@example.com' }),
        aRisk(first.id, { risk_name: 'Accepted bias', status: ModelRiskStatus.ACCEPTED, description: 'Known, documented.' }),
        aRisk(first.id, { risk_name: 'Overdue review', target_date: '2020-01-31' }),
      ],
    }).expect(201);
    const items = body.items as ModelRiskResponse[];
    expect(items.map((risk) => [risk.risk_name, risk.status, risk.model_id])).toEqual([
      ['Drift on Q4 data', 'Open', first.id],
      ['Prompt injection', 'In Progress', second.id],
      ['Accepted bias', 'Accepted', first.id],
      ['Overdue review', 'Open', first.id],
    ]);
    expect(items[0]).toMatchObject({ impact: 'High', likelihood: null, model: { id: first.id, provider: 'OpenAI' }, overdue: false, is_deleted: false, allowed_transitions: ['In Progress'] });
    expect(items[2]).toMatchObject({ accepted_by: acme.user.id, accepted_by_name: acme.user.name, description: 'Known, documented.' });
    expect(items[2].accepted_at).not.toBeNull();
    expect(items[3].overdue).toBe(true);
    expect(new Set(items.map((risk) => risk.id)).size).toBe(4);

    const stored = (await client.http().get(`/api/modelRisks/${items[1].id}`).set(acme.auth).expect(200)).body;
    expect(stored).toMatchObject({ risk_name: 'Prompt injection', risk_category: 'Security', owner: 'sec@example.com' });

    const history = await client.history(acme, items[1].id);
    expect(history.items.every((row) => row['action'] === 'created')).toBe(true);
    expect(Object.fromEntries(history.items.map((row) => [row['field_name'], row['new_value']]))).toEqual({
      risk_name: 'Prompt injection',
      risk_category: 'Security',
      risk_level: 'High',
      status: 'In Progress',
      owner: 'sec@example.com',
      target_date: '2099-06-30',
      model_id: String(second.id),
    });
    expect((await client.history(acme, items[2].id)).items.map((row) => row['field_name'])).toContain('description');

    expect(await openRisks(first.id)).toBe(2);
    expect(await openRisks(second.id)).toBe(1);
  });

  it('refuses the whole batch when one item breaks a rule, naming each bad field by its item', async () => {
    const model = await client.model(acme);
    const body = await expectNothingWritten(
      {
        items: [
          { ...aRisk(model.id), organization_id: 2 },
          aRisk(model.id),
          aRisk(model.id, { risk_level: 'high' as never, target_date: '2026-02-30' }),
        ],
      },
      400,
    );
    expect(body.errors?.map((error) => error.field).sort()).toEqual(['items.0.organization_id', 'items.2.risk_level', 'items.2.target_date']);
    expect(body.errors?.find((error) => error.field === 'items.2.risk_level')?.message).toMatch(/Low, Medium, High, Critical/);
  });

  it('refuses the whole batch when a model is unknown, deleted or another organisation’s, naming those items’ model_id', async () => {
    const [live, deleted] = [await client.model(acme), await client.model(acme)];
    await client.http().delete(`/api/modelInventory/${deleted.id}`).set(acme.auth).expect(204);
    const foreign = await client.model(globex);
    const body = await expectNothingWritten({ items: [aRisk(live.id), aRisk(deleted.id), aRisk(foreign.id), aRisk(live.id), aRisk(999_999_999)] }, 400);
    expect(body.errors).toEqual([
      { field: 'items.1.model_id', message: `model_id ${deleted.id} is not a model of your organisation (or it is deleted)` },
      { field: 'items.2.model_id', message: `model_id ${foreign.id} is not a model of your organisation (or it is deleted)` },
      { field: 'items.4.model_id', message: 'model_id 999999999 is not a model of your organisation (or it is deleted)' },
    ]);
    expect(await openRisks(live.id)).toBe(0);
  });

  it.each([
    ['no items key', {}, 'items', 'items must be an array of 1 to 100 risks'],
    ['items not an array', { items: { risk_name: 'x' } }, 'items', 'items must be an array of 1 to 100 risks'],
    ['an empty batch', { items: [] }, 'items', 'items must hold 1 to 100 risks (0 sent); send more in several requests'],
    ['more than 100 risks', { items: Array.from({ length: RISK_BATCH_MAX + 1 }, () => ({ risk_name: 'r' })) }, 'items', 'items must hold 1 to 100 risks (101 sent); send more in several requests'],
    ['an item that is not an object', { items: [aRisk(1), null] }, 'items.1', 'each item of items must be a risk (an object)'],
  ])('refuses %s with a 400 naming that field alone', async (_case, body, field, message) => {
    const refused = await expectNothingWritten(body, 400);
    expect(refused.errors).toEqual([{ field, message }]);
  });

  it('is refused to an Auditor (403) with nothing written; another organisation never sees the risks written', async () => {
    const model = await client.model(acme);
    const auditor = await addUser(app, acme, Role.Auditor);
    await expectNothingWritten({ items: [aRisk(model.id)] }, 403, auditor);

    const { body } = await batch(acme, { items: [aRisk(model.id)] }).expect(201);
    await client.http().get(`/api/modelRisks/${body.items[0].id}`).set(globex.auth).expect(404);
    await client.http().get(`/api/model-risk-change-history/${body.items[0].id}`).set(globex.auth).expect(404);
  });

  it('writes concurrent batches over the same models in opposite orders without a deadlock, every count right', async () => {
    const models = await Promise.all(Array.from({ length: 4 }, () => client.model(acme)));
    const ids = models.map((model) => model.id);
    const batches = Array.from({ length: 6 }, (_, n) => ({ items: (n % 2 ? [...ids].reverse() : ids).flatMap((id) => [aRisk(id), aRisk(id, { status: ModelRiskStatus.ACCEPTED })]) }));
    const responses = await Promise.all(batches.map((body) => batch(acme, body)));
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
    for (const id of ids) expect(await openRisks(id)).toBe(6);
  });

  describe('PATCH /api/modelRisks/batch', () => {
    const change = (session: TestSession, items: object[]) => client.http().patch('/api/modelRisks/batch').set(session.auth).send({ items });
    const statusOf = async (id: number) => (await client.http().get(`/api/modelRisks/${id}`).set(acme.auth).expect(200)).body.status;

    async function risksOn(count: number, status?: ModelRiskStatus) {
      const model = await client.model(acme);
      const created = (await batch(acme, { items: Array.from({ length: count }, (_, i) => aRisk(model.id, { risk_name: `Risk ${i}`, status })) }).expect(201)).body.items as ModelRiskResponse[];
      return { model, ids: created.map((risk) => risk.id) };
    }

    it('applies each item as a PATCH would — transitions, edits, acceptance — with one history row per changed field and the counts moved', async () => {
      const { model, ids } = await risksOn(4);
      const other = await client.model(acme);
      await change(acme, [{ id: ids[1], status: 'In Progress' }]).expect(200);
      const { body } = await change(acme, [
        { id: ids[0], status: 'In Progress', owner: 'triage@example.com' },
        { id: ids[1], status: 'Accepted' },
        { id: ids[2], description: 'Moved to the new model.', model_id: other.id },
        { id: ids[3], risk_name: 'Risk 3' },
      ]).expect(200);
      const items = body.items as ModelRiskResponse[];
      expect(items.map((risk) => [risk.id, risk.status, risk.owner, risk.model_id])).toEqual([
        [ids[0], 'In Progress', 'triage@example.com', model.id],
        [ids[1], 'Accepted', 'risk.officer@example.com', model.id],
        [ids[2], 'Open', 'risk.officer@example.com', other.id],
        [ids[3], 'Open', 'risk.officer@example.com', model.id],
      ]);
      expect(items[1]).toMatchObject({ accepted_by: acme.user.id, allowed_transitions: ['Open'], version_number: 3 });
      expect(items[3].version_number).toBe(1);

      const updates = async (id: number) => (await client.history(acme, id)).items.filter((row) => row['action'] === 'updated').map((row) => [row['field_name'], row['old_value'], row['new_value']]);
      expect(await updates(ids[0])).toEqual(expect.arrayContaining([['status', 'Open', 'In Progress'], ['owner', 'risk.officer@example.com', 'triage@example.com']]));
      expect(await updates(ids[0])).toHaveLength(2);
      expect(await updates(ids[2])).toEqual(expect.arrayContaining([['model_id', String(model.id), String(other.id)], ['description', null, 'Moved to the new model.']]));
      expect(await updates(ids[3])).toEqual([]);
      expect(await openRisks(model.id)).toBe(2);
      expect(await openRisks(other.id)).toBe(1);
    });

    it('refuses the whole batch (409) when one transition is not allowed, naming the item and the allowed next states', async () => {
      const { ids } = await risksOn(2);
      const before = await riskWrites(app, acme.organizationId);
      const { body } = await change(acme, [{ id: ids[0], status: 'In Progress' }, { id: ids[1], status: 'Resolved' }]).expect(409);
      expect(body.detail).toContain(`items.1 (risk ${ids[1]}): A risk cannot move from Open to Resolved; from Open it can move to In Progress.`);
      expect(await riskWrites(app, acme.organizationId)).toEqual(before);
      expect(await statusOf(ids[0])).toBe('Open');
    });

    it('refuses a deleted risk (409, restore first), an unknown or another organisation’s risk (404), a risk named twice (400) — nothing written', async () => {
      const { model, ids } = await risksOn(3);
      await client.http().delete(`/api/modelRisks/${ids[2]}`).set(acme.auth).expect(204);
      const foreign = (await batch(globex, { items: [aRisk((await client.model(globex)).id)] }).expect(201)).body.items[0].id;
      const deleted = await expectChangeRefused([{ id: ids[0], status: 'In Progress' }, { id: ids[2], owner: 'x@example.com' }], 409);
      expect(deleted.detail).toContain(`items.1: model risk ${ids[2]} is deleted; restore it first`);
      const unknown = await expectChangeRefused([{ id: ids[0], status: 'In Progress' }, { id: foreign, status: 'In Progress' }, { id: 999_999_999, status: 'In Progress' }], 404);
      expect(unknown.detail).toBe(`Model risk items.1 (risk ${foreign}), items.2 (risk 999999999) was not found.`);
      const twice = await expectChangeRefused([{ id: ids[0], status: 'In Progress' }, { id: ids[1] }, { id: ids[0], owner: 'y@example.com' }], 400);
      expect(twice.errors).toEqual([{ field: 'items.2.id', message: `risk ${ids[0]} is already changed by items.0; change each risk once per batch` }]);
      const invalid = await expectChangeRefused([{ id: ids[0], risk_name: null }, { status: 'Closed' }], 400);
      expect(invalid.errors?.map((error) => error.field).sort()).toEqual(['items.0.risk_name', 'items.1.id', 'items.1.status']);
      const gone = await client.model(acme);
      await client.http().delete(`/api/modelInventory/${gone.id}`).set(acme.auth).expect(204);
      const moved = await expectChangeRefused([{ id: ids[0], model_id: model.id }, { id: ids[1], model_id: gone.id }], 400);
      expect(moved.errors).toEqual([{ field: 'items.1.model_id', message: `model_id ${gone.id} is not a model of your organisation (or it is deleted)` }]);
    });

    async function expectChangeRefused(items: object[], status: number) {
      const before = await riskWrites(app, acme.organizationId);
      const response = await change(acme, items);
      expect(response.status).toBe(status);
      expect(await riskWrites(app, acme.organizationId)).toEqual(before);
      return response.body as { detail: string; errors?: Array<{ field: string; message: string }> };
    }

    it('is refused to an Auditor (403) with nothing written', async () => {
      const { ids } = await risksOn(1);
      const auditor = await addUser(app, acme, Role.Auditor);
      const before = await riskWrites(app, acme.organizationId);
      await change(auditor, [{ id: ids[0], status: 'In Progress' }]).expect(403);
      expect(await riskWrites(app, acme.organizationId)).toEqual(before);
    });

    it('serialises conflicting batches: one wins, the other gets 409 and writes nothing, one status row per risk moved', async () => {
      const { model, ids } = await risksOn(3, ModelRiskStatus.IN_PROGRESS);
      const [first, second] = await Promise.all([
        change(acme, [{ id: ids[0], status: 'Resolved' }, { id: ids[1], status: 'Resolved' }]),
        change(acme, [{ id: ids[2], status: 'Accepted' }, { id: ids[0], status: 'Accepted' }]),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const loser = first.status === 409 ? first : second;
      expect(loser.body.detail).toMatch(/cannot move from (Resolved|Accepted) to (Accepted|Resolved)/);
      const statuses = await Promise.all(ids.map(statusOf));
      expect(statuses).toEqual(first.status === 200 ? ['Resolved', 'Resolved', 'In Progress'] : ['Accepted', 'In Progress', 'Accepted']);
      const statusRows = await Promise.all(ids.map(async (id) => (await client.history(acme, id)).items.filter((row) => row['action'] === 'updated').length));
      expect(statusRows).toEqual(statuses.map((status) => (status === 'In Progress' ? 0 : 1)));
      expect(await openRisks(model.id)).toBe(1);
    });
  });
});
