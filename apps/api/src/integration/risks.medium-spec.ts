import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelRiskResponse, ModelRiskStatus, RiskRating, Role } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { RisksModule } from '@model-inventory/server-risks';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { aRisk, riskClient, riskWrites } from './risk-fixtures';

const { OPEN, IN_PROGRESS, RESOLVED, ACCEPTED } = ModelRiskStatus;

describe('the model risk register: validation, workflow, soft delete and history (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;
  let client: ReturnType<typeof riskClient>;
  let modelId: number;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, RisksModule]);
    client = riskClient(app);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    modelId = (await client.model(acme)).id;
  });

  afterAll(() => app.close());

  const post = (session: TestSession, body: object) => client.http().post('/api/modelRisks').set(session.auth).send(body);

  async function expectRefused(call: () => Promise<{ status: number; body: { detail?: string; errors?: Array<{ field: string }> } }>, status: number, field?: string) {
    const before = await riskWrites(app, acme.organizationId);
    const response = await call();
    expect(response.status).toBe(status);
    if (field) expect(response.body.errors?.map((e) => e.field)).toContain(field);
    expect(await riskWrites(app, acme.organizationId)).toEqual(before);
    return response;
  }

  describe('create', () => {
    it('creates a risk with the seed fields, status Open by default, its model named, and counts it as the model’s open risk', async () => {
      const model = await client.model(acme);
      const risk = await client.create(acme, model.id, { impact: 'High' as never, likelihood: 'Low' as never, description: 'Seen in Q3 audits.' });
      expect(risk).toMatchObject({
        risk_name: 'Accuracy drops on non-English tickets',
        risk_category: 'Performance',
        risk_level: 'High',
        status: 'Open',
        owner: 'risk.officer@example.com',
        target_date: '2099-06-30',
        impact: 'High',
        likelihood: 'Low',
        description: 'Seen in Q3 audits.',
        mitigation_plan: null,
        model_id: model.id,
        model: { id: model.id, provider: 'OpenAI', model: 'GPT-4', version: '1.0', is_deleted: false },
        overdue: false,
        allowed_transitions: ['In Progress'],
        is_deleted: false,
        deleted_at: null,
        accepted_by: null,
      });
      const { body } = await client.http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200);
      expect(body.open_risk_count).toBe(1);
    });

    it('accepts a past target date, which makes the risk overdue', async () => {
      expect((await client.create(acme, modelId, { target_date: '2020-01-31' })).overdue).toBe(true);
      expect((await client.create(acme, modelId, { target_date: '2020-01-31', status: IN_PROGRESS })).overdue).toBe(true);
    });

    it('names every missing required field at once', async () => {
      const response = await expectRefused(() => post(acme, {}), 400);
      expect(new Set(response.body.errors?.map((e) => e.field))).toEqual(new Set(['risk_name', 'risk_category', 'risk_level', 'owner', 'target_date', 'model_id']));
    });

    it.each([
      ['risk_category', { risk_category: 'performance' }],
      ['risk_category', { risk_category: 'Bias' }],
      ['risk_level', { risk_level: 'high' }],
      ['status', { status: 'Closed' }],
      ['status', { status: null }],
      ['impact', { impact: 'Extreme' }],
      ['likelihood', { likelihood: 'medium' }],
      ['target_date', { target_date: '2025-02-30' }],
      ['target_date', { target_date: 'next week' }],
      ['risk_name', { risk_name: '   ' }],
      ['risk_name', { risk_name: 'x'.repeat(301) }],
      ['owner', { owner: '' }],
      ['description', { description: 'x'.repeat(10_001) }],
      ['model_id', { model_id: 'one' }],
      ['model_id', { model_id: 2147483648 }],
      ['organization_id', { organization_id: 2 }],
      ['is_deleted', { is_deleted: true }],
      ['deleted_at', { deleted_at: '2025-01-01T00:00:00Z' }],
    ])('refuses a bad %s with a 400 naming it, and writes nothing', async (field, override) => {
      await expectRefused(() => post(acme, { ...aRisk(modelId), ...override }), 400, field);
    });

    it("refuses an unknown model, a deleted one and another organisation's, naming model_id", async () => {
      const deleted = await client.model(acme);
      await client.http().delete(`/api/modelInventory/${deleted.id}`).set(acme.auth).expect(204);
      const foreign = await client.model(globex);
      for (const id of [2147483647, deleted.id, foreign.id]) {
        const response = await expectRefused(() => post(acme, aRisk(id)), 400, 'model_id');
        expect(response.body.errors).toEqual([{ field: 'model_id', message: `model_id ${id} is not a model of your organisation (or it is deleted)` }]);
      }
    });

    it('records who accepted a risk created as Accepted', async () => {
      const risk = await client.create(acme, modelId, { status: ACCEPTED });
      expect(risk).toMatchObject({ accepted_by: acme.user.id, accepted_by_name: acme.user.name, accepted_at: expect.any(String) });
    });
  });

  describe('the status workflow', () => {
    it.each([
      [OPEN, IN_PROGRESS],
      [IN_PROGRESS, RESOLVED],
      [IN_PROGRESS, ACCEPTED],
      [RESOLVED, OPEN],
      [ACCEPTED, OPEN],
    ])('moves a risk from %s to %s', async (from, to) => {
      const risk = await client.create(acme, modelId, { status: from });
      const { body } = await client.put(acme, risk, { status: to }).expect(200);
      expect(body.status).toBe(to);
    });

    it.each([
      [OPEN, RESOLVED, 'In Progress'],
      [OPEN, ACCEPTED, 'In Progress'],
      [IN_PROGRESS, OPEN, 'Resolved or Accepted'],
      [RESOLVED, ACCEPTED, 'Open'],
      [RESOLVED, IN_PROGRESS, 'Open'],
      [ACCEPTED, IN_PROGRESS, 'Open'],
      [ACCEPTED, RESOLVED, 'Open'],
    ])('refuses %s → %s with a 409 naming the allowed next states (%s), and writes nothing', async (from, to, allowed) => {
      const risk = await client.create(acme, modelId, { status: from });
      const response = await expectRefused(() => client.put(acme, risk, { status: to }), 409);
      expect(response.body).toMatchObject({ title: 'Conflict', detail: `A risk cannot move from ${from} to ${to}; from ${from} it can move to ${allowed}.` });
    });

    it('checks the fields (400) before the workflow (409)', async () => {
      const risk = await client.create(acme, modelId);
      await expectRefused(() => client.put(acme, risk, { status: RESOLVED, owner: '' }), 400, 'owner');
    });

    it('keeps the status when a PUT leaves it out, and does not count keeping it as a transition', async () => {
      const risk = await client.create(acme, modelId, { status: IN_PROGRESS });
      const { status: _status, ...rest } = risk;
      const { body } = await client.put(acme, { ...rest, status: undefined } as unknown as ModelRiskResponse, { owner: 'new.owner@example.com' }).expect(200);
      expect(body).toMatchObject({ status: IN_PROGRESS, owner: 'new.owner@example.com' });
      await client.put(acme, body, { status: IN_PROGRESS }).expect(200);
    });

    it('records who accepted and when, and clears it on reopening', async () => {
      const risk = await client.create(acme, modelId, { status: IN_PROGRESS });
      const reviewer = await addUser(app, acme, Role.Reviewer);
      const { body: accepted } = await client.put(reviewer, risk, { status: ACCEPTED }).expect(200);
      expect(accepted).toMatchObject({ accepted_by: reviewer.user.id, accepted_by_name: reviewer.user.name, accepted_at: expect.any(String), allowed_transitions: [OPEN] });
      const { body: reopened } = await client.put(acme, accepted, { status: OPEN }).expect(200);
      expect(reopened).toMatchObject({ accepted_by: null, accepted_at: null });
    });

    it('serialises concurrent conflicting transitions: one wins, the other gets 409, and one history row is written', async () => {
      for (let round = 0; round < 5; round++) {
        const risk = await client.create(acme, modelId, { status: IN_PROGRESS });
        const [resolve, accept] = await Promise.all([client.put(acme, risk, { status: RESOLVED }), client.put(acme, risk, { status: ACCEPTED })]);
        expect([resolve.status, accept.status].sort()).toEqual([200, 409]);
        const { items } = await client.history(acme, risk.id);
        expect(items.filter((row) => row['field_name'] === 'status' && row['action'] === 'updated')).toHaveLength(1);
      }
    });

    it('accepts many risks created at once for one model: none is refused, and the model counts every one', async () => {
      const model = await client.model(acme, { version: 'busy' });
      const responses = await Promise.all(Array.from({ length: 24 }, (_, i) => post(acme, aRisk(model.id, { risk_name: `Concurrent finding ${i}` }))));
      expect(responses.map((response) => response.status)).toEqual(Array(24).fill(201));
      const { body } = await client.http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200);
      expect(body.open_risk_count).toBe(24);
    });

    it('applies concurrent PATCHes of different fields both, each with its history row, and never loses one', async () => {
      for (let round = 0; round < 3; round++) {
        const risk = await client.create(acme, modelId);
        const patch = (body: object) => client.http().patch(`/api/modelRisks/${risk.id}`).set(acme.auth).send(body);
        const [owner, plan] = await Promise.all([patch({ owner: 'grace@example.com' }), patch({ mitigation_plan: 'Add a human review step' })]);
        expect([owner.status, plan.status]).toEqual([200, 200]);
        const { body } = await client.http().get(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(200);
        expect(body).toMatchObject({ owner: 'grace@example.com', mitigation_plan: 'Add a human review step', version_number: 3 });
        const { items } = await client.history(acme, risk.id);
        expect(items.filter((row) => row['action'] === 'updated').map((row) => row['field_name']).sort()).toEqual(['mitigation_plan', 'owner']);
      }
    });
  });

  describe('update, soft delete and restore', () => {
    it('replaces every field, clears the optional ones left out, moves updated_at and keeps created_at', async () => {
      const risk = await client.create(acme, modelId, { mitigation_plan: 'Retrain monthly', threshold: '< 5% error' });
      const other = await client.model(acme, { version: '2.0' });
      const { body } = await client.put(acme, risk, { risk_name: 'Renamed', mitigation_plan: undefined, threshold: undefined, model_id: other.id }).expect(200);
      expect(body).toMatchObject({ risk_name: 'Renamed', mitigation_plan: null, threshold: null, model_id: other.id, model: { version: '2.0' }, created_at: risk.created_at, version_number: 2 });
      expect(Date.parse(body.updated_at)).toBeGreaterThanOrEqual(Date.parse(risk.updated_at));
      const counts = async (id: number) => (await client.http().get(`/api/modelInventory/${id}`).set(acme.auth).expect(200)).body.open_risk_count;
      expect(await counts(other.id)).toBe(1);
    });

    it('refuses a move to a model that is not a live model of the organisation', async () => {
      const risk = await client.create(acme, modelId);
      const foreign = await client.model(globex);
      await expectRefused(() => client.put(acme, risk, { model_id: foreign.id }), 400, 'model_id');
    });

    it('soft-deletes (204), answers 404 to a second delete, keeps the risk readable, and restores it with every field kept', async () => {
      const risk = await client.create(acme, modelId, { key_metrics: 'F1 on German tickets' });
      await client.http().delete(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(204);
      await client.http().delete(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(404);
      const { body: deleted } = await client.http().get(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(200);
      expect(deleted).toMatchObject({ is_deleted: true, deleted_at: expect.any(String), allowed_transitions: [] });
      const edit = await expectRefused(() => client.put(acme, deleted, { owner: 'someone@example.com' }), 409);
      expect(edit.body.detail).toContain('restore it first');
      const { body: restored } = await client.http().post(`/api/modelRisks/${risk.id}/restore`).set(acme.auth).expect(200);
      const { version_number: _v, updated_at: _u, ...kept } = risk;
      expect(restored).toMatchObject({ ...kept, is_deleted: false, deleted_at: null });
      await client.http().post(`/api/modelRisks/${risk.id}/restore`).set(acme.auth).expect(409);
    });
  });

  describe('partial update (PATCH)', () => {
    const patch = (session: TestSession, id: number, body: object, ifMatch?: string) => {
      const call = client.http().patch(`/api/modelRisks/${id}`).set(session.auth);
      return (ifMatch ? call.set('If-Match', ifMatch) : call).send(body);
    };

    it('moves the status alone, keeping every other field, and records one history row', async () => {
      const risk = await client.create(acme, modelId, { mitigation_plan: 'Retrain monthly', impact: RiskRating.HIGH });
      const { body } = await patch(acme, risk.id, { status: ModelRiskStatus.IN_PROGRESS }).expect(200);
      const { status: _s, version_number: _v, updated_at: _u, allowed_transitions: _a, ...kept } = risk;
      expect(body).toMatchObject({ ...kept, status: ModelRiskStatus.IN_PROGRESS, mitigation_plan: 'Retrain monthly', impact: RiskRating.HIGH });
      const history = await client.history(acme, risk.id);
      expect(history.items.filter((row) => row['action'] === 'updated').map((row) => row['field_name'])).toEqual(['status']);
    });

    it('clears an optional field sent as null, and refuses null for a required one naming it', async () => {
      const risk = await client.create(acme, modelId, { threshold: '< 5% error', key_metrics: 'F1' });
      const { body } = await patch(acme, risk.id, { threshold: null }).expect(200);
      expect(body).toMatchObject({ threshold: null, key_metrics: 'F1' });
      await expectRefused(() => patch(acme, risk.id, { owner: null }), 400, 'owner');
    });

    it('follows the workflow (409 naming the allowed moves) and If-Match (412), writing nothing when refused', async () => {
      const risk = await client.create(acme, modelId);
      const refused = await expectRefused(() => patch(acme, risk.id, { status: ModelRiskStatus.RESOLVED }), 409);
      expect(refused.body.detail).toMatch(/In Progress/);
      const { headers } = await client.http().get(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(200);
      await patch(acme, risk.id, { owner: 'first@example.com' }, headers['etag']).expect(200);
      await expectRefused(() => patch(acme, risk.id, { owner: 'second@example.com' }, headers['etag']), 412);
      await client.http().patch(`/api/modelRisks/${risk.id}`).set(globex.auth).send({ owner: 'x@example.com' }).expect(404);
    });

    it('restores only the version the caller read when If-Match is sent', async () => {
      const risk = await client.create(acme, modelId);
      const { headers } = await client.http().get(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(200);
      await client.http().delete(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(204);
      await client.http().post(`/api/modelRisks/${risk.id}/restore`).set(acme.auth).set('If-Match', headers['etag']).expect(412);
      const { headers: deleted } = await client.http().get(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(200);
      await client.http().post(`/api/modelRisks/${risk.id}/restore`).set(acme.auth).set('If-Match', deleted['etag']).expect(200);
    });
  });

  describe('change history', () => {
    it('records field-level rows for create, update, delete and restore, with the author; none for refused or unchanged writes', async () => {
      const risk = await client.create(acme, modelId);
      await client.put(acme, risk).expect(200);
      await client.put(acme, risk, { status: RESOLVED }).expect(409);
      const { body: updated } = await client.put(acme, risk, { status: IN_PROGRESS, owner: 'b@example.com' }).expect(200);
      await client.http().delete(`/api/modelRisks/${risk.id}`).set(acme.auth).expect(204);
      await client.http().post(`/api/modelRisks/${risk.id}/restore`).set(acme.auth).expect(200);
      const { items, total } = await client.history(acme, risk.id);
      expect(items.map((row) => `${row['action']}:${row['field_name']}`)).toEqual([
        'restored:is_deleted',
        'deleted:is_deleted',
        'updated:owner',
        'updated:status',
        ...['risk_name', 'risk_category', 'risk_level', 'status', 'owner', 'target_date', 'model_id'].map((f) => `created:${f}`).reverse(),
      ]);
      expect(total).toBe(11);
      expect(items[3]).toMatchObject({ model_risk_id: risk.id, old_value: 'Open', new_value: 'In Progress', changed_by_user_id: acme.user.id, changed_by_name: acme.user.name, changed_by_email: acme.user.email });
      expect(updated.version_number).toBe(2);
    });

    it('pages newest first, and answers 404 for a missing risk and for another organisation’s', async () => {
      const risk = await client.create(acme, modelId);
      const { body } = await client.http().get(`/api/model-risk-change-history/${risk.id}?limit=2&offset=1`).set(acme.auth).expect(200);
      expect(body).toMatchObject({ total: 7, items: [expect.objectContaining({ field_name: 'target_date' }), expect.objectContaining({ field_name: 'owner' })] });
      await client.http().get(`/api/model-risk-change-history/${risk.id}`).set(globex.auth).expect(404);
      await client.http().get('/api/model-risk-change-history/2147483647').set(acme.auth).expect(404);
    });
  });
});
