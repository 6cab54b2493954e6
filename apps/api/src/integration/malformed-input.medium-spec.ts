import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@model-inventory/contracts';
import { AutomationModule } from '@model-inventory/server-automation';
import { HistoryModule } from '@model-inventory/server-history';
import { InventoryModule } from '@model-inventory/server-inventory';
import { ProjectsModule } from '@model-inventory/server-projects';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aModel } from './inventory-fixtures';

/** A JSON text nested `depth` levels deep: what stack-hungry validators fall over. */
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepField = (field: string, depth: number) => `{"${field}":${deepArray(depth)}}`;

type Method = 'post' | 'patch';

describe('malformed input gets a 4xx naming the field, never a 500, and writes nothing (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let admin: TestSession;
  let model: { id: number };
  let project: { id: number };
  let webhook: { id: number };
  let user: TestSession;

  beforeAll(async () => {
    app = await createTestApp([AutomationModule, HistoryModule, InventoryModule, ProjectsModule]);
    admin = await registerOrganization(app);
    user = await addUser(app, admin, Role.Editor);
    model = (await http().post('/api/modelInventory').set(admin.auth).send(aModel()).expect(201)).body;
    project = (await http().post('/api/projects').set(admin.auth).send({ name: 'Unchanged' }).expect(201)).body;
    webhook = (await http().post('/api/webhooks').set(admin.auth).send({ url: 'https://hooks.example.com/x', events: ['model_added'], secret: 'sixteen-chars-ok' }).expect(201)).body;
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  /** Rows of every table a write could touch: none may change when a request is refused. */
  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await app.get(DataSource).query(`
      SELECT (SELECT count(*) FROM model_inventories)::int AS models, (SELECT count(*) FROM projects)::int AS projects,
             (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM organizations)::int AS organizations,
             (SELECT count(*) FROM webhooks)::int AS webhooks, (SELECT count(*) FROM automation_events)::int AS events,
             (SELECT max(updated_at) FROM model_inventories)::text AS models_changed, (SELECT max(updated_at) FROM projects)::text AS projects_changed,
             (SELECT max(updated_at) FROM webhooks)::text AS webhooks_changed, (SELECT max(updated_at) FROM users)::text AS users_changed,
             (SELECT count(*) FROM model_inventory_snapshots)::int AS snapshots`);
    return row;
  }

  async function expectRefused(method: Method | 'get', path: string, body: string | object | undefined, field: string, auth = admin.auth) {
    const before = await rowCounts();
    let call = http()[method](path).set(auth);
    if (body !== undefined) call = call.set('Content-Type', 'application/json').send(body);
    const response = await call;
    expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({ path, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await rowCounts()).toEqual(before);
  }

  const writeRoutes = (): Array<[Method, string]> => [
    ['post', '/api/modelInventory'],
    ['patch', `/api/modelInventory/${model.id}`],
    ['post', '/api/projects'],
    ['patch', `/api/projects/${project.id}`],
    ['post', '/api/users'],
    ['patch', `/api/users/${user.user.id}`],
    ['post', '/api/webhooks'],
    ['patch', `/api/webhooks/${webhook.id}`],
    ['post', '/api/modelInventoryHistory/snapshot'],
    ['post', '/api/auth/register'],
    ['post', '/api/auth/login'],
  ];

  it('refuses a body that is an array nested 5,000 levels deep, naming the body', async () => {
    for (const [method, path] of writeRoutes()) await expectRefused(method, path, deepArray(5_000), 'body');
  });

  it('refuses a field nested 5,000 levels deep, naming the field', async () => {
    for (const [method, path] of writeRoutes()) await expectRefused(method, path, deepField('name', 5_000), 'name');
  });

  it.each(['provider', 'version', 'biases', 'limitations'])('refuses a NUL character in the model %s on create', async (field) => {
    await expectRefused('post', '/api/modelInventory', aModel({ [field]: 'abc\u0000def' }), field);
  });

  it('refuses a NUL character on PATCH (model version, project name, user name) and in a list query', async () => {
    await expectRefused('patch', `/api/modelInventory/${model.id}`, { version: 'abc\u0000def' }, 'version');
    await expectRefused('post', '/api/projects', { name: 'abc\u0000def' }, 'name');
    await expectRefused('patch', `/api/projects/${project.id}`, { name: 'abc\u0000def' }, 'name');
    await expectRefused('patch', `/api/users/${user.user.id}`, { name: 'abc\u0000def' }, 'name');
    await expectRefused('get', '/api/modelInventory?approver=%00', undefined, 'approver');
  });

  it.each([
    ['models', () => `/api/modelInventory/${model.id}`, ['provider', 'model', 'version', 'approver', 'capabilities', 'security_assessment', 'status', 'status_date', 'reference_link', 'biases', 'limitations', 'hosting_provider', 'projects', 'frameworks']],
    ['projects', () => `/api/projects/${project.id}`, ['name', 'frameworks']],
    ['webhooks', () => `/api/webhooks/${webhook.id}`, ['url', 'events', 'secret', 'active']],
    ['users', () => `/api/users/${user.user.id}`, ['name', 'role', 'password']],
  ])('refuses null for a non-nullable field of a %s PATCH, alone and all at once', async (_, path, fields) => {
    for (const field of fields) await expectRefused('patch', path(), { [field]: null }, field);
    await expectRefused('patch', path(), Object.fromEntries(fields.map((field) => [field, null])), fields[0]);
  });

  it('lets null clear a nullable field', async () => {
    await http().patch(`/api/projects/${project.id}`).set(admin.auth).send({ description: 'temporary' }).expect(200);
    const { body } = await http().patch(`/api/projects/${project.id}`).set(admin.auth).send({ description: null }).expect(200);
    expect(body.description).toBeNull();
  });

  it.each(['projects', 'frameworks'])('refuses an id past the 32-bit range in %s on create and on PATCH, naming the field', async (field) => {
    await expectRefused('post', '/api/modelInventory', aModel({ [field]: [2147483648] }), field);
    await expectRefused('patch', `/api/modelInventory/${model.id}`, { [field]: [2147483648] }, field);
    await expectRefused('get', `/api/modelInventory?${field === 'projects' ? 'project_id' : 'framework_id'}=2147483648`, undefined, field === 'projects' ? 'project_id' : 'framework_id');
  });

  it('refuses an id past the 32-bit range in a project\'s frameworks', async () => {
    await expectRefused('post', '/api/projects', { name: 'Big ids', frameworks: [2147483648] }, 'frameworks');
  });
});
