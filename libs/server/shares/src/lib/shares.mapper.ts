import { ShareFilters, ShareLinkResponse } from '@model-inventory/contracts';
import { ShareLinkEntity } from './entities/share-link.entity';

/** A share as the repository reads it: never its token hash, with its creator's name. */
export type ShareRow = Omit<ShareLinkEntity, 'token_hash'> & { created_by_name: string | null };

/** The columns of a ShareRow, for `share_links s LEFT JOIN users u ON u.id = s.created_by`. */
export const SHARE_COLUMNS = `s.id, s.organization_id, s.resource, s.filters, s.fields, s.allow_export, s.expires_at, s.enabled, s.revoked_at,
  s.created_by, u.name AS created_by_name, s.created_at, s.last_accessed_at, s.access_count`;

export function toShareLinkResponse(row: ShareRow): ShareLinkResponse {
  return {
    id: row.id,
    resource: row.resource,
    filters: row.filters as ShareFilters,
    fields: row.fields,
    allow_export: row.allow_export,
    expires_at: row.expires_at?.toISOString() ?? null,
    enabled: row.enabled,
    revoked_at: row.revoked_at?.toISOString() ?? null,
    created_by: row.created_by !== null && row.created_by_name !== null ? { id: row.created_by, name: row.created_by_name } : null,
    created_at: row.created_at.toISOString(),
    last_accessed_at: row.last_accessed_at?.toISOString() ?? null,
    access_count: row.access_count,
  };
}
