import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@model-inventory/contracts';
import { AutomationModule } from '@model-inventory/server-automation';
import { InventoryModule } from '@model-inventory/server-inventory';
import { addUser, createTestApp, registerOrganization, TEST_PASSWORD, TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aModel } from './inventory-fixtures';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('API tokens, sessions and the security audit log (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp([AutomationModule, InventoryModule]);
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const login = async (email: string, password = TEST_PASSWORD) => (await http().post('/api/auth/login').set('User-Agent', 'security-spec/1').send({ email, password }).expect(200)).body.access_token as string;
  const createToken = async (session: TestSession, body: object) => (await http().post('/api/api-tokens').set(session.auth).send(body).expect(201)).body;

  describe('API tokens', () => {
    it('shows a token once, stores only its hash, and lets a script act as its user with it', async () => {
      const admin = await registerOrganization(app);
      const created = await createToken(admin, { name: 'CI pipeline' });
      expect(created.token).toMatch(/^mi_[A-Za-z0-9_-]{43}$/);
      expect(created).toMatchObject({ name: 'CI pipeline', role: 'Admin', prefix: created.token.slice(0, 11), user_id: admin.user.id, last_used_at: null, revoked_at: null });
      const [stored] = await app.get(DataSource).query('SELECT token_hash FROM api_tokens WHERE id = $1', [created.id]);
      expect(stored.token_hash).not.toContain(created.token.slice(3));
      const { body: listed } = await http().get('/api/api-tokens').set(admin.auth).expect(200);
      expect(JSON.stringify(listed)).not.toContain(created.token);
      await http().post('/api/modelInventory').set(bearer(created.token)).send(aModel()).expect(201);
      const { body: after } = await http().get('/api/api-tokens').set(admin.auth).expect(200);
      expect(after.items[0].last_used_at).toEqual(expect.any(String));
    });

    it('acts with the lower of the token’s and the user’s role, and never grants more than the user has', async () => {
      const admin = await registerOrganization(app);
      const readOnly = await createToken(admin, { name: 'Dashboards', role: Role.Auditor });
      await http().get('/api/modelInventory').set(bearer(readOnly.token)).expect(200);
      await http().post('/api/modelInventory').set(bearer(readOnly.token)).send(aModel()).expect(403);
      const editor = await addUser(app, admin, Role.Editor);
      const refused = await http().post('/api/api-tokens').set(editor.auth).send({ name: 'Too much', role: Role.Admin }).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'role', message: 'role may be at most your own role (Editor)' }]);
      const editorToken = await createToken(editor, { name: 'Editor key' });
      await http().patch(`/api/users/${editor.user.id}`).set(admin.auth).send({ role: Role.Auditor }).expect(200);
      await http().post('/api/modelInventory').set(bearer(editorToken.token)).send(aModel()).expect(403);
    });

    it('stops working at once when revoked, expired, or its user is removed', async () => {
      const admin = await registerOrganization(app);
      const revoked = await createToken(admin, { name: 'Revoked' });
      await http().delete(`/api/api-tokens/${revoked.id}`).set(admin.auth).expect(204);
      const response = await http().get('/api/modelInventory').set(bearer(revoked.token)).expect(401);
      expect(response.body.detail).toContain('revoked');
      const expiring = await createToken(admin, { name: 'Short-lived', expires_at: new Date(Date.now() + 60_000).toISOString() });
      await app.get(DataSource).query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
      await http().get('/api/modelInventory').set(bearer(expiring.token)).expect(401);
      await http().post('/api/api-tokens').set(admin.auth).send({ name: 'Past', expires_at: '2020-01-01T00:00:00Z' }).expect(400);
      const editor = await addUser(app, admin, Role.Editor);
      const orphan = await createToken(editor, { name: 'Orphan' });
      await http().delete(`/api/users/${editor.user.id}`).set(admin.auth).expect(204);
      await http().get('/api/modelInventory').set(bearer(orphan.token)).expect(401);
    });

    it('shows Admins every token of the organisation and others their own; another organisation’s token is a 404', async () => {
      const admin = await registerOrganization(app);
      const editor = await addUser(app, admin, Role.Editor);
      const mine = await createToken(admin, { name: 'Admin key' });
      const theirs = await createToken(editor, { name: 'Editor key' });
      expect((await http().get('/api/api-tokens').set(admin.auth).expect(200)).body.total).toBe(2);
      const { body: own } = await http().get('/api/api-tokens').set(editor.auth).expect(200);
      expect(own.items.map((t: { id: number }) => t.id)).toEqual([theirs.id]);
      await http().delete(`/api/api-tokens/${mine.id}`).set(editor.auth).expect(404);
      const stranger = await registerOrganization(app);
      await http().delete(`/api/api-tokens/${theirs.id}`).set(stranger.auth).expect(404);
      await http().delete(`/api/api-tokens/${theirs.id}`).set(admin.auth).expect(204);
    });
  });

  describe('sessions', () => {
    it('signs out the presented session only; an API token cannot sign out', async () => {
      const admin = await registerOrganization(app);
      const [first, second] = [await login(admin.user.email), await login(admin.user.email)];
      await http().post('/api/auth/logout').set(bearer(first)).expect(204);
      const ended = await http().get('/api/auth/me').set(bearer(first)).expect(401);
      expect(ended.body.detail).toContain('sign in again');
      await http().get('/api/auth/me').set(bearer(second)).expect(200);
      const token = await createToken(admin, { name: 'Script' });
      const refused = await http().post('/api/auth/logout').set(bearer(token.token)).expect(400);
      expect(refused.body.errors[0].field).toBe('authorization');
    });

    it('changes a password only with the current one, and then ends the user’s other sessions', async () => {
      const admin = await registerOrganization(app);
      const other = await login(admin.user.email);
      const wrong = await http().post('/api/auth/password').set(admin.auth).send({ current_password: 'not my password', new_password: 'a brand new passphrase' }).expect(400);
      expect(wrong.body.errors).toEqual([{ field: 'current_password', message: 'current_password is not your current password' }]);
      await http().get('/api/auth/me').set(bearer(other)).expect(200);
      await login(admin.user.email);
      await http().post('/api/auth/password').set(admin.auth).send({ current_password: TEST_PASSWORD, new_password: 'a brand new passphrase' }).expect(204);
      await http().get('/api/auth/me').set(bearer(other)).expect(401);
      await http().get('/api/auth/me').set(admin.auth).expect(200);
      await http().post('/api/auth/login').send({ email: admin.user.email, password: TEST_PASSWORD }).expect(401);
      await login(admin.user.email, 'a brand new passphrase');
    });

    it('ends a user’s sessions when an Admin resets their password or changes their role', async () => {
      const admin = await registerOrganization(app);
      const editor = await addUser(app, admin, Role.Editor);
      await http().patch(`/api/users/${editor.user.id}`).set(admin.auth).send({ name: 'Renamed only' }).expect(200);
      await http().get('/api/auth/me').set(editor.auth).expect(200);
      await http().patch(`/api/users/${editor.user.id}`).set(admin.auth).send({ password: 'reset by the admin 1' }).expect(200);
      await http().get('/api/auth/me').set(editor.auth).expect(401);
      const again = await login(editor.user.email, 'reset by the admin 1');
      await http().patch(`/api/users/${editor.user.id}`).set(admin.auth).send({ role: Role.Reviewer }).expect(200);
      await http().get('/api/auth/me').set(bearer(again)).expect(401);
    });
  });

  describe('the security audit log', () => {
    it('records who did what, from where, for sign-ins, accounts, keys, webhooks and demo data', async () => {
      const admin = await registerOrganization(app);
      await http().post('/api/auth/login').set('User-Agent', 'security-spec/1').send({ email: admin.user.email, password: 'wrong password!' }).expect(401);
      const session = await login(admin.user.email);
      const editor = await addUser(app, admin, Role.Editor);
      await http().patch(`/api/users/${editor.user.id}`).set(admin.auth).send({ role: Role.Reviewer }).expect(200);
      const token = await createToken(admin, { name: 'Key' });
      await http().delete(`/api/api-tokens/${token.id}`).set(admin.auth).expect(204);
      const { body: webhook } = await http().post('/api/webhooks').set(admin.auth).send({ url: 'https://hooks.example.com/a', events: ['model_added'], secret: 'sixteen-chars-secret' }).expect(201);
      await http().patch(`/api/webhooks/${webhook.id}`).set(admin.auth).send({ active: false }).expect(200);
      await http().delete(`/api/webhooks/${webhook.id}`).set(admin.auth).expect(204);
      await http().delete(`/api/users/${editor.user.id}`).set(admin.auth).expect(204);
      await http().delete('/api/demo-data').set(admin.auth).expect(204);
      await http().post('/api/auth/logout').set(bearer(session)).expect(204);

      const { body } = await http().get('/api/audit-events?limit=100').set(admin.auth).expect(200);
      expect(body.items.map((e: { action: string }) => e.action).reverse()).toEqual(
        expect.arrayContaining(['auth.login_failed', 'auth.login_succeeded', 'user.created', 'user.role_changed', 'api_token.created', 'api_token.revoked', 'webhook.created', 'webhook.changed', 'webhook.removed', 'user.removed', 'demo_data.cleared', 'auth.logout']),
      );
      const failed = body.items.find((e: { action: string }) => e.action === 'auth.login_failed');
      expect(failed).toMatchObject({ actor_email: admin.user.email, user_agent: 'security-spec/1', ip: expect.any(String), details: { reason: 'wrong password' } });
      const roleChange = body.items.find((e: { action: string }) => e.action === 'user.role_changed');
      expect(roleChange).toMatchObject({ actor_user_id: admin.user.id, target_type: 'user', target_id: String(editor.user.id), details: { from: 'Editor', to: 'Reviewer' } });
      expect(JSON.stringify(body)).not.toContain(token.token);
      expect(JSON.stringify(body)).not.toContain('sixteen-chars-secret');
    });

    it('filters by action, actor and time, exports CSV, is for Admins and Auditors of the organisation only, and refuses updates', async () => {
      const admin = await registerOrganization(app);
      const auditor = await addUser(app, admin, Role.Auditor);
      const editor = await addUser(app, admin, Role.Editor);
      const { body: created } = await http().get('/api/audit-events?action=user.created').set(auditor.auth).expect(200);
      expect(created.items.map((e: { target_id: string }) => e.target_id).sort()).toEqual([String(auditor.user.id), String(editor.user.id)].sort());
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await http().get(`/api/audit-events?from=${encodeURIComponent(future)}`).set(admin.auth).expect(200)).body.total).toBe(0);
      expect((await http().get(`/api/audit-events?actor_user_id=${admin.user.id}&action=user.created`).set(admin.auth).expect(200)).body.total).toBe(2);
      await http().get('/api/audit-events?action=made.up').set(admin.auth).expect(400);
      await http().get('/api/audit-events').set(editor.auth).expect(403);
      const csv = await http().get('/api/audit-events/export?action=user.created').set(admin.auth).buffer(true).expect(200);
      expect(csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(3);
      const stranger = await registerOrganization(app);
      const { body: theirs } = await http().get('/api/audit-events?action=user.created').set(stranger.auth).expect(200);
      expect(theirs.total).toBe(0);
      await expect(app.get(DataSource).query(`UPDATE audit_events SET action = 'auth.logout' WHERE organization_id = $1`, [admin.organizationId])).rejects.toThrow('append-only');
    });
  });
});
