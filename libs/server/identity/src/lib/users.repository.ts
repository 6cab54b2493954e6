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
   * The auth guard resolves the token's subject before the request has an organisation. Every request
   * runs it, so it is a prepared statement (planned once per connection).
   */
  async findActiveById(id: number): Promise<ActiveUser | null> {
    const [user] = await queryPrepared<ActiveUser>(this.dataSource.manager, 'SELECT id, organization_id, name, email, role FROM users WHERE id = $1 AND deleted_at IS NULL', [id]);
    return user ?? null;
  }

  emailTaken(email: string, manager?: EntityManager): Promise<boolean> {
    return (manager ?? this.dataSource.manager)
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('lower(user.email) = lower(:email)', { email })
      .getExists();
  }
}
