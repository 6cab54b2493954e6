import { Injectable } from '@nestjs/common';
import { RequestContext } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';

/** A listed version the sync must write: no record yet (`id` null), a different content hash, or removed upstream. */
export interface RecordToWrite {
  /** Its position in the keys asked about. */
  index: number;
  id: number | null;
  lifecycle_stage: string | null;
}

export interface RecordRow {
  id: number;
  model_name: string;
  version: string;
  lifecycle_stage: string | null;
  status: string | null;
  aliases: string[];
  run_id: string | null;
  run_status: string | null;
  lineage_available: boolean;
  description: string | null;
  model_description: string | null;
  source: string | null;
  tags: Record<string, string>;
  model_tags: Record<string, string>;
  metrics: Record<string, number | string>;
  parameters: Record<string, string>;
  experiment_id: string | null;
  mlflow_created_at: Date | null;
  mlflow_updated_at: Date | null;
  last_synced_at: Date;
  removed_upstream: boolean;
  inventory_model_id: number | null;
  /** Another version of the same MLflow model is in the register. */
  name_in_register: boolean;
}

export interface RecordFilter {
  search?: string;
  stage?: string;
  removed?: boolean;
}

/**
 * Unchanged records are not rewritten by a sync; a live record was listed by the organisation's last successful
 * sync (a complete listing), so that sync's time is when it was last seen.
 */
const LAST_SYNCED = `(SELECT CASE WHEN NOT r.removed_upstream AND i.last_sync_status = 'success' AND i.last_synced_at > r.last_synced_at THEN i.last_synced_at ELSE r.last_synced_at END
   FROM (SELECT 1) one LEFT JOIN mlflow_integrations i ON i.organization_id = r.organization_id)`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
const ROW = `r.*, ${LAST_SYNCED} AS last_synced_at, EXISTS (SELECT 1 FROM mlflow_model_records o WHERE o.organization_id = r.organization_id AND o.model_name = r.model_name AND o.inventory_model_id IS NOT NULL) AS name_in_register`;

/** The organisation's synced MLflow records. */
@Injectable()
export class MlflowRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get organizationId(): number {
    return RequestContext.requireActor().organizationId;
  }

  /**
   * Which of the listed versions differ from what is stored: only those come back, so a no-change resync reads
   * nothing but the index. One unique-key lookup per version (LIMIT 1 keeps the planner from hashing the whole
   * organisation's records when its statistics are stale, e.g. right after a cold sync).
   */
  findToWrite(keys: Array<{ model_name: string; version: string; content_hash: string }>): Promise<RecordToWrite[]> {
    return this.dataSource.query(
      `SELECT (k.n - 1)::int AS index, r.id, r.lifecycle_stage
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(model_name, version, content_hash, n)
         LEFT JOIN LATERAL (SELECT s.id, s.lifecycle_stage, s.content_hash, s.removed_upstream FROM mlflow_model_records s
                             WHERE s.organization_id = $1 AND s.model_name = k.model_name AND s.version = k.version LIMIT 1) r ON true
        WHERE r.id IS NULL OR r.removed_upstream OR r.content_hash IS DISTINCT FROM k.content_hash
        ORDER BY k.n`,
      [this.organizationId, keys.map((k) => k.model_name), keys.map((k) => k.version), keys.map((k) => k.content_hash)],
    );
  }

  /** A page (by id) of the records still live upstream as far as we know. */
  findLive(afterId: number, limit: number): Promise<Array<{ id: number; model_name: string; version: string; version_number: string | null }>> {
    return this.dataSource.query(
      `SELECT id, model_name, version, version_number FROM mlflow_model_records
        WHERE organization_id = $1 AND NOT removed_upstream AND id > $2 ORDER BY id LIMIT $3`,
      [this.organizationId, afterId, limit],
    );
  }

  async markRemoved(ids: number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [, affected] = await this.dataSource.query(
      `UPDATE mlflow_model_records SET removed_upstream = true, removed_at = now(), updated_at = now()
        WHERE organization_id = $1 AND NOT removed_upstream AND id = ANY($2::int[])`,
      [this.organizationId, ids],
    );
    return Number(affected ?? 0);
  }

  async touch(ids: number[]): Promise<void> {
    if (ids.length > 0) await this.dataSource.query(`UPDATE mlflow_model_records SET last_synced_at = now() WHERE organization_id = $1 AND id = ANY($2::int[])`, [this.organizationId, ids]);
  }

  async countLive(): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM mlflow_model_records WHERE organization_id = $1 AND NOT removed_upstream`, [this.organizationId]);
    return count;
  }

  async findPage(filter: RecordFilter, limit: number, offset: number): Promise<{ rows: RecordRow[]; total: number }> {
    const { where, values } = this.where(filter);
    const rows: Array<RecordRow & { total: number }> = await this.dataSource.query(
      `SELECT ${ROW}, count(*) OVER ()::int AS total FROM mlflow_model_records r WHERE ${where}
        ORDER BY r.model_name, r.version_number NULLS LAST, r.version LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, limit, offset],
    );
    if (rows.length > 0) return { rows, total: rows[0].total };
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM mlflow_model_records r WHERE ${where}`, values);
    return { rows: [], total: count };
  }

  async findRow(id: number): Promise<RecordRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${ROW} FROM mlflow_model_records r WHERE r.id = $1 AND r.organization_id = $2`, [id, this.organizationId]);
    return row ?? null;
  }

  private where(filter: RecordFilter): { where: string; values: unknown[] } {
    const clauses = ['r.organization_id = $1'];
    const values: unknown[] = [this.organizationId];
    const add = (clause: (n: number) => string, value: unknown) => {
      values.push(value);
      clauses.push(clause(values.length));
    };
    if (filter.search) add((n) => `(r.model_name ILIKE $${n} OR r.description ILIKE $${n} OR r.run_id ILIKE $${n})`, `%${escapeLike(filter.search)}%`);
    if (filter.stage) add((n) => `r.lifecycle_stage = $${n}`, filter.stage);
    if (filter.removed !== undefined) add((n) => `r.removed_upstream = $${n}`, filter.removed);
    return { where: clauses.join(' AND '), values };
  }
}
