import { Module } from '@nestjs/common';
import { CoreConfigModule, LoggingModule } from '@model-inventory/server-core';
import { AutomationModule } from '@model-inventory/server-automation';
import { EvidenceModule } from '@model-inventory/server-evidence';
import { HistoryModule } from '@model-inventory/server-history';
import { IdentityModule } from '@model-inventory/server-identity';
import { InventoryModule } from '@model-inventory/server-inventory';
import { MlflowModule } from '@model-inventory/server-mlflow';
import { DatabaseModule, HealthModule, HttpPlatformModule, QueueModule, SystemModule } from '@model-inventory/server-platform';
import { ProjectsModule } from '@model-inventory/server-projects';
import { RisksModule } from '@model-inventory/server-risks';
import { SharesModule } from '@model-inventory/server-shares';

@Module({
  imports: [
    AutomationModule,
    CoreConfigModule.forRoot('api'),
    DatabaseModule,
    EvidenceModule,
    HealthModule,
    HistoryModule,
    HttpPlatformModule,
    IdentityModule,
    InventoryModule,
    LoggingModule,
    MlflowModule,
    ProjectsModule,
    QueueModule,
    RisksModule,
    SharesModule,
    SystemModule,
  ],
})
export class AppModule {}
