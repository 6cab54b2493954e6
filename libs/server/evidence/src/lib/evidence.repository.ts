import { Injectable } from '@nestjs/common';
import { APPROVAL_EVIDENCE_TYPE } from '@model-inventory/contracts';
import { queryPrepared, TenantRepository } from '@model-inventory/server-core';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { EvidenceFilterDto } from './dto/evidence-query.dto';
import { EvidenceEntity } from './entities/evidence.entity';
import { addDays, EvidenceRow } from './evidence.mapper';

const ROW_COLUMNS = `e.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version,
  uploader.name AS uploader_name, uploader.email AS uploader_email`;
const ROW_JOINS = `JOIN model_inventories m ON m.id = e.model_id LEFT JOIN users uploader ON uploader.id = e.uploaded_by_user_id`;

const SORT_KEYS: Record<string, string> = {
  upload_date: 'e.upload_date',
  filename: 'lower(e.filename)',
  evidence_type: 'e.evidence_type',
  expiry_date: 'e.expiry_date',
  size: 'e.size',
  model: "lower(m.provider || ' ' || m.model || ' ' || m.version)",
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Reads of the organisation's live evidence (deleted evidence and evidence of deleted models are gone for the API). */
@Injectable()
export class EvidenceRepository extends TenantRepository<EvidenceEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, EvidenceEntity, 'Evidence');
  }

  async findLive(id: number, manager: EntityManager = this.dataSource.manager, lock = false): Promise<EvidenceRow | null> {
    const [row] = await queryPrepared<EvidenceRow>(
      manager,
      `SELECT ${ROW_COLUMNS} FROM model_evidence e ${ROW_JOINS}
        WHERE e.id = $1 AND e.organization_id = $2 AND e.deleted_at IS NULL AND m.deleted_at IS NULL${lock ? ' FOR UPDATE OF e' : ''}`,
      [id, this.organizationId],
    );
    return row ?? null;
  }

  /** The page and its total in one statement, each row with its model and uploader. */
  async findPage(filter: EvidenceFilterDto, limit: number, offset: number, today: string): Promise<{ rows: EvidenceRow[]; total: number }> {
    const [field, direction] = (filter.sort ?? 'upload_date:desc').split(':');
    const order = direction === 'asc' ? 'ASC' : 'DESC';
    const nulls = order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
    const matched = this.filtered(filter, today).select('e.id', 'id').addSelect(SORT_KEYS[field] ?? 'e.upload_date', 'sort_key').addSelect('COUNT(*) OVER ()', 'total_count');
    const [sql, parameters] = matched.getQueryAndParameters();
    const rows: Array<EvidenceRow & { total_count: string }> = await this.dataSource.query(
      `SELECT ${ROW_COLUMNS}, page.total_count
         FROM (SELECT id, sort_key, total_count FROM (${sql}) matched
                ORDER BY sort_key ${order} ${nulls}, id ${order} LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}) page
         JOIN model_evidence e ON e.id = page.id
         ${ROW_JOINS}
        ORDER BY page.sort_key ${order} ${nulls}, page.id ${order}`,
      [...parameters, limit, offset],
    );
    if (rows.length === 0) return { rows: [], total: offset === 0 ? 0 : await this.filtered(filter, today).getCount() };
    return { rows, total: Number(rows[0].total_count) };
  }

  /** Whether the model has a live "Security Assessment Report" that has not expired by `today`. */
  async hasUnexpiredApprovalEvidence(modelId: number, today: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [row] = await queryPrepared<{ found: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM model_evidence
                       WHERE model_id = $1 AND organization_id = $2 AND deleted_at IS NULL AND evidence_type = $3
                         AND (expiry_date IS NULL OR expiry_date >= $4::date)) AS found`,
      [modelId, this.organizationId, APPROVAL_EVIDENCE_TYPE, today],
    );
    return row.found;
  }

  /** Organisations with evidence the expiry job has to announce by `warningUntil` (the job runs as each in turn). */
  async organizationsWithExpiryDue(warningUntil: string): Promise<number[]> {
    const rows: Array<{ organization_id: number }> = await this.dataSource.query(
      `SELECT DISTINCT organization_id FROM model_evidence
        WHERE deleted_at IS NULL AND expiry_date IS NOT NULL AND expiry_state <> 'expired' AND expiry_date <= $1::date
        ORDER BY 1`,
      [warningUntil],
    );
    return rows.map((row) => row.organization_id);
  }

  /** Chunks older than `hours` whose upload never got its evidence row (the API stopped mid-upload); how many went. */
  async deleteOrphanBlobs(hours: number): Promise<number> {
    const [, affected] = await this.dataSource.query(
      `DELETE FROM evidence_blobs b
        WHERE b.written_at < now() - make_interval(hours => $1)
          AND NOT EXISTS (SELECT 1 FROM model_evidence e WHERE e.storage_key = b.storage_key)`,
      [hours],
    );
    return Number(affected ?? 0);
  }

  private filtered(filter: EvidenceFilterDto, today: string): SelectQueryBuilder<EvidenceEntity> {
    const query = this.scoped('e').innerJoin('model_inventories', 'm', 'm.id = e.model_id').andWhere('e.deleted_at IS NULL').andWhere('m.deleted_at IS NULL');
    if (filter.evidence_type?.length) query.andWhere('e.evidence_type IN (:...types)', { types: filter.evidence_type });
    if (filter.model_id) query.andWhere('e.model_id = :modelId', { modelId: filter.model_id });
    if (filter.uploaded_by) query.andWhere('e.uploaded_by_user_id = :uploadedBy', { uploadedBy: filter.uploaded_by });
    if (filter.expiring_within_days !== undefined) {
      query.andWhere('e.expiry_date BETWEEN :today AND :until', { today, until: addDays(today, filter.expiring_within_days) });
    }
    if (filter.expired === true) query.andWhere('e.expiry_date < :today', { today });
    if (filter.expired === false) query.andWhere('(e.expiry_date IS NULL OR e.expiry_date >= :today)', { today });
    if (filter.search) query.andWhere('(e.filename ILIKE :search OR e.description ILIKE :search)', { search: `%${escapeLike(filter.search)}%` });
    return query;
  }
}
