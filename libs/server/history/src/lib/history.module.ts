import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutomationCoreModule } from '@model-inventory/server-automation';
import { DAILY_SNAPSHOT_CRON, DAILY_SNAPSHOT_SCHEDULER_ID, HistoryJob, jobSchedule, JobSchedulesModule, QueueName } from '@model-inventory/server-core';
import { AuditedWriter } from './audit/audited-writer';
import { ChangeHistoryRecorder } from './change-history.recorder';
import { ChangeHistoryRepository } from './change-history.repository';
import { ChangeHistoryService } from './change-history.service';
import { CountersRepository } from './counters.repository';
import { DailySnapshotsService } from './daily-snapshots.service';
import { ChangeHistoryEntity } from './entities/change-history.entity';
import { SnapshotEntity } from './entities/snapshot.entity';
import { ModelHistoryController } from './history.controller';
import { HistoryProcessor } from './history.processor';
import { ModelHistoryService } from './model-history.service';
import { SnapshotRecorder } from './snapshot.recorder';
import { SnapshotsRepository } from './snapshots.repository';

/** The audited write and the history readers every domain needs, on the API and in the worker alike. */
@Module({
  exports: [AuditedWriter, AutomationCoreModule, ChangeHistoryService, SnapshotRecorder, SnapshotsRepository],
  imports: [AutomationCoreModule, TypeOrmModule.forFeature([ChangeHistoryEntity, SnapshotEntity])],
  providers: [AuditedWriter, ChangeHistoryRecorder, ChangeHistoryRepository, ChangeHistoryService, CountersRepository, SnapshotRecorder, SnapshotsRepository],
})
export class AuditModule {}

/** API side: the model register's counts, timeseries and manual snapshots. */
@Module({
  controllers: [ModelHistoryController],
  exports: [AuditModule],
  imports: [AuditModule],
  providers: [ModelHistoryService],
})
export class HistoryModule {}

/** Worker side: the daily snapshot schedule and its jobs. */
@Module({
  exports: [AuditModule],
  imports: [
    AuditModule,
    JobSchedulesModule.register([
      jobSchedule({
        queue: QueueName.history,
        id: DAILY_SNAPSHOT_SCHEDULER_ID,
        repeat: { pattern: DAILY_SNAPSHOT_CRON, tz: 'UTC' },
        job: { name: HistoryJob.dailySnapshots, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 30, removeOnFail: 100 } },
        describe: `daily (${DAILY_SNAPSHOT_CRON} UTC)`,
      }),
    ]),
  ],
  providers: [DailySnapshotsService, HistoryProcessor],
})
export class HistoryWorkerModule {}
