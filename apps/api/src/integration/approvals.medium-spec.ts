import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelInventoryResponse, ModelStatusDecision, Role } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aModel } from './inventory-fixtures';

describe('approval records: who decided a status, when and why (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let reviewer: TestSession;
  let editor: TestSession;
  let auditor: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule]);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    [reviewer, editor, auditor] = await Promise.all([Role.Reviewer, Role.Editor, Role.Auditor].map((role) => addUser(app, acme, role)));
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const create = async (session: TestSession, body: object = {}): Promise<ModelInventoryResponse> =>
    (await http().post('/api/modelInventory').set(session.auth).send(aModel(body)).expect(201)).body;
  const patch = (session: TestSession, id: number, body: object) => http().patch(`/api/modelInventory/${id}`).set(session.auth).send(body);
  const approvals = async (session: TestSession, id: number): Promise<ModelStatusDecision[]> =>
    (await http().get(`/api/modelInventory/${id}/approvals`).set(session.auth).expect(200)).body.items;
  const decisionRows = async () => Number((await app.get(DataSource).query(`SELECT count(*) FROM model_status_decisions`))[0].count);

  it('records an approval with its rationale on the model and in the approvals list', async () => {
    const model = await create(acme);
    expect(model).toMatchObject({ status: 'Pending', approved_by: null, approved_at: null, status_rationale: null });
    const { body: approved } = await patch(reviewer, model.id, { status: 'Approved', status_rationale: 'Assessment passed; internal use only.' }).expect(200);
    expect(approved).toMatchObject({ status: 'Approved', approved_by: { id: reviewer.user.id, name: reviewer.user.name }, status_rationale: 'Assessment passed; internal use only.' });
    expect(Date.parse(approved.approved_at)).toBeGreaterThan(Date.now() - 60_000);
    const [decision] = await approvals(auditor, model.id);
    expect(decision).toMatchObject({ model_id: model.id, from_status: 'Pending', to_status: 'Approved', rationale: 'Assessment passed; internal use only.', decided_by: { id: reviewer.user.id } });
    expect(decision.decided_at).toBe(approved.approved_at);
  });

  it('lists every decision newest first, a re-approval included, and clears the approval when the model goes back to Pending', async () => {
    const model = await create(acme, { status: 'Restricted' as never, status_rationale: 'Only for the pilot team.' });
    expect(model).toMatchObject({ status: 'Restricted', approved_by: { id: acme.user.id }, status_rationale: 'Only for the pilot team.' });
    await patch(reviewer, model.id, { status: 'Restricted', status_rationale: 'Pilot extended to Q3.' }).expect(200);
    const { body: pending } = await patch(editor, model.id, { status: 'Pending' }).expect(200);
    expect(pending).toMatchObject({ status: 'Pending', approved_by: null, approved_at: null, status_rationale: null });
    const decisions = await approvals(acme, model.id);
    expect(decisions.map((d) => [d.from_status, d.to_status, d.rationale, d.decided_by.id])).toEqual([
      ['Restricted', 'Pending', null, editor.user.id],
      ['Restricted', 'Restricted', 'Pilot extended to Q3.', reviewer.user.id],
      [null, 'Restricted', 'Only for the pilot team.', acme.user.id],
    ]);
  });

  it('shows the rationale in the Activity history', async () => {
    const model = await create(acme);
    await patch(acme, model.id, { status: 'Blocked', status_rationale: 'Sends data outside the EU.' }).expect(200);
    const { body } = await http().get(`/api/model-inventory-change-history/${model.id}`).set(acme.auth).expect(200);
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'updated', field_name: 'status', old_value: 'Pending', new_value: 'Blocked' }),
        expect.objectContaining({ action: 'updated', field_name: 'status_rationale', old_value: null, new_value: 'Sends data outside the EU.' }),
      ]),
    );
  });

  it('does not record a decision when the same status is sent again without a rationale', async () => {
    const model = await create(acme, { status: 'Approved' as never });
    const before = await decisionRows();
    const { body } = await patch(acme, model.id, { status: 'Approved' }).expect(200);
    expect(body.version_number).toBe(model.version_number);
    expect(await decisionRows()).toBe(before);
  });

  it.each([
    ['without a status', { status_rationale: 'Because.' }],
    ['with Pending', { status: 'Pending', status_rationale: 'Because.' }],
    ['empty', { status: 'Approved', status_rationale: '' }],
    ['too long', { status: 'Approved', status_rationale: 'x'.repeat(2001) }],
  ])('refuses a rationale %s with a 400 naming status_rationale, writing nothing', async (_case, body) => {
    const model = await create(acme);
    const before = await decisionRows();
    const response = await patch(acme, model.id, body).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('status_rationale');
    expect(await decisionRows()).toBe(before);
    expect((await http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200)).body.version_number).toBe(model.version_number);
  });

  it("lets only Admins and Reviewers decide, a re-approval included", async () => {
    const model = await create(acme, { status: 'Approved' as never });
    await patch(editor, model.id, { status: 'Approved', status_rationale: 'Still fine.' }).expect(403);
    expect(await approvals(acme, model.id)).toHaveLength(1);
  });

  it("answers 404 for another organisation's model, and for an unknown one", async () => {
    const model = await create(acme, { status: 'Approved' as never });
    await http().get(`/api/modelInventory/${model.id}/approvals`).set(globex.auth).expect(404);
    await http().get(`/api/modelInventory/2147483000/approvals`).set(acme.auth).expect(404);
  });

  it('keeps the approvals of a deleted model readable, and exports the decision with the model', async () => {
    const model = await create(acme, { status: 'Approved' as never, status_rationale: 'Reviewed by the AI board.', model: 'Exported-model' });
    const csv = await http().get('/api/modelInventory/export?format=csv&search=Exported-model').set(acme.auth).expect(200);
    expect(csv.text.split('\n')[0]).toContain('Status rationale');
    expect(csv.text).toContain('Reviewed by the AI board.');
    await http().delete(`/api/modelInventory/${model.id}`).set(acme.auth).expect(204);
    expect(await approvals(acme, model.id)).toHaveLength(1);
  });
});

describe('governance rules: re-review on material change and required rationales (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let admin: TestSession;
  let editor: TestSession;
  let reviewer: TestSession;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule]);
    admin = await registerOrganization(app);
    [editor, reviewer] = await Promise.all([Role.Editor, Role.Reviewer].map((role) => addUser(app, admin, role)));
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const settings = (session: TestSession, body: object) => http().patch('/api/organization/settings').set(session.auth).send(body);
  const approved = async (body: object = {}): Promise<ModelInventoryResponse> =>
    (await http().post('/api/modelInventory').set(admin.auth).send(aModel({ status: 'Approved' as never, ...body })).expect(201)).body;
  const patch = (session: TestSession, id: number, body: object) => http().patch(`/api/modelInventory/${id}`).set(session.auth).send(body);
  const events = async (name: string, modelId: number) =>
    Number((await app.get(DataSource).query(`SELECT count(*) FROM automation_events WHERE event = $1 AND (payload->'model'->>'id')::int = $2`, [name, modelId]))[0].count);

  it('leaves an approved model approved after a material change while the rule is off (the default)', async () => {
    const { body } = await http().get('/api/organization/settings').set(editor.auth).expect(200);
    expect(body).toMatchObject({ review_on_material_change: false, require_status_rationale: false, material_fields: ['provider', 'model', 'version', 'hosting_provider', 'capabilities'] });
    const model = await approved();
    expect((await patch(editor, model.id, { version: '2.0' }).expect(200)).body.status).toBe('Approved');
  });

  describe('with review_on_material_change on', () => {
    beforeAll(async () => {
      await settings(admin, { review_on_material_change: true }).expect(200);
    });

    it("sends an Editor's material change back to Pending in the same write, says why, records it and tells webhooks", async () => {
      const model = await approved();
      const { body } = await patch(editor, model.id, { version: '2.0', hosting_provider: 'On-premises' }).expect(200);
      expect(body).toMatchObject({ status: 'Pending', version: '2.0', approved_by: null, approved_at: null });
      expect(body.status_rationale).toBe('Review required: version, hosting_provider changed while the model was Approved.');
      const decisions = (await http().get(`/api/modelInventory/${model.id}/approvals`).set(admin.auth).expect(200)).body.items;
      expect(decisions[0]).toMatchObject({ from_status: 'Approved', to_status: 'Pending', decided_by: { id: editor.user.id }, rationale: body.status_rationale });
      const history = (await http().get(`/api/model-inventory-change-history/${model.id}`).set(admin.auth).expect(200)).body.items;
      expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ field_name: 'status', old_value: 'Approved', new_value: 'Pending' })]));
      expect(await events('model_review_required', model.id)).toBe(1);
      expect(await events('model_updated', model.id)).toBe(1);
    });

    it('keeps the status when an Admin or Reviewer re-approves in the same request, and refuses that to an Editor', async () => {
      const model = await approved();
      const { body } = await patch(reviewer, model.id, { version: '3.0', status: 'Approved', status_rationale: 'Re-assessed v3.' }).expect(200);
      expect(body).toMatchObject({ status: 'Approved', version: '3.0', approved_by: { id: reviewer.user.id }, status_rationale: 'Re-assessed v3.' });
      expect(await events('model_review_required', model.id)).toBe(0);
      await patch(editor, model.id, { version: '4.0', status: 'Approved' }).expect(403);
      expect((await http().get(`/api/modelInventory/${model.id}`).set(admin.auth).expect(200)).body.version).toBe('3.0');
    });

    it('ignores changes to fields that are not material, and watches only the fields the organisation chose', async () => {
      const model = await approved();
      expect((await patch(editor, model.id, { biases: 'Updated bias notes' }).expect(200)).body.status).toBe('Approved');
      await settings(admin, { material_fields: ['approver'] }).expect(200);
      try {
        expect((await patch(editor, model.id, { version: '9.9' }).expect(200)).body.status).toBe('Approved');
        expect((await patch(editor, model.id, { approver: 'someone.else@example.com' }).expect(200)).body.status).toBe('Pending');
      } finally {
        await settings(admin, { material_fields: ['provider', 'model', 'version', 'hosting_provider', 'capabilities'] }).expect(200);
      }
    });
  });

  it('requires a rationale for a decision while require_status_rationale is on', async () => {
    await settings(admin, { require_status_rationale: true }).expect(200);
    try {
      const response = await http().post('/api/modelInventory').set(admin.auth).send(aModel({ status: 'Blocked' as never })).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['status_rationale']);
      const pending = (await http().post('/api/modelInventory').set(admin.auth).send(aModel()).expect(201)).body;
      await patch(admin, pending.id, { status: 'Approved' }).expect(400);
      expect((await patch(admin, pending.id, { status: 'Approved', status_rationale: 'Board minutes 12.' }).expect(200)).body.status).toBe('Approved');
    } finally {
      await settings(admin, { require_status_rationale: false }).expect(200);
    }
  });

  it('lets only Admins change the rules, validates them field by field and records each change in the security log', async () => {
    await settings(editor, { review_on_material_change: false }).expect(403);
    const bad = await settings(admin, { material_fields: ['version', 'nope'], require_status_rationale: 'yes' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['material_fields', 'require_status_rationale']);
    await settings(admin, { require_status_rationale: true }).expect(200);
    await settings(admin, { require_status_rationale: false }).expect(200);
    const log = (await http().get('/api/audit-events?action=organization.settings_changed&limit=50').set(admin.auth).expect(200)).body.items;
    expect(log.some((entry: { details: Record<string, unknown> }) => JSON.stringify(entry.details).includes('require_status_rationale'))).toBe(true);
  });
});

describe('the organisation itself: every role reads it, an Admin renames it (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let admin: TestSession;
  let auditor: TestSession;
  let other: TestSession;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule]);
    [admin, other] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    auditor = await addUser(app, admin, Role.Auditor);
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  it('renames the organisation for everyone in it, records who did, and touches no other organisation', async () => {
    const { body } = await http().patch('/api/organization').set(admin.auth).send({ name: '  Acme Governance  ' }).expect(200);
    expect(body).toMatchObject({ id: admin.organizationId, name: 'Acme Governance' });
    expect((await http().get('/api/organization').set(auditor.auth).expect(200)).body.name).toBe('Acme Governance');
    expect((await http().get('/api/auth/me').set(auditor.auth).expect(200)).body.organization.name).toBe('Acme Governance');
    expect((await http().get('/api/organization').set(other.auth).expect(200)).body.name).not.toBe('Acme Governance');
    const log = (await http().get('/api/audit-events?action=organization.renamed').set(admin.auth).expect(200)).body.items;
    expect(log[0]).toMatchObject({ action: 'organization.renamed', details: { to: 'Acme Governance' } });
  });

  it('refuses a rename to an Auditor (403) and an empty or overlong name (400 naming name)', async () => {
    await http().patch('/api/organization').set(auditor.auth).send({ name: 'Mine now' }).expect(403);
    for (const name of ['   ', 'x'.repeat(201)]) {
      const response = await http().patch('/api/organization').set(admin.auth).send({ name }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    }
  });
});
