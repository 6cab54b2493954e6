import { Injectable } from '@nestjs/common';
import { Actor } from '@model-inventory/server-core';

/** How long a verified credential is reused without a database lookup (the bounded staleness across processes). */
export const CREDENTIAL_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  until: number;
}

/**
 * The actors of recently verified bearer credentials, for a few seconds, so that a burst of requests costs one
 * session or token lookup instead of one each. Every sign-out, revocation and user change in this process calls
 * `invalidate()` after its commit, so here it takes effect at once; another API process notices within
 * CREDENTIAL_CACHE_TTL_MS. A lookup that started before an invalidation is not stored (the generation moved).
 */
@Injectable()
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  /** The actor of `credential`, if verified less than the TTL ago (and not past `until` given when stored). */
  get(credential: string, now = Date.now()): Actor | undefined {
    const entry = this.entries.get(credential);
    if (!entry) return undefined;
    if (entry.until > now) return entry.actor;
    this.entries.delete(credential);
    return undefined;
  }

  /** A ticket to pass to `set`: taken before the lookup, so a lookup overtaken by an invalidation is dropped. */
  ticket(): number {
    return this.generation;
  }

  /** Keeps `actor` for the TTL, never past `expiresAt` (the credential's own expiry), unless invalidated since `ticket`. */
  set(credential: string, actor: Actor, ticket: number, expiresAt: number | null, now = Date.now()): void {
    if (ticket !== this.generation) return;
    const until = Math.min(now + CREDENTIAL_CACHE_TTL_MS, expiresAt ?? Infinity);
    if (until <= now) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(credential, { actor, until });
  }

  /** Forgets every credential: called after a session, token or user change commits. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}
