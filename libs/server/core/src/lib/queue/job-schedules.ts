import { getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobsOptions, Queue, RepeatOptions } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobPayloads, QueueJobs, QueueName } from './queues';

/** A recurring job: upserted by id, so any number of workers keeps exactly one schedule. */
export interface JobSchedule<Q extends QueueName = QueueName> {
  queue: Q;
  /** The job scheduler id in BullMQ. */
  id: string;
  /** `{ every: ms }` or `{ pattern: cron, tz }`, or a function of the configuration that gives one. */
  repeat: Omit<RepeatOptions, 'key'> | ((config: AppConfig) => Omit<RepeatOptions, 'key'>);
  job: { name: QueueJobs[Q]; data: JobPayloads[QueueJobs[Q]]; opts?: JobsOptions };
  /** For the log line, e.g. "every 60 s". */
  describe: string | ((config: AppConfig) => string);
}

const JOB_SCHEDULES = Symbol('JOB_SCHEDULES');

/**
 * Upserts the module's job schedulers when the worker starts, then checks every `jobSchedulesRecheckMs` that they
 * still exist and re-creates any that are gone: a Redis restarted without persistence (or flushed) comes back
 * empty, and nothing else would schedule the sweeps and snapshots again until a worker restarted.
 */
@Injectable()
export class JobScheduleRegistrar implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobSchedules');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(JOB_SCHEDULES) private readonly schedules: JobSchedule[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of this.schedules) {
      await this.upsert(schedule);
      this.logger.log(`${schedule.job.name} scheduled ${this.described(schedule)}`);
    }
    this.timer = setInterval(() => void this.ensure(), this.config.jobSchedulesRecheckMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Re-creates the schedulers that are missing; returns their ids. Quiet while the queue is unreachable. */
  async ensure(): Promise<string[]> {
    const recreated: string[] = [];
    for (const schedule of this.schedules) {
      try {
        if (await this.queueOf(schedule).getJobScheduler(schedule.id)) continue;
        await this.upsert(schedule);
        recreated.push(schedule.id);
        this.logger.warn(`job scheduler ${schedule.id} was missing (Redis restarted empty or flushed?); re-created it, ${this.described(schedule)}`);
      } catch (error) {
        this.logger.debug(`could not check job scheduler ${schedule.id}: ${(error as Error).message}`);
      }
    }
    return recreated;
  }

  private upsert(schedule: JobSchedule): Promise<unknown> {
    const repeat = typeof schedule.repeat === 'function' ? schedule.repeat(this.config) : schedule.repeat;
    return this.queueOf(schedule).upsertJobScheduler(schedule.id, repeat, schedule.job);
  }

  private described(schedule: JobSchedule): string {
    return typeof schedule.describe === 'function' ? schedule.describe(this.config) : schedule.describe;
  }

  private queueOf(schedule: JobSchedule): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(schedule.queue), { strict: false });
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
