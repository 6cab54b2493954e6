import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginResponse, MeResponse, RegisterResponse, Role } from '@model-inventory/contracts';
import { APP_CONFIG, AppConfig, ConflictError, ForbiddenError, RequestContext, UnauthorizedError } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { LoginDto, RegisterDto } from './dto/auth.dto';
import { OrganizationEntity } from './entities/organization.entity';
import { UserEntity } from './entities/user.entity';
import { toOrganizationResponse, toUserResponse } from './identity.mapper';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';

export interface AccessTokenClaims {
  sub: number;
  org: number;
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
    private readonly users: UsersRepository,
  ) {
    this.decoyHash = hasher.hash('decoy password that never matches');
  }

  async register(dto: RegisterDto): Promise<RegisterResponse> {
    if (!this.config.auth.signupEnabled) throw new ForbiddenError('Sign-up is disabled on this installation; ask an administrator for an invitation.');
    const passwordHash = await this.hasher.hash(dto.password);
    const { organization, user } = await this.dataSource.transaction(async (manager) => {
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
      return { organization, user };
    });
    return { ...this.issueToken(user), organization: toOrganizationResponse(organization) };
  }

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.users.findForLogin(dto.email);
    const valid = await this.hasher.verify(dto.password, user?.password_hash ?? (await this.decoyHash));
    if (!user || !valid) throw new UnauthorizedError(INVALID_CREDENTIALS);
    return this.issueToken(user);
  }

  async me(): Promise<MeResponse> {
    const actor = RequestContext.requireActor();
    const [user, organization] = await Promise.all([
      this.users.getById(RequestContext.requireUserId()),
      this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: actor.organizationId }),
    ]);
    return { user: toUserResponse(user), organization: toOrganizationResponse(organization) };
  }

  private issueToken(user: UserEntity): LoginResponse {
    const claims: AccessTokenClaims = { sub: user.id, org: user.organization_id };
    const ttl = this.config.auth.jwtTtlSeconds;
    return { access_token: this.jwt.sign(claims, { expiresIn: ttl }), expires_in: ttl, user: toUserResponse(user) };
  }
}
