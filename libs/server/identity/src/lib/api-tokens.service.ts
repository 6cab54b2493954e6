import { Injectable } from '@nestjs/common';
import { ApiTokenResponse, CreatedApiTokenResponse, Page, Role, ROLE_RANK } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { NotFoundError, RequestContext, ValidationFailedError } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { newApiToken } from './api-token-secret';
import { ApiTokenEntity } from './entities/api-token.entity';
import { CreateApiTokenDto, ListApiTokensDto } from './dto/api-token.dto';
import { CredentialCache } from './guards/credential-cache';

type TokenRow = ApiTokenEntity & { user_name: string };

const toResponse = (row: TokenRow): ApiTokenResponse => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  user_id: row.user_id,
  user_name: row.user_name,
  created_at: row.created_at.toISOString(),
  expires_at: row.expires_at?.toISOString() ?? null,
  last_used_at: row.last_used_at?.toISOString() ?? null,
  revoked_at: row.revoked_at?.toISOString() ?? null,
});

/** API tokens: a user's keys for scripts. Admins see and revoke every token of the organisation; others their own. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
    private readonly credentials: CredentialCache,
  ) {}

  async create(dto: CreateApiTokenDto): Promise<CreatedApiTokenResponse> {
    const actor = RequestContext.requireActor();
    const userId = RequestContext.requireUserId();
    const role = dto.role ?? actor.role;
    if (ROLE_RANK[role] > ROLE_RANK[actor.role]) throw ValidationFailedError.forField('role', `role may be at most your own role (${actor.role})`);
    if (dto.expires_at && Date.parse(dto.expires_at) <= Date.now()) throw ValidationFailedError.forField('expires_at', 'expires_at must be in the future');
    const { token, prefix, hash } = newApiToken();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO api_tokens (organization_id, user_id, name, role, prefix, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, organization_id, user_id, name, role, prefix, created_at, expires_at, last_used_at, revoked_at, $8::text AS user_name`,
        [actor.organizationId, userId, dto.name, role, prefix, hash, dto.expires_at ?? null, actor.name],
      );
      await this.audit.record('api_token.created', { target: { type: 'api_token', id: row.id }, details: { name: dto.name, role, prefix } }, manager);
      return { ...toResponse(row), token };
    });
  }

  async list({ limit, offset }: ListApiTokensDto): Promise<Page<ApiTokenResponse>> {
    const { organizationId, role } = RequestContext.requireActor();
    const own = role === Role.Admin ? null : RequestContext.requireUserId();
    const rows: Array<TokenRow & { total: string }> = await this.dataSource.query(
      `SELECT t.id, t.organization_id, t.user_id, t.name, t.role, t.prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked_at, u.name AS user_name,
              count(*) OVER () AS total
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.organization_id = $1 AND ($2::int IS NULL OR t.user_id = $2)
        ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id DESC LIMIT $3 OFFSET $4`,
      [organizationId, own, limit, offset],
    );
    return { items: rows.map(toResponse), total: Number(rows[0]?.total ?? 0), limit, offset };
  }

  /** Revokes at once; a token of another user (for non-Admins) or another organisation is a 404. */
  async revoke(id: number): Promise<void> {
    const { organizationId, role } = RequestContext.requireActor();
    const own = role === Role.Admin ? null : RequestContext.requireUserId();
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND organization_id = $2 AND ($3::int IS NULL OR user_id = $3) RETURNING name, prefix`,
        [id, organizationId, own],
      )) as [Array<{ name: string; prefix: string }>, number];
      if (rows.length === 0) throw new NotFoundError('API token', id);
      await this.audit.record('api_token.revoked', { target: { type: 'api_token', id }, details: rows[0] }, manager);
    });
    this.credentials.invalidate();
  }
}
