import { NestExpressApplication } from '@nestjs/platform-express';
import { CreatedShareLinkResponse, CreateShareLinkRequest, ModelRiskLevel, ModelStatus, Role, ShareLinkResponse } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { RisksModule } from '@model-inventory/server-risks';
import { SharesModule } from '@model-inventory/server-shares';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { riskClient } from './risk-fixtures';

const SHARE_KEYS = ['id', 'resource', 'filters', 'fields', 'allow_export', 'expires_at', 'enabled', 'revoked_at', 'created_by', 'created_at', 'last_accessed_at', 'access_count'];
const IN_AN_HOUR = () => new Date(Date.now() + 3_600_000).toISOString();

describe('share links: management, the public view and export, token states, rate limit (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let client: ReturnType<typeof riskClient>;
  let acme: TestSession;
  let globex: TestSession;
  let auditor: TestSession;
  let editor: TestSession;
  let address = 0;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, RisksModule, SharesModule]);
    client = riskClient(app);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    [auditor, editor] = await Promise.all([addUser(app, acme, Role.Auditor), addUser(app, acme, Role.Editor)]);
    const approved = await client.model(acme, { provider: 'OpenAI', model: 'GPT-4', status: ModelStatus.APPROVED });
    await client.model(acme, { provider: 'Anthropic', model: 'Claude', version: '3', status: ModelStatus.PENDING });
    await client.model(globex, { provider: 'Globex AI', model: 'Secret', status: ModelStatus.APPROVED });
    await client.create(acme, approved.id, { risk_name: 'Prompt injection', risk_level: ModelRiskLevel.HIGH, description: 'Seen in tests.' });
    await client.create(acme, approved.id, { risk_name: 'Slow answers', risk_level: ModelRiskLevel.LOW });
  });

  afterAll(() => app.close());

  const db = () => app.get(DataSource);
  const create = (session: TestSession, body: Partial<CreateShareLinkRequest>) => client.http().post('/api/shares').set(session.auth).send(body);
  async function share(overrides: Partial<CreateShareLinkRequest> = {}, session = acme): Promise<CreatedShareLinkResponse> {
    return (await create(session, { resource: 'models', fields: 'summary', allow_export: false, ...overrides }).expect(201)).body;
  }
  /** Each public call from its own client address (TRUST_PROXY is loopback), so the rate limit only bites where a test wants it. */
  const publicGet = (path: string, from = `10.1.${address >> 8}.${address++ & 255}`) => client.http().get(`/api/public/shares/${path}`).set('X-Forwarded-For', from);
  const stored = async (id: number) => (await db().query('SELECT * FROM share_links WHERE id = $1', [id]))[0];
  const auditOf = (id: number) => db().query(`SELECT action, actor_user_id, details FROM audit_events WHERE target_type = 'share' AND target_id = $1 ORDER BY id`, [String(id)]);

  describe('management', () => {
    it('creates a link with a 256-bit token shown once, and lists it without the token', async () => {
      const created = await share({ filters: { status: [ModelStatus.APPROVED] }, allow_export: true });
      expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
      expect(created.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/share/${created.token}$`));
      expect(Object.keys(created).sort()).toEqual([...SHARE_KEYS, 'token', 'url'].sort());
      expect(created).toMatchObject({
        resource: 'models',
        filters: { status: ['Approved'] },
        fields: 'summary',
        allow_export: true,
        expires_at: null,
        enabled: true,
        revoked_at: null,
        created_by: { id: acme.user.id, name: acme.user.name },
        last_accessed_at: null,
        access_count: 0,
      });
      const { body } = await client.http().get('/api/shares?limit=500').set(acme.auth).expect(200);
      const listed = body.items.find((s: ShareLinkResponse) => s.id === created.id);
      expect(Object.keys(listed).sort()).toEqual([...SHARE_KEYS].sort());
      expect(JSON.stringify(body)).not.toContain(created.token);
    });

    it('stores the token only as its SHA-256 hash', async () => {
      const created = await share();
      const row = await stored(created.id);
      expect(row.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(created.token);
    });

    it.each([
      ['expires_at', { expires_at: '2020-01-01T00:00:00Z' }],
      ['expires_at', { expires_at: 'tomorrow' }],
      ['resource', { resource: 'evidence' }],
      ['fields', { fields: 'everything' }],
      ['allow_export', { allow_export: 'yes' }],
      ['filters', { filters: 'status=Approved' }],
      ['filters.colour', { filters: { colour: 'red' } }],
      ['filters.status', { filters: { status: ['Live'] } }],
      ['filters.project_id', { filters: { project_id: 'first' } }],
      ['filters.risk_level', { resource: 'risks', filters: { risk_level: ['Severe'] } }],
      ['filters.filter', { resource: 'risks', filters: { filter: 'deleted' } }],
      ['filters.approver', { resource: 'risks', filters: { approver: 'a@example.com' } }],
    ])('refuses a bad %s (%j) with 400 naming it, and stores nothing', async (field, body) => {
      const [{ count: before }] = await db().query('SELECT count(*)::int AS count FROM share_links');
      const response = await create(acme, { resource: 'models', fields: 'summary', allow_export: false, ...body } as Partial<CreateShareLinkRequest>).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await db().query('SELECT count(*)::int AS count FROM share_links'))[0].count).toBe(before);
    });

    it('disables, re-enables and changes the expiry; a past expiry is refused', async () => {
      const { id, token } = await share();
      const disabled = await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ enabled: false }).expect(200);
      expect(disabled.body.enabled).toBe(false);
      await publicGet(token).expect(404);
      await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ enabled: true }).expect(200);
      await publicGet(token).expect(200);
      const expiresAt = IN_AN_HOUR();
      expect((await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ expires_at: expiresAt }).expect(200)).body.expires_at).toBe(expiresAt);
      const past = await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ expires_at: '2020-01-01T00:00:00Z' }).expect(400);
      expect(past.body.errors).toEqual([{ field: 'expires_at', message: 'expires_at must be in the future' }]);
      expect((await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ expires_at: null }).expect(200)).body.expires_at).toBeNull();
      await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ enabled: 'no' }).expect(400);
    });

    it('revokes for good: 204, the link answers 404, the list shows it revoked, and a change is a 409', async () => {
      const { id, token } = await share();
      await client.http().delete(`/api/shares/${id}`).set(acme.auth).expect(204);
      await publicGet(token).expect(404);
      const { body } = await client.http().get('/api/shares?limit=500').set(acme.auth).expect(200);
      expect(body.items.find((s: ShareLinkResponse) => s.id === id).revoked_at).not.toBeNull();
      await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ enabled: true }).expect(409);
      await client.http().delete(`/api/shares/${id}`).set(acme.auth).expect(204);
      await publicGet(token).expect(404);
    });

    it('lets Admins, Reviewers and Editors write, and Auditors only read', async () => {
      const byEditor = await share({}, editor);
      expect(byEditor.created_by).toEqual({ id: editor.user.id, name: editor.user.name });
      await create(auditor, { resource: 'models', fields: 'summary', allow_export: false }).expect(403);
      await client.http().patch(`/api/shares/${byEditor.id}`).set(auditor.auth).send({ enabled: false }).expect(403);
      await client.http().delete(`/api/shares/${byEditor.id}`).set(auditor.auth).expect(403);
      const { body } = await client.http().get('/api/shares?limit=500').set(auditor.auth).expect(200);
      expect(body.items.map((s: ShareLinkResponse) => s.id)).toContain(byEditor.id);
      expect((await stored(byEditor.id)).enabled).toBe(true);
    });

    it('keeps organisations apart: another organisation’s link is a 404 and never listed', async () => {
      const { id, token } = await share();
      await client.http().patch(`/api/shares/${id}`).set(globex.auth).send({ enabled: false }).expect(404);
      await client.http().delete(`/api/shares/${id}`).set(globex.auth).expect(404);
      const { body } = await client.http().get('/api/shares?limit=500').set(globex.auth).expect(200);
      expect(body.items.map((s: ShareLinkResponse) => s.id)).not.toContain(id);
      expect((await stored(id)).revoked_at).toBeNull();
      await publicGet(token).expect(200);
    });

    it('records create, change and revoke in the security audit log, never with the token', async () => {
      const { id, token } = await share({ resource: 'risks', fields: 'all' }, editor);
      await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ enabled: false }).expect(200);
      await client.http().patch(`/api/shares/${id}`).set(acme.auth).send({ enabled: false }).expect(200);
      await client.http().delete(`/api/shares/${id}`).set(acme.auth).expect(204);
      const records = await auditOf(id);
      expect(records.map((r: { action: string }) => r.action)).toEqual(['share.created', 'share.changed', 'share.revoked']);
      expect(records[0]).toMatchObject({ actor_user_id: editor.user.id, details: { resource: 'risks', fields: 'all', allow_export: false } });
      expect(records[1]).toMatchObject({ actor_user_id: acme.user.id, details: { enabled: { from: true, to: false } } });
      expect(JSON.stringify(records)).not.toContain(token);
      expect(JSON.stringify(records)).not.toContain((await stored(id)).token_hash);
    });
  });

  describe('the public view', () => {
    it('is documented without a security requirement, with its 404 and 429 answers and the shared fields', async () => {
      const { body } = await client.http().get('/api/docs-json').expect(200);
      const view = body.paths['/api/public/shares/{token}'].get;
      expect(view.security).toBeUndefined();
      expect(Object.keys(view.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '429']));
      expect(body.paths['/api/public/shares/{token}/export'].get.security).toBeUndefined();
      expect(body.paths['/api/shares'].post.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
      expect(Object.keys(body.components.schemas['SharedModelDto'].properties)).toEqual(expect.arrayContaining(['provider', 'status_date', 'approver']));
      expect(body.components.schemas['SharedModelDto'].required.sort()).toEqual(['model', 'provider', 'status', 'status_date', 'version']);
    });

    it('shows the summary fields of the models and nothing else, without signing in', async () => {
      const { token } = await share();
      const { body, headers } = await publicGet(token).expect(200);
      expect(headers['cache-control']).toBe('no-store');
      expect(Object.keys(body).sort()).toEqual(['allow_export', 'expires_at', 'fields', 'items', 'limit', 'offset', 'resource', 'total']);
      expect(body).toMatchObject({ resource: 'models', fields: 'summary', total: 2, limit: 50, offset: 0 });
      for (const item of body.items) expect(Object.keys(item).sort()).toEqual(['model', 'provider', 'status', 'status_date', 'version']);
      expect(body.items).toContainEqual({ provider: 'OpenAI', model: 'GPT-4', version: '1.0', status: 'Approved', status_date: '2025-01-17' });
    });

    it('shows the summary fields of the risks and nothing else', async () => {
      const { token } = await share({ resource: 'risks' });
      const { body } = await publicGet(token).expect(200);
      expect(body.total).toBe(2);
      for (const item of body.items) expect(Object.keys(item).sort()).toEqual(['risk_category', 'risk_level', 'risk_name', 'status', 'target_date']);
      expect(body.items).toContainEqual({ risk_name: 'Prompt injection', risk_level: 'High', risk_category: 'Performance', status: 'Open', target_date: '2099-06-30' });
    });

    it('adds the register’s own fields with `all` (approver, owner) but no ids, accounts, organisation or evidence', async () => {
      const models = (await publicGet((await share({ fields: 'all' })).token).expect(200)).body;
      const gpt = models.items.find((m: { model: string }) => m.model === 'GPT-4');
      expect(Object.keys(gpt).sort()).toEqual(
        ['approver', 'biases', 'capabilities', 'hosting_provider', 'limitations', 'model', 'provider', 'reference_link', 'security_assessment', 'status', 'status_date', 'updated_at', 'version'].sort(),
      );
      expect(gpt).toMatchObject({ approver: 'john.doe@company.com', capabilities: ['text-generation', 'summarization'], hosting_provider: 'Cloud' });
      const risks = (await publicGet((await share({ resource: 'risks', fields: 'all' })).token).expect(200)).body;
      const injection = risks.items.find((r: { risk_name: string }) => r.risk_name === 'Prompt injection');
      expect(injection).toMatchObject({ owner: 'risk.officer@example.com', description: 'Seen in tests.', model: { provider: 'OpenAI', model: 'GPT-4', version: '1.0' }, overdue: false });
      expect(Object.keys(injection.model).sort()).toEqual(['model', 'provider', 'version']);
      const text = JSON.stringify([models, risks]);
      for (const leak of ['organization_id', 'security_assessment_data', '"id"', 'model_id', 'created_by', 'accepted_by', 'approved_by', 'version_number', acme.user.email]) expect(text).not.toContain(leak);
    });

    it('applies the stored filters and pages through the register’s own list', async () => {
      const approved = (await publicGet((await share({ filters: { status: [ModelStatus.APPROVED] } })).token).expect(200)).body;
      expect(approved.items.map((m: { model: string }) => m.model)).toEqual(['GPT-4']);
      const high = (await publicGet((await share({ resource: 'risks', filters: { risk_level: [ModelRiskLevel.HIGH] } })).token).expect(200)).body;
      expect(high.items.map((r: { risk_name: string }) => r.risk_name)).toEqual(['Prompt injection']);
      const { token } = await share({ filters: { sort: 'provider:asc' } });
      const first = (await publicGet(`${token}?limit=1`).expect(200)).body;
      const second = (await publicGet(`${token}?limit=1&offset=1`).expect(200)).body;
      expect([first.total, first.items[0].provider, second.items[0].provider]).toEqual([2, 'Anthropic', 'OpenAI']);
      await publicGet(`${token}?limit=0`).expect(400);
      await publicGet(`${token}?colour=red`).expect(400);
    });

    it('shows only the sharing organisation’s register', async () => {
      const { body } = await publicGet((await share({}, globex)).token).expect(200);
      expect(body.items.map((m: { provider: string }) => m.provider)).toEqual(['Globex AI']);
    });

    it('answers unknown, malformed, disabled, revoked and expired tokens, and a refused export, with one identical 404', async () => {
      const disabled = await share();
      await client.http().patch(`/api/shares/${disabled.id}`).set(acme.auth).send({ enabled: false }).expect(200);
      const revoked = await share();
      await client.http().delete(`/api/shares/${revoked.id}`).set(acme.auth).expect(204);
      const expired = await share({ expires_at: IN_AN_HOUR() });
      await db().query(`UPDATE share_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
      const noExport = await share({ allow_export: false });
      const paths = [randomBytes(32).toString('base64url'), 'not-a-token', disabled.token, revoked.token, expired.token, `${noExport.token}/export?format=csv`];
      const answers = await Promise.all(paths.map((path) => publicGet(path)));
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(answer.headers['content-type']).toContain('application/problem+json');
      }
      const bodies = answers.map(({ body: { instance, request_id, ...rest } }) => (expect([typeof instance, typeof request_id]).toEqual(['string', 'string']), rest));
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
      expect(bodies[0]).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'This share link does not exist or is no longer shared.' });
      await publicGet(noExport.token).expect(200);
    });

    it('exports the shared view as CSV when the link allows it, with the view’s columns only', async () => {
      const { token } = await share({ allow_export: true, filters: { status: [ModelStatus.APPROVED] } });
      const response = await publicGet(`${token}/export?format=csv`).expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="shared-models-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(response.text.replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual(['Provider,Model,Version,Status,Status date', 'OpenAI,GPT-4,1.0,Approved,2025-01-17']);
      const risks = await publicGet(`${(await share({ resource: 'risks', fields: 'all', allow_export: true })).token}/export`).expect(200);
      const [header, ...rows] = risks.text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header.split(',').slice(0, 7)).toEqual(['Risk', 'Level', 'Category', 'Status', 'Target date', 'Owner', 'Model']);
      expect(rows).toHaveLength(2);
      await publicGet(`${token}/export?format=pdf`).expect(400);
    });

    it('counts every access in last_accessed_at and access_count, concurrent ones included, but not refused ones', async () => {
      const { id, token } = await share();
      const before = Date.now();
      await Promise.all(Array.from({ length: 8 }, () => publicGet(token).expect(200)));
      await publicGet(`${token}/export`).expect(404);
      const { body } = await client.http().get('/api/shares?limit=500').set(acme.auth).expect(200);
      const listed = body.items.find((s: ShareLinkResponse) => s.id === id);
      expect(listed.access_count).toBe(8);
      expect(Date.parse(listed.last_accessed_at)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('rate-limits each client address: 60 requests, then 429 problem+json with Retry-After; other addresses go on', async () => {
      const { token } = await share();
      const from = '203.0.113.7';
      // Unknown tokens count too. Tokens come back at 1 a second while the loop runs, so the first 429 comes a little after the 60th request.
      let granted = 0;
      let limited = await publicGet(token, from);
      while (limited.status !== 429 && granted < 200) {
        expect([200, 404]).toContain(limited.status);
        granted++;
        limited = await publicGet(granted % 2 ? 'unknown' : token, from);
      }
      expect(granted).toBeGreaterThanOrEqual(60);
      expect(granted).toBeLessThan(200);
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
      await publicGet(`${token}/export`, from).expect(429);
      await publicGet(token, '203.0.113.8').expect(200);
    });
  });
});
