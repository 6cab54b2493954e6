import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@model-inventory/contracts';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { ProjectsModule } from '@model-inventory/server-projects';

describe('projects and frameworks over HTTP (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    app = await createTestApp([ProjectsModule]);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  it('lists the seeded frameworks', async () => {
    const { body } = await http().get('/api/frameworks').set(acme.auth).expect(200);
    expect(body.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['EU AI Act', 'ISO/IEC 42001', 'NIST AI RMF', 'ISO/IEC 27001']));
  });

  it('creates, reads, updates and deletes a project with its frameworks', async () => {
    const created = await http().post('/api/projects').set(acme.auth).send({ name: 'Support bot', frameworks: [2, 1] }).expect(201);
    expect(created.body).toMatchObject({ name: 'Support bot', frameworks: [1, 2], organization_id: acme.organizationId });
    const updated = await http().patch(`/api/projects/${created.body.id}`).set(acme.auth).send({ description: 'Tier-1 support', frameworks: [3] }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Support bot', description: 'Tier-1 support', frameworks: [3] });
    await http().delete(`/api/projects/${created.body.id}`).set(acme.auth).expect(204);
    await http().get(`/api/projects/${created.body.id}`).set(acme.auth).expect(404);
  });

  it("answers 404 for another organisation's project, for reads and writes alike", async () => {
    const { body: project } = await http().post('/api/projects').set(acme.auth).send({ name: 'Private' }).expect(201);
    await http().get(`/api/projects/${project.id}`).set(globex.auth).expect(404);
    await http().patch(`/api/projects/${project.id}`).set(globex.auth).send({ name: 'Mine now' }).expect(404);
    await http().delete(`/api/projects/${project.id}`).set(globex.auth).expect(404);
    const list = await http().get('/api/projects').set(globex.auth).expect(200);
    expect(list.body.items.map((p: { id: number }) => p.id)).not.toContain(project.id);
    await http().get(`/api/projects/${project.id}`).set(acme.auth).expect(200);
  });

  it('names unknown framework ids and writes nothing', async () => {
    const response = await http().post('/api/projects').set(acme.auth).send({ name: 'Ghost', frameworks: [1, 9999] }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'frameworks', message: 'unknown framework ids: 9999' }]);
    const list = await http().get('/api/projects?search=Ghost').set(acme.auth).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('refuses a duplicate name in one organisation but not across organisations', async () => {
    await http().post('/api/projects').set(acme.auth).send({ name: 'Shared name' }).expect(201);
    await http().post('/api/projects').set(acme.auth).send({ name: 'shared NAME' }).expect(409);
    await http().post('/api/projects').set(globex.auth).send({ name: 'Shared name' }).expect(201);
  });

  it('pages and searches the list', async () => {
    const org = await registerOrganization(app);
    for (const name of ['Alpha', 'Beta', 'Gamma']) await http().post('/api/projects').set(org.auth).send({ name }).expect(201);
    const page = await http().get('/api/projects?limit=2&offset=1').set(org.auth).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((p: { name: string }) => p.name)).toEqual(['Beta', 'Gamma']);
    const found = await http().get('/api/projects?search=amm').set(org.auth).expect(200);
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(['Gamma']);
    await http().get('/api/projects?limit=0').set(org.auth).expect(400);
  });

  it('lets an Auditor read but not write', async () => {
    const auditor = await addUser(app, acme, Role.Auditor);
    await http().get('/api/projects').set(auditor.auth).expect(200);
    await http().post('/api/projects').set(auditor.auth).send({ name: 'Nope' }).expect(403);
  });
});
