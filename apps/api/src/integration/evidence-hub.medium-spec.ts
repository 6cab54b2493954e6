import { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceResponse, Role } from '@model-inventory/contracts';
import { EvidenceModule } from '@model-inventory/server-evidence';
import { InventoryModule } from '@model-inventory/server-inventory';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';
import { evidenceClient, files } from './evidence-fixtures';
import { aModel } from './inventory-fixtures';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('the evidence hub and the approval gate (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let client: ReturnType<typeof evidenceClient>;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, EvidenceModule]);
    client = evidenceClient(app);
  });

  afterAll(() => app.close());

  describe('GET /api/evidence', () => {
    let admin: TestSession;
    let editor: TestSession;
    let modelA: number;
    let modelB: number;
    const e: Record<'oldPentest' | 'dpia' | 'card' | 'assessment', EvidenceResponse> = {} as never;

    beforeAll(async () => {
      admin = await registerOrganization(app);
      editor = await addUser(app, admin, Role.Editor);
      modelA = (await client.model(admin, { model: 'Alpha' })).id;
      modelB = (await client.model(admin, { model: 'Beta' })).id;
      e.oldPentest = await client.uploaded(admin, modelA, { filename: 'pentest-2019.pdf', fields: { evidence_type: 'Security Assessment Report', description: 'old pen test', expiry_date: '2020-01-01' } });
      e.dpia = await client.uploaded(editor, modelA, { file: await files.docx(), filename: 'dpia.docx', fields: { evidence_type: 'DPIA', description: 'Privacy review', expiry_date: inDays(10) } });
      e.card = await client.uploaded(admin, modelB, { file: files.markdown(), filename: 'card.md', fields: { evidence_type: 'Model Card', expiry_date: inDays(100) } });
      e.assessment = await client.uploaded(editor, modelB, { filename: 'assessment.pdf', fields: { evidence_type: 'Security Assessment Report', description: 'annual PRIVACY and security' } });
      // Another organisation's evidence never shows up.
      const other = await registerOrganization(app);
      await client.uploaded(other, (await client.model(other)).id, { filename: 'assessment.pdf' });
    });

    async function hub(query: string): Promise<{ items: EvidenceResponse[]; total: number; limit: number; offset: number }> {
      return (await client.http().get(`/api/evidence?${query}`).set(admin.auth).expect(200)).body;
    }
    const names = async (query: string) => (await hub(query)).items.map((item) => item.filename);

    it('pages the organisation’s live evidence, newest first, with each file’s model, uploader and expiry status', async () => {
      const page = await hub('limit=2&offset=1');
      expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
      expect(page.items.map((item) => item.filename)).toEqual(['card.md', 'dpia.docx']);
      expect(page.items[0]).toMatchObject({ model: { id: modelB, model: 'Beta' }, uploaded_by: { id: admin.user.id }, expiry_status: 'valid' });
      const all = await hub('');
      expect(Object.fromEntries(all.items.map((item) => [item.filename, item.expiry_status]))).toEqual({
        'pentest-2019.pdf': 'expired',
        'dpia.docx': 'expiring',
        'card.md': 'valid',
        'assessment.pdf': 'none',
      });
    });

    it.each([
      ['evidence_type=Security Assessment Report', ['assessment.pdf', 'pentest-2019.pdf']],
      ['evidence_type=DPIA,Model Card', ['card.md', 'dpia.docx']],
      ['expiring_within_days=30', ['dpia.docx']],
      ['expiring_within_days=200', ['card.md', 'dpia.docx']],
      ['expired=true', ['pentest-2019.pdf']],
      ['expired=false', ['assessment.pdf', 'card.md', 'dpia.docx']],
      ['search=privacy', ['assessment.pdf', 'dpia.docx']],
      ['search=CARD', ['card.md']],
      ['search=100%', []],
    ])('filters by %s', async (query, expected) => {
      expect(await names(`${encodeURI(query)}&sort=filename:asc`)).toEqual(expected);
    });

    it('filters by model and by uploader', async () => {
      expect(await names(`model_id=${modelA}&sort=filename:asc`)).toEqual(['dpia.docx', 'pentest-2019.pdf']);
      expect(await names(`uploaded_by=${editor.user.id}&sort=filename:asc`)).toEqual(['assessment.pdf', 'dpia.docx']);
    });

    it('sorts by expiry date (undated last ascending), filename and model', async () => {
      expect(await names('sort=expiry_date:asc')).toEqual(['pentest-2019.pdf', 'dpia.docx', 'card.md', 'assessment.pdf']);
      expect(await names('sort=filename:desc')).toEqual(['pentest-2019.pdf', 'dpia.docx', 'card.md', 'assessment.pdf']);
      expect((await names('sort=model:asc')).slice(0, 2).sort()).toEqual(['dpia.docx', 'pentest-2019.pdf']);
    });

    it.each([
      ['evidence_type=Horoscope', 'evidence_type'],
      ['expiring_within_days=-1', 'expiring_within_days'],
      ['expiring_within_days=soon', 'expiring_within_days'],
      ['expired=maybe', 'expired'],
      ['model_id=0', 'model_id'],
      ['sort=sha256:asc', 'sort'],
      ['limit=100000', 'limit'],
    ])('refuses %s with a 400 naming the field', async (query, field) => {
      const response = await client.http().get(`/api/evidence?${query}`).set(admin.auth).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('the approval gate', () => {
    let admin: TestSession;
    let reviewer: TestSession;

    beforeAll(async () => {
      admin = await registerOrganization(app);
      reviewer = await addUser(app, admin, Role.Reviewer);
    });

    const settings = (session: TestSession, body: object) => client.http().patch('/api/organization/settings').set(session.auth).send(body);
    const approve = (session: TestSession, id: number) => client.http().patch(`/api/modelInventory/${id}`).set(session.auth).send({ status: 'Approved' });
    const modelCount = async (organizationId: number) =>
      (await app.get(DataSource).query('SELECT count(*)::int AS n FROM model_inventories WHERE organization_id = $1', [organizationId]))[0].n as number;

    it('is off by default, and only an Admin may change it (Reviewer 403, a non-boolean 400)', async () => {
      expect((await client.http().get('/api/organization/settings').set(reviewer.auth).expect(200)).body).toMatchObject({ approval_requires_evidence: false, updated_at: null });
      await settings(reviewer, { approval_requires_evidence: true }).expect(403);
      const bad = await settings(admin, { approval_requires_evidence: 'yes' }).expect(400);
      expect(bad.body.errors[0].field).toBe('approval_requires_evidence');
      await settings(admin, { approval_requires_evidence: null }).expect(400);
      await settings(admin, { something_else: true }).expect(400);
    });

    it('records the change in the security audit log', async () => {
      const { body } = await settings(admin, { approval_requires_evidence: true }).expect(200);
      expect(body.approval_requires_evidence).toBe(true);
      expect(body.updated_at).toEqual(expect.any(String));
      const log = await client.http().get('/api/audit-events?action=organization.settings_changed').set(admin.auth).expect(200);
      expect(log.body.items).toHaveLength(1);
      expect(log.body.items[0]).toMatchObject({
        action: 'organization.settings_changed',
        actor_user_id: admin.user.id,
        target_type: 'organization',
        target_id: String(admin.organizationId),
        details: { approval_requires_evidence: { from: false, to: true } },
      });
    });

    it('refuses to create a model as Approved with a 409 naming the rule, and creates nothing', async () => {
      const before = await modelCount(admin.organizationId);
      const response = await client.http().post('/api/modelInventory').set(admin.auth).send({ ...aModel(), status: 'Approved' }).expect(409);
      expect(response.body.detail).toContain('approval_requires_evidence');
      expect(response.body.detail).toContain('Security Assessment Report');
      expect(await modelCount(admin.organizationId)).toBe(before);
    });

    it('approves a model only once it has an unexpired Security Assessment Report (an expired one, or another type, is not enough)', async () => {
      const model = await client.model(admin);
      expect((await approve(reviewer, model.id).expect(409)).body.detail).toContain('approval_requires_evidence');
      await client.uploaded(admin, model.id, { fields: { evidence_type: 'Security Assessment Report', expiry_date: '2020-06-30' } });
      await approve(reviewer, model.id).expect(409);
      await client.uploaded(admin, model.id, { fields: { evidence_type: 'DPIA' } });
      await approve(reviewer, model.id).expect(409);
      const report = await client.uploaded(admin, model.id, { fields: { evidence_type: 'Security Assessment Report', expiry_date: inDays(1) } });
      expect((await approve(reviewer, model.id).expect(200)).body.status).toBe('Approved');
      // Removing the report later does not unapprove the model: the gate guards the act of approving.
      await client.http().delete(`/api/evidence/${report.id}`).set(admin.auth).expect(204);
      expect((await client.http().get(`/api/modelInventory/${model.id}`).set(admin.auth).expect(200)).body.status).toBe('Approved');
    });

    it('lets other statuses and other organisations through, and approves freely once switched off', async () => {
      const model = await client.model(admin);
      await client.http().patch(`/api/modelInventory/${model.id}`).set(reviewer.auth).send({ status: 'Restricted' }).expect(200);
      const other = await registerOrganization(app);
      await client.http().post('/api/modelInventory').set(other.auth).send({ ...aModel(), status: 'Approved' }).expect(201);
      await settings(admin, { approval_requires_evidence: false }).expect(200);
      await approve(reviewer, model.id).expect(200);
    });
  });
});
