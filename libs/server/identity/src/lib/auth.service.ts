import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginResponse, MeResponse, RegisterResponse, Role } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { APP_CONFIG, AppConfig, ConflictError, ForbiddenError, RequestContext, UnauthorizedError, ValidationFailedError } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { ChangePasswordDto, LoginDto, RegisterDto } from './dto/auth.dto';
import { AcceptInvitationDto } from './dto/invitation.dto';
import { InvitationsRepository } from './invitations.repository';
import { hashInvitationToken, INVITATION_UNUSABLE } from './invitations.service';
import { SessionsRepository } from './sessions.repository';
import { OrganizationEntity } from './entities/organization.entity';
import { UserEntity } from './entities/user.entity';
import { toOrganizationResponse, toUserResponse } from './identity.mapper';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';
import { CredentialCache } from './guards/credential-cache';

export interface AccessTokenClaims {
  sub: number;
  org: number;
  /** The session this token belongs to; ending the session ends the token. */
  sid: string;
}

const INVALID_CREDENTIALS = 'The email or password is incorrect.';

@Injectable()
export class AuthService {
  // Compared against when the email is unknown, so both failures take the same time.
  private readonly decoyHash: Promise<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly audit: AuditLog,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly credentials: CredentialCache,
    private readonly invitations: InvitationsRepository,
  ) {
    this.decoyHash = hasher.hash('decoy password that never matches');
  }

  async register(dto: RegisterDto): Promise<RegisterResponse> {
    if (!this.config.auth.signupEnabled) throw new ForbiddenError('Sign-up is disabled on this installation; ask an administrator for an invitation.');
    const passwordHash = await this.hasher.hash(dto.password);
    const { organization, token } = await this.dataSource.transaction(async (manager) => {
      if (await this.users.emailTaken(dto.email, manager)) throw new ConflictError('An account with this email already exists.');
      const organization = await manager.getRepository(OrganizationEntity).save({ name: dto.organization_name });
      const user = await manager.getRepository(UserEntity).save(
        manager.getRepository(UserEntity).create({
          organization_id: organization.id,
          name: dto.name,
          email: dto.email,
          password_hash: passwordHash,
          role: Role.Admin,
        }),
      );
      return { organization, token: await this.issueToken(user, manager) };
    });
    return { ...token, organization: toOrganizationResponse(organization) };
  }

  /** Creates the invited user with the invitation's e-mail and role, uses up the link and signs them in. */
  async acceptInvitation(dto: AcceptInvitationDto): Promise<LoginResponse> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.findUsableByTokenHash(hashInvitationToken(dto.token), manager);
      if (!invitation) throw ValidationFailedError.forField('token', INVITATION_UNUSABLE);
      if (await this.users.emailTaken(invitation.email, manager)) throw new ConflictError('An account with this email already exists.');
      const users = manager.getRepository(UserEntity);
      const user = await users.save(users.create({ organization_id: invitation.organization_id, name: dto.name, email: invitation.email, password_hash: passwordHash, role: invitation.role }));
      await this.invitations.markAccepted(invitation.id, user.id, manager);
      const actor = { organizationId: user.organization_id, userId: user.id, name: user.name, email: user.email };
      const details = { invitation_id: invitation.id, role: user.role, invited_by: invitation.invited_by };
      await this.audit.record('user.invitation_accepted', { actor, target: { type: 'user', id: user.id }, details }, manager);
      return this.issueToken(user, manager);
    });
  }

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.users.findForLogin(dto.email);
    const valid = await this.hasher.verify(dto.password, user?.password_hash ?? (await this.decoyHash));
    const actor = { organizationId: user?.organization_id ?? null, userId: user?.id ?? null, name: user?.name ?? null, email: dto.email };
    if (!user || !valid) {
      await this.audit.record('auth.login_failed', { actor, details: { reason: user ? 'wrong password' : 'unknown e-mail' } });
      throw new UnauthorizedError(INVALID_CREDENTIALS);
    }
    const token = await this.issueToken(user);
    await this.audit.record('auth.login_succeeded', { actor });
    return token;
  }

  /** Ends the session of the presented access token; the user's other sessions go on. */
  async logout(): Promise<void> {
    const { credential } = RequestContext.requireActor();
    if (credential?.kind !== 'session') throw ValidationFailedError.forField('authorization', 'sign-out ends a session; revoke an API token with DELETE /api/api-tokens/{id}');
    await this.sessions.revoke(credential.id, 'logout');
    this.credentials.invalidate();
    await this.audit.record('auth.logout');
  }

  /** Checks the current password, sets the new one and ends the user's other sessions; nothing changes on a wrong password. */
  async changePassword(dto: ChangePasswordDto): Promise<void> {
    const { credential } = RequestContext.requireActor();
    const userId = RequestContext.requireUserId();
    const user = await this.users.findForLogin((await this.users.getById(userId)).email);
    if (!user || !(await this.hasher.verify(dto.current_password, user.password_hash))) {
      throw ValidationFailedError.forField('current_password', 'current_password is not your current password');
    }
    const passwordHash = await this.hasher.hash(dto.new_password);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
      const ended = await this.sessions.revokeAllOf(userId, 'password_changed', manager, credential?.kind === 'session' ? credential.id : null);
      await this.audit.record('auth.password_changed', { target: { type: 'user', id: userId }, details: { other_sessions_ended: ended } }, manager);
    });
    this.credentials.invalidate();
  }

  async me(): Promise<MeResponse> {
    const actor = RequestContext.requireActor();
    const [user, organization] = await Promise.all([
      this.users.getById(RequestContext.requireUserId()),
      this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: actor.organizationId }),
    ]);
    return { user: toUserResponse(user), organization: toOrganizationResponse(organization) };
  }

  /** Opens a session and signs an access token for it. */
  private async issueToken(user: UserEntity, manager?: EntityManager): Promise<LoginResponse> {
    const ttl = this.config.auth.jwtTtlSeconds;
    const claims: AccessTokenClaims = { sub: user.id, org: user.organization_id, sid: await this.sessions.open(user, ttl, manager) };
    return { access_token: this.jwt.sign(claims, { expiresIn: ttl }), expires_in: ttl, user: toUserResponse(user) };
  }
}
