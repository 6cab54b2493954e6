import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, WRITER_ROLES } from '@model-inventory/contracts';
import { ForbiddenError, IS_PUBLIC_KEY, RequestContext, ROLES_KEY } from '@model-inventory/server-core';
import type { Request } from 'express';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global, after AuthGuard. Routes declare their roles with @Roles(); a route that declares none
 * is open to every role for reads and to every role but Auditor for writes.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const method = context.switchToHttp().getRequest<Request>().method;
    const declared = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const allowed = declared ?? (READ_METHODS.has(method) ? undefined : WRITER_ROLES);
    const { role } = RequestContext.requireActor();
    if (allowed && !allowed.includes(role)) {
      throw new ForbiddenError(`Your role (${role}) may not do this; allowed: ${allowed.join(', ')}.`);
    }
    return true;
  }
}
