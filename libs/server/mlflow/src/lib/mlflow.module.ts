import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '@model-inventory/server-audit-log';
import { AutomationCoreModule, EventRegistry } from '@model-inventory/server-automation';
import { jobSchedule, JobSchedulesModule, MLFLOW_SYNC_SCHEDULER_ID, MlflowJob, OutboundHttp, QueueName, SecretBox } from '@model-inventory/server-core';
import { InventoryCoreModule } from '@model-inventory/server-inventory';
import { MlflowIntegrationEntity } from './entities/mlflow-integration.entity';
import { MlflowConfigController } from './mlflow.controller';
import { MlflowConfigService } from './mlflow-config.service';
import { MLFLOW_EVENTS } from './mlflow-events';
import { MlflowIntegrationsRepository } from './mlflow-integrations.repository';
import { MlflowRecordsRepository } from './mlflow-records.repository';
import { MlflowRecordsService } from './mlflow-records.service';
import { MlflowSyncController } from './mlflow-sync.controller';
import { MlflowJobsService } from './sync/mlflow-jobs.service';
import { MlflowProcessor } from './sync/mlflow.processor';
import { SecretsKeyCheck } from './secrets-key-check';
import { MLFLOW_RETRY_POLICY, MlflowSyncService } from './sync/mlflow-sync.service';
import { DEFAULT_RETRY } from './client/mlflow-client';

/** The MLflow connection, records, sync and their events, for the API and the worker alike. */
@Module({
  exports: [MlflowConfigService, MlflowIntegrationsRepository, MlflowJobsService, MlflowRecordsRepository, MlflowSyncService],
  imports: [AuditLogModule, AutomationCoreModule, TypeOrmModule.forFeature([MlflowIntegrationEntity])],
  providers: [MlflowConfigService, MlflowIntegrationsRepository, MlflowJobsService, MlflowRecordsRepository, MlflowSyncService, OutboundHttp, SecretBox, SecretsKeyCheck, { provide: MLFLOW_RETRY_POLICY, useValue: DEFAULT_RETRY }],
})
export class MlflowCoreModule implements OnModuleInit {
  constructor(private readonly events: EventRegistry) {}

  onModuleInit(): void {
    this.events.register(...MLFLOW_EVENTS);
  }
}

/** API side: `/api/integrations/mlflow/*` (settings, test, sync requests and status, records, import). */
@Module({
  controllers: [MlflowConfigController, MlflowSyncController],
  exports: [MlflowCoreModule],
  imports: [InventoryCoreModule, MlflowCoreModule],
  providers: [MlflowRecordsService],
})
export class MlflowModule {}

/** Worker side: the sync schedule (MLFLOW_SYNC_CRON, UTC), its fan-out and the per-organisation syncs. */
@Module({
  exports: [MlflowCoreModule],
  imports: [
    MlflowCoreModule,
    JobSchedulesModule.register([
      jobSchedule({
        queue: QueueName.mlflow,
        id: MLFLOW_SYNC_SCHEDULER_ID,
        repeat: (config) => ({ pattern: config.mlflow.syncCron, tz: 'UTC' }),
        job: { name: MlflowJob.scheduledSync, data: {}, opts: { removeOnComplete: 24, removeOnFail: 100 } },
        describe: (config) => `on ${config.mlflow.syncCron} (UTC)`,
      }),
    ]),
  ],
  providers: [MlflowProcessor],
})
export class MlflowWorkerModule {}
