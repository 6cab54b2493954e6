import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelRiskResponse, ModelRiskStatus, RISK_BATCH_MAX, Role } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { RisksModule } from '@model-inventory/server-risks';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { aRisk, riskClient, riskWrites } from './risk-fixtures';

describe('POST /api/modelRisks/batch: many risks in one request, all or nothing (real PostgreSQL)', () => {
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
});
