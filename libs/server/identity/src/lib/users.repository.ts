import { Injectable } from '@nestjs/common';
import { queryPrepared, TenantRepository } from '@model-inventory/server-core';
import { Role } from '@model-inventory/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './entities/user.entity';

/** What the auth guard needs of the caller. */
export type ActiveUser = Pick<UserEntity, 'id' | 'organization_id' | 'name' | 'email' | 'role'>;

@Injectable()
export class UsersRepository extends TenantRepository<UserEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, UserEntity, 'User');
  }

  async findPage(limit: number, offset: number): Promise<[UserEntity[], number]> {
    return this.scoped('user').orderBy('user.name', 'ASC').addOrderBy('user.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  countAdmins(manager?: EntityManager): Promise<number> {
    return this.scoped('user', manager).andWhere('user.role = :role', { role: Role.Admin }).getCount();
  }

  /** Serialises changes that must see a stable set of the organisation's users (e.g. the last Admin). */
  async lockOrganization(manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [this.organizationId]);
  }

  /** Login looks a user up before any organisation is known. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.password_hash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
  }

  /**
   * The auth guard resolves the token's subject before the request has an organisation: the user, if active,
   * with the session the token names, if live. Every request runs it, so it is one prepared statement.
   */
  async findBySession(userId: number, sessionId: string): Promise<(ActiveUser & { expires_at: Date }) | null> {
    const [user] = await queryPrepared<ActiveUser & { expires_at: Date }>(
      this.dataSource.manager,
      `SELECT u.id, u.organization_id, u.name, u.email, u.role, s.expires_at FROM users u JOIN sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.deleted_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [userId, sessionId],
    );
    return user ?? null;
  }

  /** The user of a live API token (by the token's hash), with the token's id and role; null when revoked, expired or the user is gone. */
  async findByApiTokenHash(tokenHash: string): Promise<(ActiveUser & { token_id: number; token_role: Role; last_used_at: Date | null; expires_at: Date | null }) | null> {
    const [row] = await queryPrepared<ActiveUser & { token_id: number; token_role: Role; last_used_at: Date | null; expires_at: Date | null }>(
      this.dataSource.manager,
      `SELECT u.id, u.organization_id, u.name, u.email, u.role, t.id AS token_id, t.role AS token_role, t.last_used_at, t.expires_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.deleted_at IS NULL`,
      [tokenHash],
    );
    return row ?? null;
  }

  emailTaken(email: string, manager?: EntityManager): Promise<boolean> {
    return (manager ?? this.dataSource.manager)
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('lower(user.email) = lower(:email)', { email })
      .getExists();
  }
}
