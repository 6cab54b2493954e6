import { NestExpressApplication } from '@nestjs/platform-express';
import { IssuedInvitationResponse, Role } from '@model-inventory/contracts';
import { addUser, createTestApp, registerOrganization, TEST_PASSWORD, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';

describe('invitations: an Admin invites, the invitee joins with the chosen role (real PostgreSQL)', () => {
  const closed = testAppConfig({ SIGNUP_ENABLED: 'false' });
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    // Sign-up is off here: invitations are how people join such an installation. The organisations come from an
    // app where it is on (same database, same JWT secret).
    app = await createTestApp([], closed);
    const open = await createTestApp([], testAppConfig({ JWT_SECRET: closed.auth.jwtSecret }));
    [acme, globex] = await Promise.all([registerOrganization(open), registerOrganization(open)]).finally(() => open.close());
  });

  afterAll(() => app?.close());

  const http = () => request(app.getHttpServer());
  const email = () => `invitee-${randomBytes(4).toString('hex')}@example.com`;
  const invite = async (session: TestSession, body: object): Promise<IssuedInvitationResponse> =>
    (await http().post('/api/users/invitations').set(session.auth).send(body).expect(201)).body;
  const tokenOf = (invitation: IssuedInvitationResponse) => invitation.accept_path.split('#token=')[1];

  it('issues a one-time link that signs the invitee in as the chosen role in the inviting organisation', async () => {
    const address = email();
    const invitation = await invite(acme, { email: address.toUpperCase(), role: Role.Reviewer });
    expect(invitation).toMatchObject({ email: address, role: Role.Reviewer, invited_by: 'Admin', token: expect.any(String), accept_path: `/accept-invitation#token=${invitation.token}` });
    expect(new Date(invitation.expires_at).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const preview = await http().post('/api/auth/invitation').send({ token: tokenOf(invitation) }).expect(200);
    expect(preview.body).toEqual({ email: address, role: Role.Reviewer, organization_name: expect.stringMatching(/^Org /), expires_at: invitation.expires_at });

    const accepted = await http().post('/api/auth/accept-invitation').send({ token: invitation.token, name: 'Grace Hopper', password: TEST_PASSWORD }).expect(201);
    expect(accepted.body.user).toMatchObject({ email: address, name: 'Grace Hopper', role: Role.Reviewer, organization_id: acme.organizationId });
    const me = await http().get('/api/auth/me').set({ Authorization: `Bearer ${accepted.body.access_token}` }).expect(200);
    expect(me.body.organization.id).toBe(acme.organizationId);
    await http().post('/api/auth/login').send({ email: address, password: TEST_PASSWORD }).expect(200);

    const again = await http().post('/api/auth/accept-invitation').send({ token: invitation.token, name: 'Someone else', password: TEST_PASSWORD }).expect(400);
    expect(again.body.errors).toEqual([{ field: 'token', message: expect.stringContaining('used, revoked or have expired') }]);
    await http().post('/api/auth/invitation').send({ token: invitation.token }).expect(400);
  });

  it('lists open invitations without their tokens, only to Admins of the organisation, and revokes them', async () => {
    const invitation = await invite(acme, { email: email(), role: Role.Auditor });
    const list = await http().get('/api/users/invitations').set(acme.auth).expect(200);
    expect(list.body.items).toContainEqual({ id: invitation.id, email: invitation.email, role: Role.Auditor, invited_by: 'Admin', created_at: invitation.created_at, expires_at: invitation.expires_at });
    expect(JSON.stringify(list.body)).not.toContain(invitation.token);
    expect((await http().get('/api/users/invitations').set(globex.auth).expect(200)).body.items.map((i: { id: number }) => i.id)).not.toContain(invitation.id);

    const editor = await addUser(app, acme, Role.Editor);
    await http().post('/api/users/invitations').set(editor.auth).send({ email: email(), role: Role.Admin }).expect(403);
    await http().get('/api/users/invitations').set(editor.auth).expect(403);
    await http().delete(`/api/users/invitations/${invitation.id}`).set(globex.auth).expect(404);

    await http().delete(`/api/users/invitations/${invitation.id}`).set(acme.auth).expect(204);
    await http().post('/api/auth/accept-invitation').send({ token: invitation.token, name: 'Late', password: TEST_PASSWORD }).expect(400);
    await http().delete(`/api/users/invitations/${invitation.id}`).set(acme.auth).expect(404);
  });

  it('replaces the open invitation of the same person, so only the newest link works', async () => {
    const address = email();
    const first = await invite(acme, { email: address, role: Role.Editor });
    const second = await invite(acme, { email: address, role: Role.Auditor });
    await http().post('/api/auth/accept-invitation').send({ token: first.token, name: 'First', password: TEST_PASSWORD }).expect(400);
    const accepted = await http().post('/api/auth/accept-invitation').send({ token: second.token, name: 'Second', password: TEST_PASSWORD }).expect(201);
    expect(accepted.body.user.role).toBe(Role.Auditor);
  });

  it('refuses an expired link, an e-mail that has an account, and bad input with 400s naming the field', async () => {
    const expired = await invite(acme, { email: email(), role: Role.Editor });
    await app.get(DataSource).query(`UPDATE user_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    const late = await http().post('/api/auth/accept-invitation').send({ token: expired.token, name: 'Late', password: TEST_PASSWORD }).expect(400);
    expect(late.body.errors[0].field).toBe('token');

    const taken = await http().post('/api/users/invitations').set(acme.auth).send({ email: globex.user.email, role: Role.Editor }).expect(409);
    expect(taken.body.detail).toContain('already exists');

    const bad = await http().post('/api/users/invitations').set(acme.auth).send({ email: 'not-an-email', role: 'Owner' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'role']);
    const valid = await invite(acme, { email: email(), role: Role.Editor });
    const short = await http().post('/api/auth/accept-invitation').send({ token: valid.token, name: '', password: 'short' }).expect(400);
    expect(short.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'password']);
  });

  it('records the invitation and its acceptance in the security log, never the token', async () => {
    const invitation = await invite(acme, { email: email(), role: Role.Editor });
    const accepted = await http().post('/api/auth/accept-invitation').send({ token: invitation.token, name: 'Logged', password: TEST_PASSWORD }).expect(201);
    const { body } = await http().get('/api/audit-events?action=user.invited&action=user.invitation_accepted&limit=100').set(acme.auth).expect(200);
    expect(body.items).toContainEqual(expect.objectContaining({ action: 'user.invited', actor_user_id: acme.user.id, target_type: 'invitation', target_id: String(invitation.id) }));
    expect(body.items).toContainEqual(
      expect.objectContaining({ action: 'user.invitation_accepted', actor_user_id: accepted.body.user.id, target_type: 'user', details: expect.objectContaining({ invitation_id: invitation.id, role: Role.Editor }) }),
    );
    expect(JSON.stringify(body)).not.toContain(invitation.token);
  });
});
