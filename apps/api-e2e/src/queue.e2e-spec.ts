import { api, register } from './support/api';

describe('API → queue → worker process', () => {
  it('has the separate worker process answer a job the API enqueued', async () => {
    const admin = await register();
    const { body } = await api().post('/api/system/worker-check').set(admin.auth).expect(200);
    expect(body.round_trip_ms).toBeLessThan(10_000);
    const status = await api().get('/api/system/workers').set(admin.auth).expect(200);
    expect(status.body.workers).toContainEqual(expect.objectContaining({ worker_id: body.worker_id, online: true }));
  });

  it('reports database and queue as healthy', async () => {
    const { body } = await api().get('/api/health').expect(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual(['database', 'queue']);
  });
});
