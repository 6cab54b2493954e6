import { addUser, api, documentedOperations, fillPath, Operation, register, Session } from './support/api';

describe('roles are enforced by the server', () => {
  let admin: Session;
  let auditor: Session;
  let writes: Operation[];

  beforeAll(async () => {
    admin = await register();
    auditor = await addUser(admin, 'Auditor');
    // Self-service writes (sign out, change one's password, one's own API tokens) declare every role, Auditor included.
    writes = (await documentedOperations()).filter((op) => op.method !== 'get' && !op.isPublic && !op.allowedRoles?.includes('Auditor'));
  });

  it('documents write routes to check', () => {
    expect(writes.map((op) => `${op.method} ${op.path}`)).toEqual(expect.arrayContaining(['post /api/projects', 'delete /api/users/{id}']));
  });

  it('answers 403 to an Auditor on every write route, and changes nothing', async () => {
    const { body: project } = await api().post('/api/projects').set(admin.auth).send({ name: 'Audited' }).expect(201);
    for (const op of writes) {
      const response = await api()[op.method](fillPath(op.path, project.id)).set(auditor.auth).send({});
      expect({ route: `${op.method} ${op.path}`, status: response.status }).toEqual({ route: `${op.method} ${op.path}`, status: 403 });
    }
    const after = await api().get(`/api/projects/${project.id}`).set(admin.auth).expect(200);
    expect(after.body.name).toBe('Audited');
  });

  it('lets an Auditor manage only what is theirs: an API token, their password, their session', async () => {
    const selfService = (await documentedOperations()).filter((op) => op.method !== 'get' && op.allowedRoles?.includes('Auditor')).map((op) => `${op.method} ${op.path}`);
    expect(selfService.sort()).toEqual(['delete /api/api-tokens/{id}', 'post /api/api-tokens', 'post /api/auth/logout', 'post /api/auth/password']);
    const { body: token } = await api().post('/api/api-tokens').set(auditor.auth).send({ name: 'Auditor script' }).expect(201);
    expect(token.role).toBe('Auditor');
    await api().post('/api/projects').set({ Authorization: `Bearer ${token.token}` }).send({ name: 'Not with this key' }).expect(403);
  });

  it('lets an Auditor read', async () => {
    await api().get('/api/projects').set(auditor.auth).expect(200);
    await api().get('/api/frameworks').set(auditor.auth).expect(200);
  });

  it('keeps user management to Admins', async () => {
    const editor = await addUser(admin, 'Editor');
    await api().get('/api/users').set(editor.auth).expect(403);
    await api().post('/api/projects').set(editor.auth).send({ name: 'Editors may' }).expect(201);
  });
});
