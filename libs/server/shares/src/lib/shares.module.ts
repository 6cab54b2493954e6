import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '@model-inventory/server-audit-log';
import { InventoryCoreModule } from '@model-inventory/server-inventory';
import { RisksCoreModule } from '@model-inventory/server-risks';
import { ShareLinkEntity } from './entities/share-link.entity';
import { PublicSharesController } from './public-shares.controller';
import { ShareRateLimitGuard } from './share-rate-limit';
import { SharedViewService } from './shared-view.service';
import { SharesController } from './shares.controller';
import { SharesRepository } from './shares.repository';
import { SharesService } from './shares.service';

/** API side: `/api/shares` (create, list, change, revoke) and the public `/api/public/shares/:token` view and export. */
@Module({
  controllers: [PublicSharesController, SharesController],
  imports: [AuditLogModule, InventoryCoreModule, RisksCoreModule, TypeOrmModule.forFeature([ShareLinkEntity])],
  providers: [ShareRateLimitGuard, SharedViewService, SharesRepository, SharesService],
})
export class SharesModule {}
