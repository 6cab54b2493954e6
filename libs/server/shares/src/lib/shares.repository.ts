import { Injectable } from '@nestjs/common';
import { ShareFieldSet, ShareFilters, ShareResource } from '@model-inventory/contracts';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { ShareLinkEntity } from './entities/share-link.entity';
import { SHARE_COLUMNS, ShareRow } from './shares.mapper';

export interface NewShare {
  tokenHash: string;
  resource: ShareResource;
  filters: ShareFilters;
  fields: ShareFieldSet;
  allowExport: boolean;
  expiresAt: string | null;
  createdBy: number | null;
}

/** A live share, as a public access claims it. */
export type ClaimedShare = Pick<ShareLinkEntity, 'id' | 'organization_id' | 'resource' | 'filters' | 'fields' | 'allow_export' | 'expires_at'>;

/** share_links of the actor's organisation; `claim` is the one public lookup (by token hash, any organisation). */
@Injectable()
export class SharesRepository extends TenantRepository<ShareLinkEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ShareLinkEntity, 'Share link');
  }

  async insert(share: NewShare, manager: EntityManager): Promise<ShareRow> {
    const [row] = await manager.query(
      `WITH s AS (
         INSERT INTO share_links (organization_id, token_hash, resource, filters, fields, allow_export, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
       SELECT ${SHARE_COLUMNS} FROM s LEFT JOIN users u ON u.id = s.created_by`,
      [this.organizationId, share.tokenHash, share.resource, JSON.stringify(share.filters), share.fields, share.allowExport, share.expiresAt, share.createdBy],
    );
    return row;
  }

  /** Live links first, newest first. */
  async page(limit: number, offset: number): Promise<{ rows: ShareRow[]; total: number }> {
    const rows: Array<ShareRow & { total: string }> = await this.dataSource.query(
      `SELECT ${SHARE_COLUMNS}, count(*) OVER () AS total
         FROM share_links s LEFT JOIN users u ON u.id = s.created_by
        WHERE s.organization_id = $1
        ORDER BY s.revoked_at IS NOT NULL, s.created_at DESC, s.id DESC LIMIT $2 OFFSET $3`,
      [this.organizationId, limit, offset],
    );
    if (rows.length === 0) return { rows, total: offset === 0 ? 0 : await this.scoped('s').getCount() };
    return { rows, total: Number(rows[0].total) };
  }

  /** One share of the organisation, row-locked for the rest of `manager`'s transaction. */
  async lockRow(id: number, manager: EntityManager): Promise<ShareRow | null> {
    const [row] = await manager.query(
      `SELECT ${SHARE_COLUMNS} FROM share_links s LEFT JOIN users u ON u.id = s.created_by
        WHERE s.id = $1 AND s.organization_id = $2 FOR UPDATE OF s`,
      [id, this.organizationId],
    );
    return row ?? null;
  }

  async update(id: number, changes: { enabled: boolean; expiresAt: Date | null; revoked: boolean }, manager: EntityManager): Promise<ShareRow> {
    const [row] = await manager.query(
      `WITH s AS (
         UPDATE share_links SET enabled = $3, expires_at = $4, revoked_at = CASE WHEN $5 THEN coalesce(revoked_at, now()) ELSE revoked_at END
          WHERE id = $1 AND organization_id = $2 RETURNING *)
       SELECT ${SHARE_COLUMNS} FROM s LEFT JOIN users u ON u.id = s.created_by`,
      [id, this.organizationId, changes.enabled, changes.expiresAt, changes.revoked],
    );
    return row;
  }

  /**
   * The live share with this token hash (enabled, not revoked, not expired; for an export, also allowing export),
   * counted as accessed in the same statement, so concurrent accesses all count. Null for anything else.
   */
  async claim(tokenHash: string, { forExport }: { forExport: boolean }): Promise<ClaimedShare | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE share_links SET last_accessed_at = now(), access_count = access_count + 1
        WHERE token_hash = $1 AND enabled AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) AND (NOT $2 OR allow_export)
        RETURNING id, organization_id, resource, filters, fields, allow_export, expires_at`,
      [tokenHash, forExport],
    )) as [ClaimedShare[], number];
    return rows[0] ?? null;
  }
}
