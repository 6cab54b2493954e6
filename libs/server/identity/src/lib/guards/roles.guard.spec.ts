import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALL_ROLES, Role } from '@model-inventory/contracts';
import {
  ForbiddenError,
  Public,
  RequestContext,
  Roles,
  UnauthorizedError,
} from '@model-inventory/server-core';
import { RolesGuard } from './roles.guard';

class UndeclaredController {
  handle(): void {
    /* a route without @Roles */
  }
}

class AdminOnlyController {
  @Roles(Role.Admin)
  handle(): void {
    /* a route for admins */
  }
}

@Roles(Role.Admin, Role.Reviewer)
class ApproverController {
  handle(): void {
    /* inherits the class roles */
  }

  @Roles(Role.Auditor)
  auditorReport(): void {
    /* the method's roles win over the class's */
  }
}

class PublicController {
  @Public()
  handle(): void {
    /* needs no token */
  }
}

type Controller = { new (): object; prototype: object };

function routeOf(
  controller: Controller,
  method: string,
  handler = 'handle',
): ExecutionContext {
  return {
    getHandler: () =>
      (controller.prototype as Record<string, () => void>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => ({ method }) }),
  } as unknown as ExecutionContext;
}

const guard = new RolesGuard(new Reflector());

function callAs(role: Role, route: ExecutionContext): boolean {
  return RequestContext.runAs(
    { organizationId: 1, role, userId: 1, name: 'Someone', email: null },
    () => guard.canActivate(route),
  );
}

describe('RolesGuard', () => {
  describe('a route that declares no roles', () => {
    it.each(ALL_ROLES)('lets %s read', (role) => {
      expect(callAs(role, routeOf(UndeclaredController, 'GET'))).toBe(true);
    });

    it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
      'refuses an Auditor a %s, naming the allowed roles',
      (method) => {
        expect(() =>
          callAs(Role.Auditor, routeOf(UndeclaredController, method)),
        ).toThrow(ForbiddenError);
        expect(() =>
          callAs(Role.Auditor, routeOf(UndeclaredController, method)),
        ).toThrow(/Auditor.*Admin, Reviewer, Editor/);
      },
    );

    it.each([Role.Admin, Role.Reviewer, Role.Editor])(
      'lets %s write',
      (role) => {
        expect(callAs(role, routeOf(UndeclaredController, 'PATCH'))).toBe(true);
      },
    );
  });

  describe('a route with @Roles', () => {
    it('admits only the declared roles, for reads as well as writes', () => {
      expect(callAs(Role.Admin, routeOf(AdminOnlyController, 'GET'))).toBe(
        true,
      );
      expect(() =>
        callAs(Role.Reviewer, routeOf(AdminOnlyController, 'GET')),
      ).toThrow(ForbiddenError);
      expect(() =>
        callAs(Role.Editor, routeOf(AdminOnlyController, 'POST')),
      ).toThrow(ForbiddenError);
    });

    it("applies a controller's roles to its routes, and a route's own roles win over them", () => {
      expect(callAs(Role.Reviewer, routeOf(ApproverController, 'POST'))).toBe(
        true,
      );
      expect(() =>
        callAs(Role.Editor, routeOf(ApproverController, 'POST')),
      ).toThrow(ForbiddenError);
      expect(
        callAs(
          Role.Auditor,
          routeOf(ApproverController, 'GET', 'auditorReport'),
        ),
      ).toBe(true);
      expect(() =>
        callAs(Role.Admin, routeOf(ApproverController, 'GET', 'auditorReport')),
      ).toThrow(ForbiddenError);
    });
  });

  it('lets anyone through a @Public route, even with no actor', () => {
    expect(
      RequestContext.run(() =>
        guard.canActivate(routeOf(PublicController, 'POST')),
      ),
    ).toBe(true);
  });

  it('refuses a protected route when no one is signed in', () => {
    expect(() =>
      RequestContext.run(() =>
        guard.canActivate(routeOf(UndeclaredController, 'GET')),
      ),
    ).toThrow(UnauthorizedError);
  });
});
