import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '@model-inventory/server-audit-log';
import { OutboundHttp, SecretBox } from '@model-inventory/server-core';
import { MlflowIntegrationEntity } from './entities/mlflow-integration.entity';
import { MlflowConfigController } from './mlflow.controller';
import { MlflowConfigService } from './mlflow-config.service';
import { MlflowIntegrationsRepository } from './mlflow-integrations.repository';

/** The MLflow connection and records, for the API and the worker alike. */
@Module({
  exports: [MlflowConfigService, MlflowIntegrationsRepository],
  imports: [AuditLogModule, TypeOrmModule.forFeature([MlflowIntegrationEntity])],
  providers: [MlflowConfigService, MlflowIntegrationsRepository, OutboundHttp, SecretBox],
})
export class MlflowCoreModule {}

/** API side: `/api/integrations/mlflow/*`. */
@Module({
  controllers: [MlflowConfigController],
  imports: [MlflowCoreModule],
})
export class MlflowModule {}
