import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@model-inventory/contracts';
import {
  Actor,
  Public,
  RequestContext,
  UnauthorizedError,
} from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { hashApiToken } from '../api-token-secret';
import { UsersRepository } from '../users.repository';
import { AuthGuard } from './auth.guard';
import { CREDENTIAL_CACHE_TTL_MS, CredentialCache } from './credential-cache';

class ProtectedController {
  handle(): void {
    /* needs a credential */
  }
}

class PublicController {
  @Public()
  handle(): void {
    /* needs none */
  }
}

const SECRET = 'unit-test-secret-that-is-long-enough';
const ada = {
  id: 42,
  organization_id: 7,
  name: 'Ada',
  email: 'ada@example.com',
  role: Role.Reviewer,
};
const liveSession = { ...ada, expires_at: new Date(Date.now() + 3_600_000) };
const API_TOKEN = 'mi_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

function routeOf(
  controller: { prototype: object },
  authorization?: string,
): ExecutionContext {
  return {
    getHandler: () => (controller.prototype as { handle: () => void }).handle,
    getClass: () => controller,
    switchToHttp: () => ({
      getRequest: () => ({
        headers: authorization === undefined ? {} : { authorization },
      }),
    }),
  } as unknown as ExecutionContext;
}

function setUp() {
  const jwt = new JwtService({ secret: SECRET });
  const query = jest.fn().mockResolvedValue([]);
  const users = { findBySession: jest.fn(), findByApiTokenHash: jest.fn() };
  const cache = new CredentialCache();
  const guard = new AuthGuard(
    { query } as unknown as DataSource,
    jwt,
    new Reflector(),
    users as unknown as UsersRepository,
    cache,
  );
  /** Runs the guard in a fresh request context and returns the actor it established. */
  const authenticate = (route: ExecutionContext) =>
    RequestContext.run(async () => {
      await guard.canActivate(route);
      return RequestContext.actor() as Actor;
    });
  return { jwt, query, users, cache, authenticate };
}

describe('AuthGuard', () => {
  it('lets a @Public route through without a credential', async () => {
    const { authenticate } = setUp();

    await expect(
      authenticate(routeOf(PublicController)),
    ).resolves.toBeUndefined();
  });

  it.each([undefined, '', 'Basic YWRhOnNlY3JldA==', 'Bearer'])(
    'refuses a protected route with authorization %p',
    async (header) => {
      const { authenticate } = setUp();

      await expect(
        authenticate(routeOf(ProtectedController, header)),
      ).rejects.toThrow(new UnauthorizedError('A bearer token is required.'));
    },
  );

  describe('a session token', () => {
    it('acts as the user of a live session, with their current role', async () => {
      const { jwt, users, authenticate } = setUp();
      users.findBySession.mockResolvedValue(liveSession);
      const token = await jwt.signAsync({ sub: 42, org: 7, sid: 'session-1' });

      const actor = await authenticate(
        routeOf(ProtectedController, `Bearer ${token}`),
      );

      expect(users.findBySession).toHaveBeenCalledWith(42, 'session-1');
      expect(actor).toEqual({
        organizationId: 7,
        role: Role.Reviewer,
        userId: 42,
        name: 'Ada',
        email: 'ada@example.com',
        credential: { kind: 'session', id: 'session-1' },
      });
    });

    it('is refused once the session has ended or the user was removed', async () => {
      const { jwt, users, authenticate } = setUp();
      users.findBySession.mockResolvedValue(null);
      const token = await jwt.signAsync({ sub: 42, org: 7, sid: 'session-1' });

      await expect(
        authenticate(routeOf(ProtectedController, `Bearer ${token}`)),
      ).rejects.toThrow(/session has ended/);
    });

    it('is refused when it names another organisation than the user belongs to', async () => {
      const { jwt, users, authenticate } = setUp();
      users.findBySession.mockResolvedValue(liveSession);
      const token = await jwt.signAsync({ sub: 42, org: 8, sid: 'session-1' });

      await expect(
        authenticate(routeOf(ProtectedController, `Bearer ${token}`)),
      ).rejects.toThrow(UnauthorizedError);
    });

    it('says so when the token has expired', async () => {
      const { jwt, authenticate } = setUp();
      const token = await jwt.signAsync({
        sub: 42,
        org: 7,
        sid: 'session-1',
        exp: Math.floor(Date.now() / 1000) - 60,
      });

      await expect(
        authenticate(routeOf(ProtectedController, `Bearer ${token}`)),
      ).rejects.toThrow('The token has expired; sign in again.');
    });

    it('refuses a token signed with another key', async () => {
      const { authenticate } = setUp();
      const forged = await new JwtService({
        secret: 'somebody-elses-secret-key-000000',
      }).signAsync({ sub: 42, org: 7, sid: 'session-1' });

      await expect(
        authenticate(routeOf(ProtectedController, `Bearer ${forged}`)),
      ).rejects.toThrow('The token is invalid.');
    });
  });

  describe('an API token', () => {
    const tokenRow = (
      tokenRole: Role,
      userRole: Role,
      lastUsedAt: Date | null = null,
    ) => ({
      ...ada,
      role: userRole,
      token_id: 5,
      token_role: tokenRole,
      last_used_at: lastUsedAt,
    });

    it('is looked up by its hash, never by the secret itself', async () => {
      const { users, authenticate } = setUp();
      users.findByApiTokenHash.mockResolvedValue(
        tokenRow(Role.Editor, Role.Editor),
      );

      const actor = await authenticate(
        routeOf(ProtectedController, `Bearer ${API_TOKEN}`),
      );

      expect(users.findByApiTokenHash).toHaveBeenCalledWith(
        hashApiToken(API_TOKEN),
      );
      expect(users.findByApiTokenHash).not.toHaveBeenCalledWith(API_TOKEN);
      expect(actor.credential).toEqual({ kind: 'api_token', id: 5 });
    });

    it.each([
      [Role.Admin, Role.Editor, Role.Editor],
      [Role.Auditor, Role.Admin, Role.Auditor],
      [Role.Reviewer, Role.Reviewer, Role.Reviewer],
    ])(
      'with role %s for a user who is %s acts as %s (never above either)',
      async (tokenRole, userRole, expected) => {
        const { users, authenticate } = setUp();
        users.findByApiTokenHash.mockResolvedValue(
          tokenRow(tokenRole, userRole),
        );

        const actor = await authenticate(
          routeOf(ProtectedController, `Bearer ${API_TOKEN}`),
        );

        expect(actor.role).toBe(expected);
      },
    );

    it('is refused when unknown, revoked or expired', async () => {
      const { users, authenticate } = setUp();
      users.findByApiTokenHash.mockResolvedValue(null);

      await expect(
        authenticate(routeOf(ProtectedController, `Bearer ${API_TOKEN}`)),
      ).rejects.toThrow(/API token is unknown/);
    });

    it('records its use when it was last used over a minute ago, and not on every request', async () => {
      const { users, query, cache, authenticate } = setUp();
      users.findByApiTokenHash.mockResolvedValueOnce(
        tokenRow(Role.Editor, Role.Editor, new Date(Date.now() - 120_000)),
      );
      users.findByApiTokenHash.mockResolvedValueOnce(
        tokenRow(Role.Editor, Role.Editor, new Date(Date.now() - 5_000)),
      );

      await authenticate(routeOf(ProtectedController, `Bearer ${API_TOKEN}`));
      cache.invalidate(); // the second request looks the token up again
      await authenticate(routeOf(ProtectedController, `Bearer ${API_TOKEN}`));

      expect(users.findByApiTokenHash).toHaveBeenCalledTimes(2);
      expect(query).toHaveBeenCalledTimes(1);
      expect(query).toHaveBeenCalledWith(
        expect.stringContaining('last_used_at'),
        [5],
      );
    });

    it('still lets the request through when recording its use fails', async () => {
      const { users, query, authenticate } = setUp();
      users.findByApiTokenHash.mockResolvedValue(
        tokenRow(Role.Editor, Role.Editor),
      );
      query.mockRejectedValue(new Error('database busy'));

      await expect(
        authenticate(routeOf(ProtectedController, `Bearer ${API_TOKEN}`)),
      ).resolves.toMatchObject({ userId: 42 });
    });
  });

  describe('reusing a verified credential for a few seconds', () => {
    afterEach(() => jest.useRealTimers());

    async function sessionToken(jwt: JwtService) {
      return `Bearer ${await jwt.signAsync({ sub: 42, org: 7, sid: 'session-1' })}`;
    }

    it('looks a session up once for a burst of requests, and again after the TTL', async () => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const { jwt, users, authenticate } = setUp();
      users.findBySession.mockResolvedValue(liveSession);
      const bearer = await sessionToken(jwt);

      const first = await authenticate(routeOf(ProtectedController, bearer));
      const second = await authenticate(routeOf(ProtectedController, bearer));
      expect(second).toEqual(first);
      expect(users.findBySession).toHaveBeenCalledTimes(1);

      jest.advanceTimersByTime(CREDENTIAL_CACHE_TTL_MS + 1);
      await authenticate(routeOf(ProtectedController, bearer));
      expect(users.findBySession).toHaveBeenCalledTimes(2);
    });

    it('refuses a session at once after a sign-out or revocation in this process invalidates the cache', async () => {
      const { jwt, users, cache, authenticate } = setUp();
      users.findBySession.mockResolvedValueOnce(liveSession).mockResolvedValue(null);
      const bearer = await sessionToken(jwt);
      await authenticate(routeOf(ProtectedController, bearer));

      cache.invalidate();

      await expect(authenticate(routeOf(ProtectedController, bearer))).rejects.toThrow(/session has ended/);
    });

    it('does not keep an API token past its own expiry', async () => {
      const { users, authenticate } = setUp();
      users.findByApiTokenHash.mockResolvedValue({ ...ada, token_id: 5, token_role: Role.Editor, last_used_at: new Date(), expires_at: new Date(Date.now() - 1) });

      await authenticate(routeOf(ProtectedController, `Bearer ${API_TOKEN}`));
      await authenticate(routeOf(ProtectedController, `Bearer ${API_TOKEN}`));

      expect(users.findByApiTokenHash).toHaveBeenCalledTimes(2);
    });

    it('does not store a lookup that an invalidation overtook (a revocation committed while it ran)', async () => {
      const { jwt, users, cache, authenticate } = setUp();
      users.findBySession.mockImplementationOnce(async () => {
        cache.invalidate();
        return liveSession;
      });
      users.findBySession.mockResolvedValue(null);
      const bearer = await sessionToken(jwt);
      await authenticate(routeOf(ProtectedController, bearer));

      await expect(authenticate(routeOf(ProtectedController, bearer))).rejects.toThrow(/session has ended/);
    });
  });
});
