import { Injectable, NestMiddleware } from '@nestjs/common';
import { Role } from '@model-inventory/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { UnauthorizedError } from '../errors/domain-errors';

/** The authenticated caller of the current request. */
export interface Actor {
  userId: number;
  organizationId: number;
  role: Role;
  name: string;
  email: string;
}

interface RequestStore {
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestStore>();

/**
 * Per-request state that follows the async call chain. The auth guard fills in the actor;
 * tenant-scoped repositories read the organisation from here, so no query scopes itself by hand.
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
  requireActor(): Actor {
    const actor = storage.getStore()?.actor;
    if (!actor) throw new UnauthorizedError('Authentication is required.');
    return actor;
  },
  /** For jobs and scripts that act for an organisation outside an HTTP request. */
  runAs<T>(actor: Actor, fn: () => T): T {
    return storage.run({ actor }, fn);
  },
};

@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(_req: unknown, _res: unknown, next: () => void): void {
    RequestContext.run(next);
  }
}
