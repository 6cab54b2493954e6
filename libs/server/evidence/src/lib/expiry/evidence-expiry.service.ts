import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RequestContext, sql, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter } from '@model-inventory/server-history';
import { EVIDENCE_EXPIRED_ENTITY, EVIDENCE_EXPIRING_ENTITY } from '../evidence-audit';
import { addExpiryTransition } from '../evidence-statements';
import { addDays, todayUtc } from '../evidence.mapper';
import { EvidenceRepository } from '../evidence.repository';

export interface ExpiryRun {
  organizations: number;
  expiring: number;
  expired: number;
  /** Stored chunks of uploads that never got their evidence row, removed a day later. */
  orphanChunks: number;
}

const ORPHAN_AGE_HOURS = 24;

const SYSTEM_NAME = 'Evidence expiry';

/**
 * The daily expiry run: per organisation, one statement moves evidence to `expiring` (within the warning period) or
 * `expired`, with a history row and an outbox event (`evidence_expiring` / `evidence_expired`) per row. The state is
 * kept, so each evidence announces each state once, however often (or on however many workers) the job runs.
 */
@Injectable()
export class EvidenceExpiryService {
  private readonly logger = new Logger(EvidenceExpiryService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evidence: EvidenceRepository,
    private readonly writer: AuditedWriter,
  ) {}

  async run(now = new Date()): Promise<ExpiryRun> {
    const today = todayUtc(now);
    const warningUntil = addDays(today, this.config.evidence.expiryWarningDays);
    const organizations = await this.evidence.organizationsWithExpiryDue(warningUntil);
    const run: ExpiryRun = { organizations: organizations.length, expiring: 0, expired: 0, orphanChunks: 0 };
    for (const organizationId of organizations) {
      const counts = await RequestContext.runAsSystem(organizationId, SYSTEM_NAME, () => this.markOrganization(today, warningUntil));
      run.expiring += counts.expiring;
      run.expired += counts.expired;
    }
    run.orphanChunks = await this.evidence.deleteOrphanBlobs(ORPHAN_AGE_HOURS);
    this.logger.log(`evidence expiry completed: ${run.expiring} expiring, ${run.expired} expired in ${run.organizations} organisations, ${run.orphanChunks} orphan chunks removed`);
    return run;
  }

  private async markOrganization(today: string, warningUntil: string): Promise<{ expiring: number; expired: number }> {
    const statement = WriteStatement.forActor();
    const expiring = addExpiryTransition(statement, 'expiring', today, warningUntil);
    const expired = addExpiryTransition(statement, 'expired', today, warningUntil);
    const note = (state: string) => [{ field_name: 'expiry_state', old_value: null, new_value: state }];
    const row = await this.writer.writeAlone(
      statement,
      [
        { entity: EVIDENCE_EXPIRING_ENTITY, action: 'updated', subject: expiring, before: null, after: null, notes: note('expiring') },
        { entity: EVIDENCE_EXPIRED_ENTITY, action: 'updated', subject: expired, before: null, after: null, notes: note('expired') },
      ],
      sql`SELECT (SELECT count(*) FROM ${expiring})::int AS expiring, (SELECT count(*) FROM ${expired})::int AS expired`,
    );
    return { expiring: Number(row?.['expiring'] ?? 0), expired: Number(row?.['expired'] ?? 0) };
  }
}
