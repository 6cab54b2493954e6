import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QueueName } from '@model-inventory/server-core';
import { queueOptions } from './queue-connection';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

/** Registers every queue once; producers inject them with @InjectQueue(QueueName.x). */
@Global()
@Module({
  exports: [BullModule],
  imports: [
    BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => queueOptions(config) }),
    ...queues,
  ],
})
export class QueueModule {}
