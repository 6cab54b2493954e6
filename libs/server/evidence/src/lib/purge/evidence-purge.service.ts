import { Inject, Injectable } from '@nestjs/common';
import { EvidencePurgeResponse } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { APP_CONFIG, AppConfig, EVIDENCE_STORAGES, PartRef, RequestContext, sql, TENANT, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter } from '@model-inventory/server-history';
import { DataSource } from 'typeorm';
import { EVIDENCE_ENTITY } from '../evidence-audit';
import { EvidenceBackend, EvidenceStores } from '../storage/evidence-stores';

/** Files purged per transaction: bounds the time a purge holds its rows and the size of one statement. */
const BATCH = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Deleted evidence of organisation $1, deleted before $2, bytes not yet purged. */
const DUE = 'WHERE organization_id = $1 AND deleted_at IS NOT NULL AND deleted_at < $2 AND bytes_purged_at IS NULL';

interface PurgeCandidate {
  id: number;
  storage_backend: EvidenceBackend;
  storage_key: string;
}

const markPurged = (statement: WriteStatement, ids: number[]): PartRef =>
  statement.part(
    'purged_evidence',
    sql`UPDATE model_evidence SET bytes_purged_at = now()
         WHERE id = ANY(${ids}::int[]) AND organization_id = ${TENANT} AND deleted_at IS NOT NULL AND bytes_purged_at IS NULL
         RETURNING *`,
    'tenant',
  );

/**
 * The Admin's purge of deleted evidence past the retention period (EVIDENCE_RETENTION_DAYS): the bytes leave storage,
 * the row stays with `bytes_purged_at`, a row in each file's trail and one security-log entry say who purged what.
 * Bytes are removed before the row is marked, so a row never claims a purge that did not happen; a purge cut short is
 * finished by the next one (removing bytes twice is harmless).
 */
@Injectable()
export class EvidencePurgeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly stores: EvidenceStores,
    private readonly writer: AuditedWriter,
    private readonly auditLog: AuditLog,
  ) {}

  async purge(dryRun: boolean, now = new Date()): Promise<EvidencePurgeResponse> {
    const retentionDays = this.config.evidence.retentionDays;
    const deletedBefore = new Date(now.getTime() - retentionDays * DAY_MS);
    const organizationId = RequestContext.requireActor().organizationId;
    const reachable = EVIDENCE_STORAGES.filter((backend) => this.stores.reaches(backend));
    const due = [organizationId, deletedBefore, reachable];
    const [totals] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE storage_backend = ANY($3))::int AS files,
              coalesce(sum(size) FILTER (WHERE storage_backend = ANY($3)), 0)::bigint AS bytes,
              count(*) FILTER (WHERE NOT storage_backend = ANY($3))::int AS unreachable
         FROM model_evidence ${DUE}`,
      due,
    );
    const result: EvidencePurgeResponse = { dry_run: dryRun, retention_days: retentionDays, deleted_before: deletedBefore.toISOString(), purged: 0, bytes: 0, other_backend: totals.unreachable };
    if (dryRun) return { ...result, purged: totals.files, bytes: Number(totals.bytes) };
    for (let afterId = 0; ; ) {
      const batch: PurgeCandidate[] = await this.dataSource.query(
        `SELECT id, storage_backend, storage_key FROM model_evidence ${DUE} AND storage_backend = ANY($3) AND id > $4 ORDER BY id LIMIT ${BATCH}`,
        [...due, afterId],
      );
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1].id;
      const marked = await this.purgeBatch(batch);
      result.purged += marked.files;
      result.bytes += marked.bytes;
    }
    if (result.purged > 0) {
      await this.auditLog.record('evidence.purged', { target: { type: 'organization', id: organizationId }, details: { files: result.purged, bytes: result.bytes, retention_days: retentionDays } });
    }
    return result;
  }

  /** Removes the batch's bytes, then marks the rows and writes their trail in one statement; the marked totals. */
  private async purgeBatch(batch: PurgeCandidate[]): Promise<{ files: number; bytes: number }> {
    for (const row of batch) await this.stores.of(row.storage_backend).remove(row.storage_key);
    const statement = WriteStatement.forActor();
    const subject = markPurged(statement, batch.map((row) => row.id));
    const notes = [{ field_name: 'bytes_purged_at', old_value: null, new_value: 'purged' }];
    const totals = await this.writer.writeAlone(
      statement,
      { entity: EVIDENCE_ENTITY, action: 'updated', subject, before: null, after: null, notes },
      sql`SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM ${subject}`,
    );
    return { files: Number(totals?.['files'] ?? 0), bytes: Number(totals?.['bytes'] ?? 0) };
  }
}
