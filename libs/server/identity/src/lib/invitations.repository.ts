import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { InvitationEntity } from './entities/invitation.entity';

export type OpenInvitation = InvitationEntity & { invited_by_name: string | null };

@Injectable()
export class InvitationsRepository extends TenantRepository<InvitationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, InvitationEntity, 'Invitation');
  }

  /** Invitations not yet accepted, revoked or expired, newest first, with the inviting Admin's name. */
  async findOpenPage(limit: number, offset: number): Promise<[OpenInvitation[], number]> {
    const query = this.scoped('invitation')
      .andWhere('invitation.accepted_at IS NULL AND invitation.revoked_at IS NULL AND invitation.expires_at > now()')
      .leftJoin('users', 'inviter', 'inviter.id = invitation.invited_by')
      .addSelect('inviter.name', 'invited_by_name')
      .orderBy('invitation.created_at', 'DESC')
      .addOrderBy('invitation.id', 'DESC');
    const [{ entities, raw }, total] = await Promise.all([query.clone().limit(limit).offset(offset).getRawAndEntities(), query.getCount()]);
    return [entities.map((entity, i) => ({ ...entity, invited_by_name: (raw[i] as { invited_by_name: string | null }).invited_by_name })), total];
  }

  /** Ends any open invitation for the e-mail, so a new one replaces it (one open link per person). */
  async revokeOpenFor(email: string, manager: EntityManager): Promise<number[]> {
    const rows: { id: number }[] = await manager.query(
      `UPDATE user_invitations SET revoked_at = now()
        WHERE organization_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [this.organizationId, email],
    );
    return rows.map((row) => row.id);
  }

  async revoke(id: number, manager: EntityManager): Promise<InvitationEntity | null> {
    const invitation = await this.scoped('invitation', manager).andWhere('invitation.id = :id AND invitation.accepted_at IS NULL AND invitation.revoked_at IS NULL', { id }).getOne();
    if (!invitation) return null;
    await manager.update(InvitationEntity, { id }, { revoked_at: () => 'now()' });
    return invitation;
  }

  /**
   * The invitee has no session yet: the token's hash alone finds the invitation, if it is still usable. With a
   * manager, the row is locked so that two accepts of one link cannot both succeed.
   */
  async findUsableByTokenHash(tokenHash: string, manager?: EntityManager): Promise<(InvitationEntity & { organization_name: string }) | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT i.id, i.organization_id, i.email, i.role, i.invited_by, i.created_at, i.expires_at, o.name AS organization_name
         FROM user_invitations i JOIN organizations o ON o.id = i.organization_id
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
        ${manager ? 'FOR UPDATE OF i' : ''}`,
      [tokenHash],
    );
    return row ?? null;
  }

  async markAccepted(id: number, userId: number, manager: EntityManager): Promise<void> {
    await manager.update(InvitationEntity, { id }, { accepted_at: () => 'now()', accepted_user_id: userId });
  }
}
