import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HEARTBEAT_EVERY_MS, HEARTBEAT_SCHEDULER_ID, jobSchedule, JobSchedulesModule, QueueName, SystemJob } from '@model-inventory/server-core';
import { HeartbeatService } from './heartbeat.service';
import { SystemController } from './system.controller';
import { SystemProcessor } from './system.processor';
import { SystemService } from './system.service';
import { WorkerHeartbeatEntity } from './worker-heartbeat.entity';

/** API side: worker status and the queue round-trip check. Enqueues only. */
@Module({
  controllers: [SystemController],
  imports: [TypeOrmModule.forFeature([WorkerHeartbeatEntity])],
  providers: [HeartbeatService, SystemService],
})
export class SystemModule {}

/** Worker side: processes system jobs and keeps the heartbeat schedule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WorkerHeartbeatEntity]),
    JobSchedulesModule.register([
      jobSchedule({
        queue: QueueName.system,
        id: HEARTBEAT_SCHEDULER_ID,
        repeat: { every: HEARTBEAT_EVERY_MS },
        job: { name: SystemJob.heartbeat, data: { requested_by: 'scheduler' }, opts: { removeOnComplete: 10, removeOnFail: 50 } },
        describe: `every ${HEARTBEAT_EVERY_MS / 1000} s`,
      }),
    ]),
  ],
  providers: [HeartbeatService, SystemProcessor],
})
export class SystemWorkerModule {}
