import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@model-inventory/server-core';
import { AuditLogModule } from '@model-inventory/server-audit-log';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { ApiTokenEntity } from './entities/api-token.entity';
import { SessionEntity } from './entities/session.entity';
import { SessionsRepository } from './sessions.repository';
import { AuthService } from './auth.service';
import { DemoSeeder } from './demo-seeder';
import { OrganizationEntity } from './entities/organization.entity';
import { UserEntity } from './entities/user.entity';
import { AuthGuard } from './guards/auth.guard';
import { CredentialCache } from './guards/credential-cache';
import { RolesGuard } from './guards/roles.guard';
import { PasswordHasher } from './password-hasher';
import { OrganizationController } from './organization.controller';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { InvitationEntity } from './entities/invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/** Organisations, users, sign-in, and the global guards that authenticate and authorise every route. */
@Module({
  // Invitations before users, so that GET /users/invitations is not taken for GET /users/:id.
  controllers: [ApiTokensController, AuthController, OrganizationController, InvitationsController, UsersController],
  exports: [AuditLogModule, UsersRepository],
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the secret as a public key on every verify.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [
        { name: 'login', ttl: 60_000, limit: config.auth.loginAttemptsPerMinute },
        { name: 'signup', ttl: 3_600_000, limit: config.auth.signupsPerHour },
      ],
    }),
    AuditLogModule,
    TypeOrmModule.forFeature([ApiTokenEntity, InvitationEntity, OrganizationEntity, SessionEntity, UserEntity]),
  ],
  providers: [
    ApiTokensService,
    AuthService,
    CredentialCache,
    SessionsRepository,
    DemoSeeder,
    InvitationsRepository,
    InvitationsService,
    PasswordHasher,
    UsersRepository,
    UsersService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class IdentityModule {}
