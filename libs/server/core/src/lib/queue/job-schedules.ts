import { getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobsOptions, Queue, RepeatOptions } from 'bullmq';
import { JobPayloads, QueueJobs, QueueName } from './queues';

/** A recurring job: upserted by id, so any number of workers keeps exactly one schedule. */
export interface JobSchedule<Q extends QueueName = QueueName> {
  queue: Q;
  /** The job scheduler id in BullMQ. */
  id: string;
  /** `{ every: ms }` or `{ pattern: cron, tz }`. */
  repeat: Omit<RepeatOptions, 'key'>;
  job: { name: QueueJobs[Q]; data: JobPayloads[QueueJobs[Q]]; opts?: JobsOptions };
  /** For the log line, e.g. "every 60 s". */
  describe: string;
}

const JOB_SCHEDULES = Symbol('JOB_SCHEDULES');

/** Upserts the module's job schedulers when the worker starts; `ensure()` can re-create them at any time. */
@Injectable()
export class JobScheduleRegistrar implements OnApplicationBootstrap {
  private readonly logger = new Logger('JobSchedules');

  constructor(
    @Inject(JOB_SCHEDULES) private readonly schedules: JobSchedule[],
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  async ensure(): Promise<void> {
    for (const schedule of this.schedules) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(schedule.queue), { strict: false });
      await queue.upsertJobScheduler(schedule.id, schedule.repeat, schedule.job);
      this.logger.log(`${schedule.job.name} scheduled ${schedule.describe}`);
    }
  }
}

/** Declares a worker module's recurring jobs: `imports: [JobSchedulesModule.register([...])]`. */
@Module({})
export class JobSchedulesModule {
  static register(schedules: JobSchedule[]): DynamicModule {
    return {
      module: JobSchedulesModule,
      providers: [{ provide: JOB_SCHEDULES, useValue: schedules }, JobScheduleRegistrar],
      exports: [JobScheduleRegistrar],
    };
  }
}

/** Typed helper so a schedule's job name and data are checked against its queue. */
export const jobSchedule = <Q extends QueueName>(schedule: JobSchedule<Q>): JobSchedule => schedule as unknown as JobSchedule;
