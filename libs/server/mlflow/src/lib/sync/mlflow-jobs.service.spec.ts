import { MlflowJob, RequestContext } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { MlflowConfigService } from '../mlflow-config.service';
import { MlflowIntegrationsRepository, SyncOutcome } from '../mlflow-integrations.repository';
import { MLFLOW_SYNC_JOB_OPTIONS, MlflowJobsService, mlflowSyncJobId } from './mlflow-jobs.service';

describe(MlflowJobsService.name, () => {
  const createdAt = new Date('2026-01-01T00:00:00Z');
  const recorded: Array<{ organizationId: number | undefined; outcome: SyncOutcome }> = [];
  const integrations = {
    findAllForFanOut: jest.fn(async () => [
      { organization_id: 1, last_test_status: 'success', created_at: createdAt },
      { organization_id: 2, last_test_status: 'failure', created_at: createdAt },
      { organization_id: 3, last_test_status: null, created_at: createdAt },
      { organization_id: 4, last_test_status: 'success', created_at: createdAt },
    ]),
    recordSync: jest.fn(async (outcome: SyncOutcome) => {
      recorded.push({ organizationId: RequestContext.actor()?.organizationId, outcome });
    }),
  };
  const queue = { addBulk: jest.fn(async () => []) };
  const sut = new MlflowJobsService({} as MlflowConfigService, integrations as unknown as MlflowIntegrationsRepository, queue as unknown as Queue);

  it('fans out one job per organisation whose last connection test succeeded, under its fixed job id, and records the others as skipped', async () => {
    expect(await sut.fanOut()).toBe(2);
    expect(queue.addBulk).toHaveBeenCalledWith([
      { name: MlflowJob.syncOrganization, data: { organization_id: 1, requested_by: 'schedule' }, opts: { ...MLFLOW_SYNC_JOB_OPTIONS, jobId: mlflowSyncJobId(1, createdAt) } },
      { name: MlflowJob.syncOrganization, data: { organization_id: 4, requested_by: 'schedule' }, opts: { ...MLFLOW_SYNC_JOB_OPTIONS, jobId: mlflowSyncJobId(4, createdAt) } },
    ]);
    expect(recorded.map((r) => [r.organizationId, r.outcome.status])).toEqual([
      [2, 'skipped'],
      [3, 'skipped'],
    ]);
    expect(recorded[0].outcome.message).toMatch(/connection test/);
  });

  it('reports the outcome a sync recorded just before its job ended, not the one read before the job was looked up', async () => {
    const row = (status: string) => ({ created_at: createdAt, last_synced_at: createdAt, last_sync_status: status, last_sync_message: status, last_sync_counts: null });
    // The first read sees the failed attempt; the retry then records success and its job ends before the queue is asked.
    const config = { requireIntegration: jest.fn().mockResolvedValueOnce(row('error')).mockResolvedValueOnce(row('success')) };
    const ended = new MlflowJobsService(config as unknown as MlflowConfigService, integrations as unknown as MlflowIntegrationsRepository, { getJob: async () => undefined } as unknown as Queue);
    const status = await RequestContext.runAsSystem(9, 'test', () => ended.status());
    expect(status).toMatchObject({ state: 'idle', job_id: null, last_sync_status: 'success' });
  });

  it('shows a running sync with the outcome recorded before it, read once', async () => {
    const config = { requireIntegration: jest.fn(async () => ({ created_at: createdAt, last_synced_at: null, last_sync_status: 'error', last_sync_message: 'x', last_sync_counts: null })) };
    const job = { getState: async () => 'active', progress: { models: 3, versions: 5 } };
    const running = new MlflowJobsService(config as unknown as MlflowConfigService, integrations as unknown as MlflowIntegrationsRepository, { getJob: async () => job } as unknown as Queue);
    const status = await RequestContext.runAsSystem(9, 'test', () => running.status());
    expect(status).toMatchObject({ state: 'running', job_id: mlflowSyncJobId(9, createdAt), progress: { models: 3, versions: 5 }, last_sync_status: 'error' });
    expect(config.requireIntegration).toHaveBeenCalledTimes(1);
  });

  it('gives each organisation one job id, which a recreated database (a new integration) does not reuse', () => {
    expect(mlflowSyncJobId(7, createdAt)).toBe(mlflowSyncJobId(7, new Date(createdAt)));
    expect(mlflowSyncJobId(7, createdAt)).not.toBe(mlflowSyncJobId(7, new Date(createdAt.getTime() + 1)));
    expect(mlflowSyncJobId(7, createdAt)).not.toBe(mlflowSyncJobId(8, createdAt));
  });
});
