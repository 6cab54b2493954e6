import { Injectable } from '@nestjs/common';
import { Page, Role, UserResponse } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { ConflictError, PageQueryDto, RequestContext } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { toUserResponse } from './identity.mapper';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';
import { CredentialCache } from './guards/credential-cache';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly credentials: CredentialCache,
  ) {}

  async list({ limit, offset }: PageQueryDto): Promise<Page<UserResponse>> {
    const [rows, total] = await this.users.findPage(limit, offset);
    return { items: rows.map(toUserResponse), total, limit, offset };
  }

  async get(id: number): Promise<UserResponse> {
    return toUserResponse(await this.users.getById(id));
  }

  async create(dto: CreateUserDto): Promise<UserResponse> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      if (await this.users.emailTaken(dto.email, manager)) throw new ConflictError('An account with this email already exists.');
      const user = await this.users.save(this.users.build({ name: dto.name, email: dto.email, role: dto.role, password_hash: passwordHash }, manager), manager);
      await this.audit.record('user.created', { target: { type: 'user', id: user.id }, details: { email: user.email, role: user.role } }, manager);
      return toUserResponse(user);
    });
  }

  async update(id: number, dto: UpdateUserDto): Promise<UserResponse> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    const updated = this.dataSource.transaction(async (manager) => {
      const user = await this.users.getById(id, manager);
      const before = { name: user.name, role: user.role };
      if (dto.role && dto.role !== Role.Admin && user.role === Role.Admin) await this.keepOneAdmin(manager);
      Object.assign(user, { name: dto.name ?? user.name, role: dto.role ?? user.role }, passwordHash ? { password_hash: passwordHash } : {});
      const saved = await this.users.save(user, manager);
      const target = { type: 'user', id };
      if (saved.name !== before.name) await this.audit.record('user.renamed', { target, details: { from: before.name, to: saved.name } }, manager);
      if (saved.role !== before.role) {
        const ended = await this.sessions.revokeAllOf(id, 'role_changed', manager);
        await this.audit.record('user.role_changed', { target, details: { from: before.role, to: saved.role, sessions_ended: ended } }, manager);
      }
      if (passwordHash) {
        const ended = await this.sessions.revokeAllOf(id, 'password_reset', manager);
        await this.audit.record('user.password_reset', { target, details: { sessions_ended: ended } }, manager);
      }
      return toUserResponse(saved);
    });
    // After the commit (or the rollback): a renamed user, a changed role or ended sessions apply to the next request.
    return updated.finally(() => this.credentials.invalidate());
  }

  async remove(id: number): Promise<void> {
    if (id === RequestContext.requireActor().userId) throw new ConflictError('You cannot delete your own account.');
    await this.dataSource.transaction(async (manager) => {
      const user: UserEntity = await this.users.getById(id, manager);
      if (user.role === Role.Admin) await this.keepOneAdmin(manager);
      await this.users.softDelete(id, manager);
      await this.sessions.revokeAllOf(id, 'user_removed', manager);
      await this.audit.record('user.removed', { target: { type: 'user', id }, details: { email: user.email } }, manager);
    });
    this.credentials.invalidate();
  }

  private async keepOneAdmin(manager: EntityManager): Promise<void> {
    await this.users.lockOrganization(manager);
    if ((await this.users.countAdmins(manager)) <= 1) throw new ConflictError('An organisation needs at least one Admin.');
  }
}
