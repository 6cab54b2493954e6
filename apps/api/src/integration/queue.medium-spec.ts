import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { CoreConfigModule, LoggingModule } from '@model-inventory/server-core';
import { createTestApp, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { DatabaseModule, HealthModule, QueueModule, SystemModule, SystemWorkerModule } from '@model-inventory/server-platform';

async function startWorker(config = testAppConfig()): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoreConfigModule.forRoot('worker', { ...config, role: 'worker' }), DatabaseModule, LoggingModule, QueueModule, SystemWorkerModule],
  }).compile();
  return moduleRef.init();
}

describe('queue round trip (real PostgreSQL and BullMQ)', () => {
  const config = testAppConfig();
  let api: NestExpressApplication;
  let admin: TestSession;

  beforeAll(async () => {
    api = await createTestApp([HealthModule, SystemModule], config);
    admin = await registerOrganization(api);
  });

  afterAll(() => api.close());

  const http = () => request(api.getHttpServer());

  it('reports database and queue as up', async () => {
    const { body } = await http().get('/api/health').expect(200);
    expect(body.details.database.status).toBe('up');
    expect(body.details.queue).toMatchObject({ status: 'up', backend: config.redisUrl ? 'redis' : 'postgres' });
  });

  it('answers 503 when no worker is there to process the check', async () => {
    const response = await http().post('/api/system/worker-check').set(admin.auth).expect(503);
    expect(response.body.detail).toContain('No worker answered');
  }, 20_000);

  it('has a worker process the job the API enqueued and record its heartbeat', async () => {
    const worker = await startWorker(config);
    try {
      const { body } = await http().post('/api/system/worker-check').set(admin.auth).expect(200);
      expect(body.worker_id).toContain(String(process.pid));
      const status = await http().get('/api/system/workers').set(admin.auth).expect(200);
      expect(status.body.workers).toContainEqual(expect.objectContaining({ worker_id: body.worker_id, online: true }));
    } finally {
      await worker.close();
    }
  });
});
