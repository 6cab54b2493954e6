import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@model-inventory/server-core';
import type { Request, Response } from 'express';

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly title = 'Too Many Requests';
}

/** 60 requests a minute per client address, in bursts of up to 60. */
export const SHARE_RATE_LIMIT = { capacity: 60, refillPerSecond: 1 } as const;
/** Beyond this many addresses, idle ones (bucket full again) are forgotten. */
const MAX_TRACKED = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client address, in this process's memory: each request takes a token, tokens come back at a
 * steady rate, an empty bucket answers 429 with Retry-After. With several API processes each keeps its own buckets
 * (the limit is then per process). The address is Express's `req.ip`, which honours TRUST_PROXY.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: { capacity: number; refillPerSecond: number } = SHARE_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `key`: 0 when granted, else the seconds until one is back. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      this.remember(key, { tokens: bucket.tokens - 1, at: now });
      return 0;
    }
    this.remember(key, bucket);
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.refillPerSecond));
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.limit.capacity, at: now };
    const tokens = Math.min(this.limit.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.refillPerSecond);
    return { tokens, at: now };
  }

  private remember(key: string, bucket: Bucket): void {
    if (!this.buckets.has(key) && this.buckets.size >= MAX_TRACKED) this.forgetIdle();
    this.buckets.set(key, bucket);
  }

  private forgetIdle(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) if (this.refilled(bucket, now).tokens >= this.limit.capacity) this.buckets.delete(key);
  }
}

/** Rate-limits the public share routes per client address. */
@Injectable()
export class ShareRateLimitGuard implements CanActivate {
  private readonly buckets = new TokenBuckets();

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const retryAfter = this.buckets.take(http.getRequest<Request>().ip ?? 'unknown');
    if (retryAfter === 0) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new TooManyRequestsError(`Too many requests for shared views from your address; try again in ${retryAfter} s.`);
  }
}
