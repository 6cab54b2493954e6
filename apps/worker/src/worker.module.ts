import { Module } from '@nestjs/common';
import { CoreConfigModule, LoggingModule } from '@model-inventory/server-core';
import { AutomationWorkerModule } from '@model-inventory/server-automation';
import { EvidenceWorkerModule } from '@model-inventory/server-evidence';
import { HistoryWorkerModule } from '@model-inventory/server-history';
import { InventoryWorkerModule } from '@model-inventory/server-inventory';
import { MlflowWorkerModule } from '@model-inventory/server-mlflow';
import { DatabaseModule, QueueModule, SystemWorkerModule } from '@model-inventory/server-platform';
// The risk register takes part in a model's deletion wherever models are written, so the worker loads it too.
import { RisksCoreModule } from '@model-inventory/server-risks';

@Module({
  imports: [
    AutomationWorkerModule,
    CoreConfigModule.forRoot('worker'),
    DatabaseModule,
    EvidenceWorkerModule,
    HistoryWorkerModule,
    InventoryWorkerModule,
    LoggingModule,
    MlflowWorkerModule,
    QueueModule,
    RisksCoreModule,
    SystemWorkerModule,
  ],
})
export class WorkerModule {}
