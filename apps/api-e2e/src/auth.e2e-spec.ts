import { api, PASSWORD, register, unique } from './support/api';

describe('sign-up and sign-in', () => {
  it('registers an organisation and signs its admin in', async () => {
    const email = `ada-${unique()}@example.com`;
    const registered = await api().post('/api/auth/register').send({ organization_name: 'Analytical Engines', name: 'Ada', email, password: PASSWORD }).expect(201);
    expect(registered.body).toMatchObject({ user: { email, role: 'Admin' }, organization: { name: 'Analytical Engines' } });
    const login = await api().post('/api/auth/login').send({ email: email.toUpperCase(), password: PASSWORD }).expect(200);
    const me = await api().get('/api/auth/me').set('Authorization', `Bearer ${login.body.access_token}`).expect(200);
    expect(me.body.organization.name).toBe('Analytical Engines');
  });

  it('answers a wrong password with 401 problem+json and no hint whether the email exists', async () => {
    const owner = await register();
    const wrong = await api().post('/api/auth/login').send({ email: owner.email, password: 'wrong password!' }).expect(401);
    const unknown = await api().post('/api/auth/login').send({ email: `nobody-${unique()}@example.com`, password: 'wrong password!' }).expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('names the missing field when a required one is absent', async () => {
    const response = await api().post('/api/auth/register').send({ name: 'No Org', email: `x-${unique()}@example.com`, password: PASSWORD }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'organization_name' })]);
  });

  it('rejects unknown body fields with 400 naming them', async () => {
    const response = await api().post('/api/auth/login').send({ email: 'a@example.com', password: PASSWORD, is_admin: true }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'is_admin', message: 'is_admin is not an allowed field' }]);
  });

  it('rejects a malformed JSON body with 400', async () => {
    const response = await api().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(response.body.status).toBe(400);
  });

  it('requires a token everywhere else', async () => {
    await api().get('/api/projects').expect(401);
    await api().get('/api/users').set('Authorization', 'Bearer nonsense').expect(401);
  });
});
