import { getQueueToken } from '@nestjs/bullmq';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelStatus, Role, SnapshotCounts } from '@model-inventory/contracts';
import { HistoryJob, QueueName } from '@model-inventory/server-core';
import { HistoryModule } from '@model-inventory/server-history';
import { InventoryModule } from '@model-inventory/server-inventory';
import { addUser, createTestApp, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { modelWrites, startHistoryWorker, utcDay as day } from './history-fixtures';

describe('change history and snapshots (real PostgreSQL)', () => {
  const config = testAppConfig();
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let writes: ReturnType<typeof modelWrites>;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    // The model history route belongs to the inventory module; the rows are written by these tests' own SQL.
    app = await createTestApp([HistoryModule, InventoryModule], config);
    dataSource = app.get(DataSource);
    writes = modelWrites(app);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  async function liveCounts(session: TestSession): Promise<Record<string, SnapshotCounts>> {
    const [status, assessment] = await Promise.all(
      ['status', 'security_assessment'].map((p) => http().get(`/api/modelInventoryHistory/current-counts?parameter=${p}`).set(session.auth).expect(200)),
    );
    return { status: status.body.counts, security_assessment: assessment.body.counts };
  }

  const pending = { status: ModelStatus.PENDING, security_assessment: false };
  const approved = { status: ModelStatus.APPROVED, security_assessment: true };

  describe('change history', () => {
    it("writes in the caller's transaction, so a rollback leaves no history and no snapshot", async () => {
      const org = await registerOrganization(app);
      const id = await writes.create(org, pending);
      const before = await writes.snapshotCount(org.organizationId);
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.query('UPDATE model_inventories SET status = $2 WHERE id = $1', [id, ModelStatus.APPROVED]);
          await writes.record(manager, org, id, 'updated', [{ field_name: 'status', old_value: 'Pending', new_value: 'Approved' }], pending, { ...pending, status: ModelStatus.APPROVED });
          throw new Error('validation failed later in the write');
        }),
      ).rejects.toThrow('validation failed later');
      const { body } = await http().get(`/api/model-inventory-change-history/${id}`).set(org.auth).expect(200);
      expect(body.items.map((e: { action: string }) => e.action)).toEqual(['created']);
      expect(await writes.snapshotCount(org.organizationId)).toBe(before);
    });

    it('inserts nothing for an empty change list', async () => {
      const id = await writes.create(acme, pending);
      await dataSource.transaction((manager) => writes.record(manager, acme, id, 'updated', [], pending, pending));
      const { body } = await http().get(`/api/model-inventory-change-history/${id}`).set(acme.auth).expect(200);
      expect(body.total).toBe(1);
    });

    it('lists newest first with the author, pages, and stays readable after the model is deleted', async () => {
      const id = await writes.create(acme, pending);
      await writes.update(acme, id, pending, approved);
      await writes.remove(acme, id, approved);
      const { body } = await http().get(`/api/model-inventory-change-history/${id}`).set(acme.auth).expect(200);
      expect(body.total).toBe(4);
      expect(body.items.map((e: { action: string; field_name: string }) => `${e.action}:${e.field_name}`)).toEqual([
        'deleted:deleted_at',
        'updated:security_assessment',
        'updated:status',
        'created:status',
      ]);
      expect(body.items[1]).toMatchObject({ model_inventory_id: id, old_value: 'false', new_value: 'true', changed_by_user_id: acme.user.id, changed_by_name: acme.user.name, changed_by_email: acme.user.email });
      expect(Date.parse(body.items[0].changed_at)).not.toBeNaN();
      const page = await http().get(`/api/model-inventory-change-history/${id}?limit=2&offset=1`).set(acme.auth).expect(200);
      expect(page.body).toMatchObject({ total: 4, items: [body.items[1], body.items[2]] });
      await http().get(`/api/model-inventory-change-history/${id}?limit=501`).set(acme.auth).expect(400);
    });

    it("answers 404 for another organisation's model and for no model at all", async () => {
      const id = await writes.create(acme, pending);
      await http().get(`/api/model-inventory-change-history/${id}`).set(globex.auth).expect(404);
      await http().get('/api/model-inventory-change-history/2147483647').set(acme.auth).expect(404);
      const bad = await http().get('/api/model-inventory-change-history/abc').set(acme.auth).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
    });
  });

  describe('snapshots', () => {
    it('has every bucket, zeros included, for an organisation without models', async () => {
      const org = await registerOrganization(app);
      expect(await liveCounts(org)).toEqual({
        status: { Approved: 0, Restricted: 0, Pending: 0, Blocked: 0 },
        security_assessment: { true: 0, false: 0 },
      });
    });

    it('keeps the latest snapshot equal to the live counts through creates, updates and deletes', async () => {
      const org = await registerOrganization(app);
      const a = await writes.create(org, pending);
      const b = await writes.create(org, approved);
      await writes.create(org, { status: ModelStatus.BLOCKED, security_assessment: false });
      await writes.update(org, a, pending, { status: ModelStatus.RESTRICTED, security_assessment: true });
      await writes.update(org, b, approved, { ...approved }); // no counted field changed: no snapshot
      await writes.remove(org, b, approved);
      const live = await liveCounts(org);
      expect(live.status).toEqual({ Approved: 0, Restricted: 1, Pending: 0, Blocked: 1 });
      expect(await writes.latestSnapshots(org.organizationId)).toEqual(live);
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM model_inventory_snapshots WHERE organization_id = $1 AND parameter = 'status'`, [org.organizationId]);
      expect(n).toBe(5);
    });

    it('stays exact under 50 concurrent creates', async () => {
      const org = await registerOrganization(app);
      await writes.create(org, pending);
      const statuses = Object.values(ModelStatus);
      await Promise.all(Array.from({ length: 50 }, (_, i) => writes.create(org, { status: statuses[i % statuses.length], security_assessment: i % 3 === 0 })));
      const live = await liveCounts(org);
      expect(live.status).toEqual({ Approved: 13, Restricted: 13, Pending: 13, Blocked: 12 });
      expect(live.security_assessment).toEqual({ true: 17, false: 34 });
      expect(await writes.latestSnapshots(org.organizationId)).toEqual(live);
    });

    it('counts from zero in every bucket when concurrent first writes find no running counts', async () => {
      const org = await registerOrganization(app);
      await Promise.all(Array.from({ length: 20 }, () => writes.create(org, pending)));
      expect((await writes.latestSnapshots(org.organizationId))['status']).toEqual({ Approved: 0, Restricted: 0, Pending: 20, Blocked: 0 });
    });

    it('takes a manual snapshot (201) for writers, not for an Auditor', async () => {
      const org = await registerOrganization(app);
      await writes.create(org, approved);
      const { body } = await http().post('/api/modelInventoryHistory/snapshot').set(org.auth).send({ parameter: 'security_assessment' }).expect(201);
      expect(body).toMatchObject({ parameter: 'security_assessment', snapshot_data: { true: 1, false: 0 } });
      expect(body.id).toEqual(expect.any(Number));
      const [row] = await dataSource.query('SELECT trigger FROM model_inventory_snapshots WHERE id = $1', [body.id]);
      expect(row.trigger).toBe('manual');
      const auditor = await addUser(app, org, Role.Auditor);
      await http().post('/api/modelInventoryHistory/snapshot').set(auditor.auth).send({ parameter: 'status' }).expect(403);
      await http().get('/api/modelInventoryHistory/current-counts?parameter=status').set(auditor.auth).expect(200);
    });
  });

  describe('timeseries', () => {
    it('has 7 daily points for 7days, the last equal to the current counts', async () => {
      await writes.create(acme, approved);
      const { body } = await http().get('/api/modelInventoryHistory/timeseries?parameter=status&timeframe=7days').set(acme.auth).expect(200);
      expect(body.parameter).toBe('status');
      expect(body.points.map((p: { timestamp: string }) => p.timestamp)).toEqual([-6, -5, -4, -3, -2, -1, 0].map((d) => `${day(d)}T00:00:00.000Z`));
      expect(body.points[6].counts).toEqual((await liveCounts(acme)).status);
      const defaults = await http().get('/api/modelInventoryHistory/timeseries?parameter=status').set(acme.auth).expect(200);
      expect(defaults.body.points).toHaveLength(30);
    });

    it('carries snapshots forward, zeros before the first, and ends with live counts when they differ', async () => {
      const org = await registerOrganization(app);
      const insert = (offsetDays: number, hour: number, data: SnapshotCounts) =>
        dataSource.query(
          `INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger, recorded_at)
           VALUES ($1, 'security_assessment', $2, 'daily', ($3::date + make_interval(hours => $4)) AT TIME ZONE 'UTC')`,
          [org.organizationId, data, day(offsetDays), hour],
        );
      await insert(-5, 1, { true: 1, false: 0 });
      await insert(-3, 1, { true: 2, false: 0 });
      await insert(-3, 23, { true: 3, false: 1 });
      const { body } = await http().get('/api/modelInventoryHistory/timeseries?parameter=security_assessment&timeframe=7days').set(org.auth).expect(200);
      expect(body.points.map((p: { counts: SnapshotCounts }) => `${p.counts['true']}/${p.counts['false']}`)).toEqual(['0/0', '1/0', '1/0', '3/1', '3/1', '3/1', '0/0']);
      const past = await http().get(`/api/modelInventoryHistory/timeseries?parameter=security_assessment&from=${day(-4)}&to=${day(-2)}`).set(org.auth).expect(200);
      expect(past.body.points.map((p: { counts: SnapshotCounts }) => p.counts['true'])).toEqual([1, 3, 3]);
    });

    it.each([
      ['/api/modelInventoryHistory/current-counts?parameter=owner', 'parameter'],
      ['/api/modelInventoryHistory/current-counts', 'parameter'],
      ['/api/modelInventoryHistory/timeseries?parameter=status&timeframe=2weeks', 'timeframe'],
      ['/api/modelInventoryHistory/timeseries?parameter=status&from=2025-02-30', 'from'],
      ['/api/modelInventoryHistory/timeseries?parameter=status&from=2025-03-01&to=2025-02-01', 'from'],
      ['/api/modelInventoryHistory/timeseries?parameter=status&from=2020-01-01&to=2025-01-01', 'from'],
      ['/api/modelInventoryHistory/timeseries?parameter=status&to=2025-01-01', 'from'],
    ])('answers 400 for %s naming %s', async (url, field) => {
      const { body } = await http().get(url).set(acme.auth).expect(400);
      expect(body.errors[0].field).toBe(field);
    });

    it('answers 400 for an unknown parameter on a manual snapshot', async () => {
      const { body } = await http().post('/api/modelInventoryHistory/snapshot').set(acme.auth).send({ parameter: 'risk' }).expect(400);
      expect(body.errors[0].field).toBe('parameter');
    });
  });

  describe('daily snapshots', () => {
    it('fans out to one job per organisation and records a daily snapshot for each', async () => {
      const org = await registerOrganization(app);
      await writes.create(org, approved);
      const worker = await startHistoryWorker(config);
      try {
        await app.get<Queue>(getQueueToken(QueueName.history)).add(HistoryJob.dailySnapshots, {});
        const deadline = Date.now() + 20_000;
        let rows: Array<{ parameter: string; snapshot_data: SnapshotCounts }> = [];
        while (rows.length < 2 && Date.now() < deadline) {
          await sleep(100);
          rows = await dataSource.query(`SELECT parameter, snapshot_data FROM model_inventory_snapshots WHERE organization_id = $1 AND trigger = 'daily'`, [org.organizationId]);
        }
        expect(Object.fromEntries(rows.map((r) => [r.parameter, r.snapshot_data]))).toEqual(await liveCounts(org));
      } finally {
        await worker.close();
      }
    }, 30_000);
  });
});
