import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { lowerRole } from '@model-inventory/contracts';
import { Actor, IS_PUBLIC_KEY, RequestContext, UnauthorizedError } from '@model-inventory/server-core';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { hashApiToken, isApiToken } from '../api-token-secret';
import { AccessTokenClaims } from '../auth.service';
import { UsersRepository } from '../users.repository';
import { CredentialCache } from './credential-cache';

/** `last_used_at` of an API token is written at most this often, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Global: every route needs a valid bearer credential unless marked @Public(): an access token (a JWT naming a
 * live session) or an API token (`mi_…`). The user is re-read when the credential was not verified in the last
 * few seconds (CredentialCache): a deleted user, a changed role, a revoked session or token takes effect at once
 * in this process (they invalidate the cache) and within CREDENTIAL_CACHE_TTL_MS in the others. An API token acts
 * with its own role or its user's, whichever is lower.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly users: UsersRepository,
    private readonly cache: CredentialCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const bearer = this.bearerToken(context.switchToHttp().getRequest<Request>());
    const cached = this.cache.get(bearer);
    if (cached) RequestContext.setActor(cached);
    else if (isApiToken(bearer)) await this.authenticateApiToken(bearer);
    else await this.authenticateSession(bearer);
    return true;
  }

  private async authenticateSession(token: string): Promise<void> {
    const ticket = this.cache.ticket();
    const claims = await this.verify(token);
    const user = claims.sid ? await this.users.findBySession(claims.sub, claims.sid) : null;
    if (!user || user.organization_id !== claims.org) throw new UnauthorizedError('The session has ended (signed out, password changed, or the user was removed); sign in again.');
    const actor: Actor = { organizationId: user.organization_id, role: user.role, userId: user.id, name: user.name, email: user.email, credential: { kind: 'session', id: claims.sid } };
    RequestContext.setActor(actor);
    this.cache.set(token, actor, ticket, Math.min(user.expires_at.getTime(), claims.exp ? claims.exp * 1000 : Infinity));
  }

  private async authenticateApiToken(token: string): Promise<void> {
    const ticket = this.cache.ticket();
    const found = await this.users.findByApiTokenHash(hashApiToken(token));
    if (!found) throw new UnauthorizedError('The API token is unknown, revoked or expired, or its user was removed.');
    const role = lowerRole(found.token_role, found.role);
    const actor: Actor = { organizationId: found.organization_id, role, userId: found.id, name: found.name, email: found.email, credential: { kind: 'api_token', id: found.token_id } };
    RequestContext.setActor(actor);
    this.cache.set(token, actor, ticket, found.expires_at?.getTime() ?? null);
    if (!found.last_used_at || Date.now() - found.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      this.dataSource
        .query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [found.token_id])
        .catch((error: Error) => this.logger.warn(`could not record the use of API token ${found.token_id}: ${error.message}`));
    }
  }

  private bearerToken(request: Request): string {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedError('A bearer token is required.');
    return token;
  }

  private async verify(token: string): Promise<AccessTokenClaims & { exp?: number }> {
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims & { exp?: number }>(token);
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthorizedError(expired ? 'The token has expired; sign in again.' : 'The token is invalid.');
    }
  }
}
