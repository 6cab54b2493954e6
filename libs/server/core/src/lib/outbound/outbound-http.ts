import { Inject, Injectable, Optional } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { Agent as HttpAgent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { refusalOf } from './address-policy';

export interface OutboundRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** The whole exchange, connection included. */
  timeoutMs: number;
  /** The response body is cut off (and the request failed) beyond this. */
  maxResponseBytes: number;
  /** TLS certificate checks; off only for an integration that asks for it (`verify_ssl: false`). */
  verifyTls?: boolean;
}

export interface OutboundResponse {
  status: number;
  /** The reason phrase the server sent ("Service Unavailable"); empty when it sent none. */
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Requests that reuse their connections (keep-alive, at most `maxSockets` per destination) until `close()`. Each
 * connection is still checked when it connects; a reused one goes on to the address that was checked.
 */
export interface OutboundSession {
  request(url: string, options: OutboundRequest): Promise<OutboundResponse>;
  close(): void;
}

/** The destination is one the server must not call; `reason` says which rule. */
export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED';
}

/**
 * Every request the server makes on a user's behalf (webhooks, MLflow) goes through here: the destination is checked
 * on the address it resolves to at connect time (so a DNS answer that changes after a check cannot sneak past it),
 * redirects are not followed, the response is size-capped, and the whole exchange has a deadline.
 */
/** The resolver OutboundHttp asks; a unit test gives it one that answers what an attacker's DNS would. */
export const OUTBOUND_DNS_LOOKUP = Symbol('OUTBOUND_DNS_LOOKUP');
export type DnsLookupAll = (hostname: string, options: { all: true; family?: number }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

@Injectable()
export class OutboundHttp {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(OUTBOUND_DNS_LOOKUP) private readonly resolve: DnsLookupAll = dnsLookup,
  ) {}

  /** Why `url` may not be called at all, judged on its literal host (a name is judged when it resolves). */
  refusalOfUrl(url: string): string | null {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost')) return refusalOf('127.0.0.1', this.config.outbound.allowPrivate);
    return /^[\d.]+$|:/.test(host) ? refusalOf(host, this.config.outbound.allowPrivate) : null;
  }

  /** A keep-alive session for many calls to one server (the MLflow sync); close it when done. */
  session(maxSockets: number): OutboundSession {
    const agents = { http: new HttpAgent({ keepAlive: true, maxSockets }), https: new HttpsAgent({ keepAlive: true, maxSockets }) };
    return {
      request: (url, options) => this.send(url, options, new URL(url).protocol === 'https:' ? agents.https : agents.http),
      close: () => {
        agents.http.destroy();
        agents.https.destroy();
      },
    };
  }

  request(url: string, options: OutboundRequest): Promise<OutboundResponse> {
    // agent: false: no pooled socket outlives its request.
    return this.send(url, options, false);
  }

  private send(url: string, options: OutboundRequest, agent: HttpAgent | false): Promise<OutboundResponse> {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const allowPrivate = this.config.outbound.allowPrivate;
    const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
      this.resolve(hostname, { family: lookupOptions.family as number | undefined, all: true }, (error, addresses) => {
        if (error) return callback(error, '', 0);
        const refused = addresses.map((a) => refusalOf(a.address, allowPrivate)).find(Boolean);
        if (refused) return callback(new OutboundRefusedError(`${hostname}: ${refused}`), '', 0);
        if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      });
    };
    return new Promise((resolve, reject) => {
      const literalRefusal = this.refusalOfUrl(url);
      if (literalRefusal) return reject(new OutboundRefusedError(literalRefusal));
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
        req.destroy();
      };
      const timedOut = () => fail(Object.assign(new Error(`no answer within ${options.timeoutMs / 1000} s`), { name: 'TimeoutError' }));
      // A new connection is checked by `lookup` when it connects, whether or not an agent keeps it afterwards.
      const req = send(target, { method: options.method ?? 'GET', headers: options.headers, lookup, agent, rejectUnauthorized: options.verifyTls ?? true }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxResponseBytes) return fail(new Error(`the response is larger than ${options.maxResponseBytes} bytes`));
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on('error', fail);
      });
      const deadline = setTimeout(timedOut, options.timeoutMs);
      req.on('close', () => clearTimeout(deadline));
      req.on('error', fail);
      req.end(options.body);
    });
  }
}
