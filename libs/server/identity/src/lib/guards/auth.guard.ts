import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { IS_PUBLIC_KEY, RequestContext, UnauthorizedError } from '@model-inventory/server-core';
import type { Request } from 'express';
import { AccessTokenClaims } from '../auth.service';
import { UsersRepository } from '../users.repository';

/**
 * Global: every route needs a valid bearer token unless marked @Public(). The user is re-read on
 * each request so that a deleted user or a changed role takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const token = this.bearerToken(context.switchToHttp().getRequest<Request>());
    const claims = await this.verify(token);
    const user = await this.users.findActiveById(claims.sub);
    if (!user || user.organization_id !== claims.org) throw new UnauthorizedError('The token no longer belongs to an active user.');
    RequestContext.setActor({ organizationId: user.organization_id, role: user.role, userId: user.id, name: user.name, email: user.email });
    return true;
  }

  private bearerToken(request: Request): string {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedError('A bearer token is required.');
    return token;
  }

  private async verify(token: string): Promise<AccessTokenClaims> {
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthorizedError(expired ? 'The token has expired; sign in again.' : 'The token is invalid.');
    }
  }
}
