import { applyDecorators, createParamDecorator, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { Role } from '@model-inventory/contracts';
import { Actor, RequestContext } from './request-context';

export const IS_PUBLIC_KEY = 'mi:isPublic';
export const ROLES_KEY = 'mi:roles';

/** The route needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only these roles may call the route. Without it, reads are open to every role and writes
 * (POST/PUT/PATCH/DELETE) to every role but Auditor.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}` }),
  );

export const CurrentActor = createParamDecorator((): Actor => RequestContext.requireActor());
