import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '@model-inventory/server-audit-log';
import { EventRegistry } from '@model-inventory/server-automation';
import { EVIDENCE_EXPIRY_CRON, EVIDENCE_EXPIRY_SCHEDULER_ID, EvidenceJob, jobSchedule, JobSchedulesModule, QueueName } from '@model-inventory/server-core';
import { AuditModule } from '@model-inventory/server-history';
import { InventoryCoreModule, ModelApprovalGates, ModelDeletionHooks } from '@model-inventory/server-inventory';
import { EvidenceEntity } from './entities/evidence.entity';
import { EVIDENCE_EVENT_DEFINITIONS } from './evidence-audit';
import { deleteEvidenceWithModel } from './evidence-statements';
import { EvidenceController, ModelEvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { EvidenceExpiryService } from './expiry/evidence-expiry.service';
import { EvidenceProcessor } from './expiry/evidence.processor';
import { EvidencePurgeService } from './purge/evidence-purge.service';
import { EvidenceApprovalGate } from './settings/evidence-approval-gate';
import { EvidenceStores } from './storage/evidence-stores';
import { evidenceStorageProvider } from './storage/evidence-storage.provider';

/**
 * Evidence's part wherever models are written (API and worker): its events, the approval gate and the soft delete of
 * a deleted model's evidence, plus the storage and the reads.
 */
@Module({
  exports: [AuditModule, EvidenceRepository, EvidenceStores, EvidenceService],
  imports: [AuditModule, InventoryCoreModule, TypeOrmModule.forFeature([EvidenceEntity])],
  providers: [EvidenceApprovalGate, EvidenceRepository, EvidenceService, evidenceStorageProvider],
})
export class EvidenceCoreModule implements OnModuleInit {
  constructor(
    private readonly approvalGates: ModelApprovalGates,
    private readonly events: EventRegistry,
    private readonly gate: EvidenceApprovalGate,
    private readonly modelDeletion: ModelDeletionHooks,
  ) {}

  onModuleInit(): void {
    this.events.register(...EVIDENCE_EVENT_DEFINITIONS);
    this.approvalGates.register(this.gate.check);
    this.modelDeletion.register(deleteEvidenceWithModel);
  }
}

/** API side: upload, the hub, metadata, download and delete. */
@Module({
  controllers: [EvidenceController, ModelEvidenceController],
  imports: [AuditLogModule, EvidenceCoreModule],
  providers: [EvidencePurgeService],
})
export class EvidenceModule {}

/** Worker side: the daily expiry run (one job scheduler however many workers). */
@Module({
  imports: [
    EvidenceCoreModule,
    JobSchedulesModule.register([
      jobSchedule({
        queue: QueueName.evidence,
        id: EVIDENCE_EXPIRY_SCHEDULER_ID,
        repeat: { pattern: EVIDENCE_EXPIRY_CRON, tz: 'UTC' },
        job: { name: EvidenceJob.expirySweep, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 30, removeOnFail: 100 } },
        describe: `daily (${EVIDENCE_EXPIRY_CRON} UTC)`,
      }),
    ]),
  ],
  providers: [EvidenceExpiryService, EvidenceProcessor],
})
export class EvidenceWorkerModule {}
