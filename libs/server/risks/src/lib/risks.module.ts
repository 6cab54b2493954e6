import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@model-inventory/server-history';
import { DemoDataHooks, InventoryCoreModule, ModelDeletionHooks } from '@model-inventory/server-inventory';
import { DEMO_RISKS } from './demo/demo-risks';
import { ModelRiskDto } from './dto/model-risk.dto';
import { ModelRiskEntity } from './entities/model-risk.entity';
import { deleteRisksWithModel } from './risk-cascade';
import { RiskBatchesService } from './risk-batches.service';
import { RiskChanges } from './risk-changes';
import { RiskCreates } from './risk-creates';
import { RiskExportService } from './risk-export.service';
import { RiskChangeHistoryController } from './risk-history.controller';
import { RiskViewsService } from './risk-views.service';
import { ModelRisksController } from './risks.controller';
import { RisksRepository } from './risks.repository';
import { RisksService } from './risks.service';

/** The risk register's writes and reads, and its part in a model's deletion: for the API and the worker alike. */
@Module({
  exports: [AuditModule, RiskBatchesService, RisksRepository, RisksService],
  imports: [AuditModule, InventoryCoreModule, TypeOrmModule.forFeature([ModelRiskEntity])],
  providers: [RiskBatchesService, RiskChanges, RiskCreates, RisksRepository, RisksService],
})
export class RisksCoreModule implements OnModuleInit {
  constructor(
    private readonly demoData: DemoDataHooks,
    private readonly modelDeletion: ModelDeletionHooks,
    private readonly risks: RisksService,
  ) {}

  onModuleInit(): void {
    this.modelDeletion.register(deleteRisksWithModel);
    this.demoData.register(async (models) => {
      for (const { model, ...risk } of DEMO_RISKS) {
        const modelId = models.get(model);
        if (modelId) await this.risks.create(Object.assign(new ModelRiskDto(), risk, { model_id: modelId }));
      }
    });
  }
}

/** API side: `/api/modelRisks` (list, summary, matrix, export, CRUD, restore) and the risk history route. */
@Module({
  controllers: [ModelRisksController, RiskChangeHistoryController],
  imports: [RisksCoreModule],
  providers: [RiskExportService, RiskViewsService],
})
export class RisksModule {}
