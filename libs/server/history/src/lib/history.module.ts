import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChangeHistoryRecorder } from './change-history.recorder';
import { ChangeHistoryRepository } from './change-history.repository';
import { ChangeHistoryService } from './change-history.service';
import { CountersRepository } from './counters.repository';
import { DailySnapshotsService } from './daily-snapshots.service';
import { ChangeHistoryEntity } from './entities/change-history.entity';
import { SnapshotEntity } from './entities/snapshot.entity';
import { ChangeHistoryController, ModelHistoryController } from './history.controller';
import { HistoryProcessor } from './history.processor';
import { HistoryScheduler } from './history.scheduler';
import { ModelHistoryService } from './model-history.service';
import { SnapshotRecorder } from './snapshot.recorder';
import { SnapshotsRepository } from './snapshots.repository';

/** The recorders every model write path needs, on the API and in the worker alike. */
@Module({
  exports: [ChangeHistoryRecorder, ChangeHistoryRepository, SnapshotRecorder, SnapshotsRepository],
  imports: [TypeOrmModule.forFeature([ChangeHistoryEntity, SnapshotEntity])],
  providers: [ChangeHistoryRecorder, ChangeHistoryRepository, CountersRepository, SnapshotRecorder, SnapshotsRepository],
})
export class HistoryRecordersModule {}

/** API side: change history, counts, timeseries and manual snapshots. */
@Module({
  controllers: [ChangeHistoryController, ModelHistoryController],
  exports: [HistoryRecordersModule],
  imports: [HistoryRecordersModule],
  providers: [ChangeHistoryService, ModelHistoryService],
})
export class HistoryModule {}

/** Worker side: the daily snapshot schedule and its jobs; also exports the recorders for worker-side model writes. */
@Module({
  exports: [HistoryRecordersModule],
  imports: [HistoryRecordersModule],
  providers: [DailySnapshotsService, HistoryProcessor, HistoryScheduler],
})
export class HistoryWorkerModule {}
