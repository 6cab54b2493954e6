import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutomationModule } from '@model-inventory/server-automation';
import { HistoryModule } from '@model-inventory/server-history';
import { ProjectsModule } from '@model-inventory/server-projects';
import { DemoDataController } from './demo/demo-data.controller';
import { DemoDataService } from './demo/demo-data.service';
import { ModelInventoryEntity } from './entities/model-inventory.entity';
import { ModelLinkEntity } from './entities/model-link.entity';
import { InventoryExportService } from './export/inventory-export.service';
import { ModelInventoryController } from './inventory.controller';
import { InventoryRepository } from './inventory.repository';
import { InventoryService } from './inventory.service';
import { InventoryWriter } from './inventory-writer';
import { ScopedListService } from './scoped-list.service';

/** The model register: CRUD with audit trail, snapshots and automation events, exports and demo data. */
@Module({
  controllers: [DemoDataController, ModelInventoryController],
  exports: [InventoryRepository, InventoryService],
  imports: [AutomationModule, HistoryModule, ProjectsModule, TypeOrmModule.forFeature([ModelInventoryEntity, ModelLinkEntity])],
  providers: [DemoDataService, InventoryExportService, InventoryRepository, InventoryService, InventoryWriter, ScopedListService],
})
export class InventoryModule {}
