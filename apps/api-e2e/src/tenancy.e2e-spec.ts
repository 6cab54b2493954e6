import { addUser, api, register, Session } from './support/api';

describe('organisations are isolated', () => {
  let acme: Session;
  let globex: Session;

  beforeAll(async () => {
    [acme, globex] = await Promise.all([register('Acme'), register('Globex')]);
  });

  it("cannot see, change or delete another organisation's project", async () => {
    const { body: project } = await api().post('/api/projects').set(acme.auth).send({ name: 'Fraud model rollout', frameworks: [1] }).expect(201);
    await api().get(`/api/projects/${project.id}`).set(globex.auth).expect(404);
    await api().patch(`/api/projects/${project.id}`).set(globex.auth).send({ name: 'stolen' }).expect(404);
    await api().delete(`/api/projects/${project.id}`).set(globex.auth).expect(404);
    const globexList = await api().get('/api/projects').set(globex.auth).expect(200);
    expect(globexList.body.items).toEqual([]);
    const still = await api().get(`/api/projects/${project.id}`).set(acme.auth).expect(200);
    expect(still.body.name).toBe('Fraud model rollout');
  });

  it("cannot see, change or delete another organisation's users", async () => {
    const editor = await addUser(acme, 'Editor');
    await api().get(`/api/users/${editor.userId}`).set(globex.auth).expect(404);
    await api().patch(`/api/users/${editor.userId}`).set(globex.auth).send({ role: 'Admin' }).expect(404);
    await api().delete(`/api/users/${editor.userId}`).set(globex.auth).expect(404);
    const globexUsers = await api().get('/api/users').set(globex.auth).expect(200);
    expect(globexUsers.body.items.map((u: { id: number }) => u.id)).toEqual([globex.userId]);
    await api().get('/api/auth/me').set(editor.auth).expect(200);
  });
});
