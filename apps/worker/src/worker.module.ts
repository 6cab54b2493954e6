import { Module } from '@nestjs/common';
import { CoreConfigModule, LoggingModule } from '@model-inventory/server-core';
import { DatabaseModule, QueueModule, SystemWorkerModule } from '@model-inventory/server-platform';

@Module({
  imports: [CoreConfigModule.forRoot('worker'), DatabaseModule, LoggingModule, QueueModule, SystemWorkerModule],
})
export class WorkerModule {}
