import { NestExpressApplication } from '@nestjs/platform-express';
import { InventoryModule } from '@model-inventory/server-inventory';
import { ProjectsModule } from '@model-inventory/server-projects';
import { RisksModule } from '@model-inventory/server-risks';
import { createTestApp, createTestDatabase, dropTestDatabase, TestDatabase, testAppConfig } from '@model-inventory/server-testing';
import request from 'supertest';

describe('the demo organisation of a zero-configuration start (real PostgreSQL, a database of its own)', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let auth: { Authorization: string };

  beforeAll(async () => {
    database = await createTestDatabase('mi_demo');
    const config = testAppConfig({ DATABASE_URL: database.url, DEMO_SEED: 'true', DEMO_ADMIN_EMAIL: 'admin@demo.local', DEMO_ADMIN_PASSWORD: 'demo-admin-2026' });
    app = await createTestApp([InventoryModule, ProjectsModule, RisksModule], config);
    const login = await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'admin@demo.local', password: 'demo-admin-2026' }).expect(200);
    auth = { Authorization: `Bearer ${login.body.access_token}` };
  });

  afterAll(async () => {
    await app?.close();
    if (database) await dropTestDatabase(database.name);
  });

  const get = async (path: string) => (await request(app.getHttpServer()).get(path).set(auth).expect(200)).body;

  it('has demo models with risks spread over levels, statuses and the matrix, one of them overdue', async () => {
    expect((await get('/api/modelInventory?limit=1')).total).toBe(7);
    expect(await get('/api/modelInventoryHistory/current-counts?parameter=status')).toMatchObject({ demo_models: 7 });
    const summary = await get('/api/modelRisks/summary');
    expect(summary).toMatchObject({ total: 8, overdue: 1, by_status: { Open: 4, 'In Progress': 2, Resolved: 1, Accepted: 1 } });
    expect(Object.values(summary.by_level).every((count) => (count as number) > 0)).toBe(true);
    const matrix = await get('/api/modelRisks/matrix');
    expect(matrix.unrated).toBe(1);
    expect(matrix.cells.filter((cell: { count: number }) => cell.count > 0).length).toBeGreaterThanOrEqual(5);
    const scorer = (await get('/api/modelInventory?search=credit-risk')).items[0];
    expect(scorer.open_risk_count).toBe(2);
  });

  it('has a year of history: the status chart grows over the past year instead of starting today', async () => {
    const { points } = await get('/api/modelInventoryHistory/timeseries?parameter=status&timeframe=1year');
    const total = (point: { counts: Record<string, number> }) => Object.values(point.counts).reduce((a, b) => a + b, 0);
    const totals: number[] = points.map(total);
    expect(totals).toHaveLength(365);
    expect(totals[0]).toBe(0);
    expect(totals[totals.length - 1]).toBe(7);
    expect(totals.slice(0, 200).some((n) => n > 0)).toBe(true);
    expect(new Set(totals).size).toBeGreaterThanOrEqual(5);
    expect(totals.every((n, i) => i === 0 || n >= totals[i - 1])).toBe(true);
    const gpt = (await get('/api/modelInventory?search=GPT-4o')).items[0];
    const [created] = (await get(`/api/model-inventory-change-history/${gpt.id}`)).items.filter((entry: { action: string }) => entry.action === 'created');
    expect(created.changed_at.slice(0, 10)).toBe(gpt.status_date);
  });

  it('clears the demo models and, with them, their risks and the demo projects nobody else uses', async () => {
    const demoProjects: Array<{ id: number; name: string }> = (await get('/api/projects?limit=100')).items;
    expect(demoProjects.length).toBeGreaterThan(1);
    const [kept] = demoProjects;
    const { aModel } = await import('./inventory-fixtures');
    await request(app.getHttpServer()).post('/api/modelInventory').set(auth).send(aModel({ model: 'Our own model', projects: [kept.id] })).expect(201);
    await request(app.getHttpServer()).delete('/api/demo-data').set(auth).expect(204);
    expect((await get('/api/projects?limit=100')).items.map((p: { name: string }) => p.name)).toEqual([kept.name]);
    expect((await get('/api/modelInventory?limit=5')).items.map((m: { model: string }) => m.model)).toEqual(['Our own model']);
    expect((await get('/api/modelRisks/summary')).total).toBe(0);
    expect(await get('/api/modelInventoryHistory/current-counts?parameter=status')).toMatchObject({ demo_models: 0, counts: { Pending: 1 } });
    expect((await get('/api/modelRisks?filter=deleted&limit=1')).total).toBe(8);
  });
});
