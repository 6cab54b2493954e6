import { Injectable } from '@nestjs/common';
import { CreatedShareLinkResponse, Page, ShareLinkResponse, WebRoutes } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { ConflictError, NotFoundError, RequestContext, ValidationFailedError } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { CreateShareLinkDto, ListShareLinksDto, UpdateShareLinkDto } from './dto/share-link.dto';
import { validShareFilters } from './share-filters';
import { newShareToken } from './share-token';
import { toShareLinkResponse } from './shares.mapper';
import { SharesRepository } from './shares.repository';

const TARGET = (id: number) => ({ type: 'share', id });

function futureOrNull(expiresAt: string | null | undefined): Date | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  const at = new Date(expiresAt);
  if (at.getTime() <= Date.now()) throw ValidationFailedError.forField('expires_at', 'expires_at must be in the future');
  return at;
}

/**
 * Share links of the organisation: made, changed and revoked by Admins, Reviewers and Editors, each act in the
 * security audit log (never with the token), committed with the change it records.
 */
@Injectable()
export class SharesService {
  constructor(
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
    private readonly shares: SharesRepository,
  ) {}

  /** `origin` is the console's (scheme and host of the request): the link's page is `<origin>/share/<token>`. */
  async create(dto: CreateShareLinkDto, origin: string): Promise<CreatedShareLinkResponse> {
    const expiresAt = futureOrNull(dto.expires_at);
    const filters = await validShareFilters(dto.resource, dto.filters);
    const { userId } = RequestContext.requireActor();
    const { token, hash } = newShareToken();
    const share = { tokenHash: hash, resource: dto.resource, filters, fields: dto.fields, allowExport: dto.allow_export, expiresAt: expiresAt?.toISOString() ?? null, createdBy: userId };
    return this.dataSource.transaction(async (manager) => {
      const row = await this.shares.insert(share, manager);
      const details = { resource: row.resource, fields: row.fields, allow_export: row.allow_export, expires_at: share.expiresAt, filters };
      await this.audit.record('share.created', { target: TARGET(row.id), details }, manager);
      return { ...toShareLinkResponse(row), token, url: `${origin}/${WebRoutes.share}/${token}` };
    });
  }

  async list({ limit, offset }: ListShareLinksDto): Promise<Page<ShareLinkResponse>> {
    const { rows, total } = await this.shares.page(limit, offset);
    return { items: rows.map(toShareLinkResponse), total, limit, offset };
  }

  /** Enable/disable or change the expiry; a revoked link is final (409). */
  change(id: number, dto: UpdateShareLinkDto): Promise<ShareLinkResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lock(id, manager);
      if (before.revoked_at) throw new ConflictError(`Share link ${id} is revoked; a revoked link cannot be changed.`);
      const enabled = dto.enabled ?? before.enabled;
      const expiresAt = dto.expires_at === undefined ? before.expires_at : futureOrNull(dto.expires_at);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (enabled !== before.enabled) changes['enabled'] = { from: before.enabled, to: enabled };
      if (expiresAt?.getTime() !== before.expires_at?.getTime()) changes['expires_at'] = { from: before.expires_at?.toISOString() ?? null, to: expiresAt?.toISOString() ?? null };
      if (Object.keys(changes).length === 0) return toShareLinkResponse(before);
      const row = await this.shares.update(id, { enabled, expiresAt, revoked: false }, manager);
      await this.audit.record('share.changed', { target: TARGET(id), details: changes }, manager);
      return toShareLinkResponse(row);
    });
  }

  /** Revokes at once and for good; revoking a revoked link again changes nothing. */
  async revoke(id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lock(id, manager);
      if (before.revoked_at) return;
      await this.shares.update(id, { enabled: before.enabled, expiresAt: before.expires_at, revoked: true }, manager);
      await this.audit.record('share.revoked', { target: TARGET(id), details: { resource: before.resource, access_count: before.access_count } }, manager);
    });
  }

  private async lock(id: number, manager: EntityManager) {
    const row = await this.shares.lockRow(id, manager);
    if (!row) throw new NotFoundError('Share link', id);
    return row;
  }
}
