import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '@model-inventory/server-audit-log';
import { EventRegistry } from '@model-inventory/server-automation';
import { AuditModule, HistoryModule } from '@model-inventory/server-history';
import { ProjectsModule } from '@model-inventory/server-projects';
import { DemoDataController } from './demo/demo-data.controller';
import { DemoDataHooks } from './demo/demo-hooks';
import { DemoDataService } from './demo/demo-data.service';
import { ModelInventoryEntity } from './entities/model-inventory.entity';
import { ModelLinkEntity } from './entities/model-link.entity';
import { InventoryExportService } from './export/inventory-export.service';
import { ModelInventoryController } from './inventory.controller';
import { InventoryRepository } from './inventory.repository';
import { InventoryService } from './inventory.service';
import { MODEL_EVENTS } from './model-audit';
import { ModelApprovalGates } from './model-approval-gates';
import { ModelDeletionHooks } from './model-deletion-hooks';
import { ModelChangeHistoryController } from './model-history.controller';
import { ScopedListService } from './scoped-list.service';
import { OrganizationSettingsController } from './settings/organization-settings.controller';
import { OrganizationSettingsRepository } from './settings/organization-settings.repository';
import { OrganizationSettingsService } from './settings/organization-settings.service';

const entities = TypeOrmModule.forFeature([ModelInventoryEntity, ModelLinkEntity]);

/** The model register's writes and its events, for the API and the worker alike. */
@Module({
  exports: [DemoDataHooks, InventoryRepository, InventoryService, ModelApprovalGates, ModelDeletionHooks, OrganizationSettingsRepository],
  imports: [AuditModule, entities],
  providers: [DemoDataHooks, InventoryRepository, InventoryService, ModelApprovalGates, ModelDeletionHooks, OrganizationSettingsRepository],
})
export class InventoryCoreModule implements OnModuleInit {
  constructor(private readonly events: EventRegistry) {}

  onModuleInit(): void {
    this.events.register(...MODEL_EVENTS);
  }
}

/** API side: the model register's routes, its history route, exports and demo data. */
@Module({
  controllers: [DemoDataController, ModelInventoryController, ModelChangeHistoryController, OrganizationSettingsController],
  exports: [InventoryCoreModule],
  imports: [AuditLogModule, HistoryModule, InventoryCoreModule, ProjectsModule],
  providers: [DemoDataService, InventoryExportService, OrganizationSettingsService, ScopedListService],
})
export class InventoryModule {}

/** Worker side: model events presented for webhooks, and model writes for jobs running as the system. */
@Module({
  exports: [InventoryCoreModule],
  imports: [InventoryCoreModule],
})
export class InventoryWorkerModule {}
