import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SessionEntity } from './entities/session.entity';

export type RevokeReason = 'logout' | 'password_changed' | 'password_reset' | 'role_changed' | 'user_removed';

/** Sessions are read by the auth guard with the user (users.repository.ts); here they are opened and ended. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async open(user: { id: number; organization_id: number }, ttlSeconds: number, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO sessions (organization_id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
      [user.organization_id, user.id, ttlSeconds],
    );
    return row.id;
  }

  async revoke(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
  }

  /** Ends every live session of the user except `keep` (the caller's own, when they changed their own password). */
  async revokeAllOf(userId: number, reason: RevokeReason, manager: EntityManager, keep: string | null = null): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, ended] = (await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $3::uuid`,
      [userId, reason, keep],
    )) as [unknown[], number];
    return ended;
  }
}
