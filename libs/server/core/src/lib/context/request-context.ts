import { Injectable, NestMiddleware } from '@nestjs/common';
import { Role } from '@model-inventory/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { UnauthorizedError } from '../errors/domain-errors';

/**
 * Who is acting: a signed-in user, or the system (a scheduled job) on behalf of an organisation. Writes are
 * attributed to `userId`, or, when it is null, to `name` (e.g. "MLflow sync").
 */
export interface Actor {
  organizationId: number;
  role: Role;
  userId: number | null;
  name: string;
  email: string | null;
  /** How a user authenticated: the session of a sign-in, or an API token. */
  credential?: { kind: 'session'; id: string } | { kind: 'api_token'; id: number };
}

/** Where a request came from, for the security audit log. */
export interface RequestClient {
  ip: string | null;
  userAgent: string | null;
}

interface RequestStore {
  actor?: Actor;
  client?: RequestClient;
}

const storage = new AsyncLocalStorage<RequestStore>();

/**
 * Per-request state that follows the async call chain. The auth guard fills in the actor; jobs run as
 * the system; tenant-scoped repositories and write statements read the organisation from here.
 */
export const RequestContext = {
  run<T>(fn: () => T, store: RequestStore = {}): T {
    return storage.run(store, fn);
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (!store) throw new Error('RequestContext.setActor called outside a request context');
    store.actor = actor;
  },
  actor(): Actor | undefined {
    return storage.getStore()?.actor;
  },
  /** The caller's address and user agent; null outside an HTTP request. */
  client(): RequestClient {
    return storage.getStore()?.client ?? { ip: null, userAgent: null };
  },
  requireActor(): Actor {
    const actor = storage.getStore()?.actor;
    if (!actor) throw new UnauthorizedError('Authentication is required.');
    return actor;
  },
  /** The id of the signed-in user; for routes that only a person may call. */
  requireUserId(): number {
    const { userId } = RequestContext.requireActor();
    if (userId === null) throw new UnauthorizedError('Only a signed-in user may do this.');
    return userId;
  },
  /** For code that acts as a given user outside an HTTP request (demo data, scripts). */
  runAs<T>(actor: Actor, fn: () => T): T {
    return storage.run({ actor }, fn);
  },
  /**
   * For jobs: acts for `organizationId` through the same services and repositories as a request, with
   * Admin rights, attributing every write to `name` (e.g. "MLflow sync") instead of a user.
   */
  runAsSystem<T>(organizationId: number, name: string, fn: () => T): T {
    return storage.run({ actor: { organizationId, role: Role.Admin, userId: null, name, email: null } }, fn);
  },
};

@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: { ip?: string; headers: Record<string, string | string[] | undefined> }, _res: unknown, next: () => void): void {
    const userAgent = req.headers['user-agent'];
    RequestContext.run(next, { client: { ip: req.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null } });
  }
}
