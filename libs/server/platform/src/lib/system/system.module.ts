import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HeartbeatScheduler } from './heartbeat.scheduler';
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
  imports: [TypeOrmModule.forFeature([WorkerHeartbeatEntity])],
  providers: [HeartbeatScheduler, HeartbeatService, SystemProcessor],
})
export class SystemWorkerModule {}
