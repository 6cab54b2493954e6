import { Injectable } from '@nestjs/common';
import { ACCEPT_INVITATION_PATH, INVITATION_TTL_DAYS, InvitationPreviewResponse, InvitationResponse, IssuedInvitationResponse, Page } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { ConflictError, NotFoundError, PageQueryDto, RequestContext, ValidationFailedError } from '@model-inventory/server-core';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreateInvitationDto } from './dto/invitation.dto';
import { InvitationEntity } from './entities/invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { UsersRepository } from './users.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes; like API tokens, enough entropy that a fast hash is safe to look it up by. */
export const hashInvitationToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export const INVITATION_UNUSABLE = 'token is not a valid invitation: it may have been used, revoked or have expired; ask an Admin for a new one';

/** Admin invitations: a one-time, expiring link that lets someone join this organisation with a chosen role. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
  ) {}

  async issue(dto: CreateInvitationDto): Promise<IssuedInvitationResponse> {
    const token = randomBytes(32).toString('base64url');
    const actor = RequestContext.requireActor();
    const invitation = await this.dataSource.transaction(async (manager) => {
      if (await this.users.emailTaken(dto.email, manager)) throw new ConflictError('An account with this email already exists.');
      const replaced = await this.invitations.revokeOpenFor(dto.email, manager);
      const row = this.invitations.build(
        { email: dto.email, role: dto.role, token_hash: hashInvitationToken(token), invited_by: actor.userId, expires_at: new Date(Date.now() + INVITATION_TTL_DAYS * DAY_MS) },
        manager,
      );
      const saved = await this.invitations.save(row, manager);
      await this.audit.record('user.invited', { target: { type: 'invitation', id: saved.id }, details: { email: saved.email, role: saved.role, expires_at: saved.expires_at.toISOString(), replaced } }, manager);
      return saved;
    });
    return { ...toInvitationResponse(invitation, actor.name), token, accept_path: `${ACCEPT_INVITATION_PATH}#token=${token}` };
  }

  async listOpen({ limit, offset }: PageQueryDto): Promise<Page<InvitationResponse>> {
    const [rows, total] = await this.invitations.findOpenPage(limit, offset);
    return { items: rows.map((row) => toInvitationResponse(row, row.invited_by_name)), total, limit, offset };
  }

  async revoke(id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.revoke(id, manager);
      if (!invitation) throw new NotFoundError('Open invitation', id);
      await this.audit.record('user.invitation_revoked', { target: { type: 'invitation', id }, details: { email: invitation.email } }, manager);
    });
  }

  /** For the accept page: whom the link is for and where it leads; 400 naming `token` if it cannot be used. */
  async preview(token: string): Promise<InvitationPreviewResponse> {
    const invitation = await this.invitations.findUsableByTokenHash(hashInvitationToken(token));
    if (!invitation) throw ValidationFailedError.forField('token', INVITATION_UNUSABLE);
    return { email: invitation.email, role: invitation.role, organization_name: invitation.organization_name, expires_at: new Date(invitation.expires_at).toISOString() };
  }
}

export function toInvitationResponse(invitation: InvitationEntity, invitedBy: string | null): InvitationResponse {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invited_by: invitedBy,
    created_at: invitation.created_at.toISOString(),
    expires_at: invitation.expires_at.toISOString(),
  };
}
