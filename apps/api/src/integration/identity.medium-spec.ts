import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@model-inventory/contracts';
import { addUser, createTestApp, registerOrganization, TEST_PASSWORD, testAppConfig, TestSession } from '@model-inventory/server-testing';
import request from 'supertest';

describe('identity over HTTP (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    app = await createTestApp([]);
    [acme, globex] = await Promise.all([registerOrganization(app, 'Acme'), registerOrganization(app, 'Globex')]);
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  it('registers an organisation whose first user is its Admin', async () => {
    const me = await http().get('/api/auth/me').set(acme.auth).expect(200);
    expect(me.body.user.role).toBe(Role.Admin);
    expect(me.body.organization.name).toBe('Acme');
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const email = `dup-${Date.now()}@example.com`;
    await http().post('/api/auth/register').send({ organization_name: 'A', name: 'A', email, password: TEST_PASSWORD }).expect(201);
    const again = await http().post('/api/auth/register').send({ organization_name: 'B', name: 'B', email: email.toUpperCase(), password: TEST_PASSWORD }).expect(409);
    expect(again.body.detail).toContain('already exists');
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await http().post('/api/auth/login').send({ email: acme.user.email, password: 'not the password' }).expect(401);
    const unknown = await http().post('/api/auth/login').send({ email: 'nobody@example.com', password: 'not the password' }).expect(401);
    expect(wrong.body.detail).toEqual(unknown.body.detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects a missing, forged or malformed token with 401', async () => {
    await http().get('/api/auth/me').expect(401);
    await http().get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    await http().get('/api/auth/me').set('Authorization', `Bearer ${acme.token.slice(0, -3)}abc`).expect(401);
  });

  it('lets an Admin add users and keeps them inside the organisation', async () => {
    const editor = await addUser(app, acme, Role.Editor);
    const list = await http().get('/api/users').set(acme.auth).expect(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain(editor.user.email);
    expect(list.body.items.every((u: { organization_id: number }) => u.organization_id === acme.organizationId)).toBe(true);
    await http().get(`/api/users/${editor.user.id}`).set(globex.auth).expect(404);
    await http().patch(`/api/users/${editor.user.id}`).set(globex.auth).send({ name: 'hijack' }).expect(404);
    await http().delete(`/api/users/${editor.user.id}`).set(globex.auth).expect(404);
  });

  it('keeps user management to Admins', async () => {
    const reviewer = await addUser(app, acme, Role.Reviewer);
    await http().get('/api/users').set(reviewer.auth).expect(403);
    await http().post('/api/users').set(reviewer.auth).send({ name: 'x', email: 'x@example.com', password: TEST_PASSWORD, role: Role.Admin }).expect(403);
  });

  it('names each invalid field when adding a user', async () => {
    const response = await http().post('/api/users').set(acme.auth).send({ name: '', email: 'not-an-email', password: 'short', role: 'Owner', extra: 1 }).expect(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'extra', 'name', 'password', 'role']);
  });

  it('never leaves an organisation without an Admin', async () => {
    const solo = await registerOrganization(app);
    const demote = await http().patch(`/api/users/${solo.user.id}`).set(solo.auth).send({ role: Role.Editor }).expect(409);
    expect(demote.body.detail).toContain('at least one Admin');
    await http().delete(`/api/users/${solo.user.id}`).set(solo.auth).expect(409);
  });

  it('locks a deleted user out at once, even with a valid token', async () => {
    const editor = await addUser(app, acme, Role.Editor);
    await http().delete(`/api/users/${editor.user.id}`).set(acme.auth).expect(204);
    await http().get('/api/auth/me').set(editor.auth).expect(401);
    await http().post('/api/auth/login').send({ email: editor.user.email, password: TEST_PASSWORD }).expect(401);
  });
});

describe('identity limits (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp([], testAppConfig({ LOGIN_ATTEMPTS_PER_MINUTE: '3', SIGNUP_ENABLED: 'false' }));
  });

  afterAll(() => app.close());

  it('rate-limits repeated logins for one email with 429', async () => {
    const attempt = () => request(app.getHttpServer()).post('/api/auth/login').send({ email: 'victim@example.com', password: 'guess guess guess' });
    for (let i = 0; i < 3; i++) await attempt().expect(401);
    const blocked = await attempt().expect(429);
    expect(blocked.body.status).toBe(429);
  });

  it('turns sign-up off when SIGNUP_ENABLED=false', async () => {
    await request(app.getHttpServer())
      .post('/api/auth/register')
      .send({ organization_name: 'X', name: 'X', email: 'x@example.com', password: TEST_PASSWORD })
      .expect(403);
    const settings = await request(app.getHttpServer()).get('/api/auth/settings').expect(200);
    expect(settings.body).toEqual({ signup_enabled: false });
  });
});
