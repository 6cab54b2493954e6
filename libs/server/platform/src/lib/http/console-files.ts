import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX, WebRoutes } from '@model-inventory/contracts';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Angular names built files `<name>-<HASH>.<ext>`; a hashed file never changes, so it may be cached for a year. */
const HASHED = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ENCODINGS = [
  { token: 'br', suffix: '.br' },
  { token: 'gzip', suffix: '.gz' },
] as const;

/**
 * `index.html` without the first screen's preloads (tools/build/preload-first-screen.mjs), for the public page of a
 * share link: its visitors never open the console, so they need not download its Models tab.
 */
const PUBLIC_INDEX = 'index.public.html';

const isApi = (req: Request) => req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`);
const isSharePage = (req: Request) => req.path.startsWith(`/${WebRoutes.share}/`);

/**
 * Serves the built console: each file pre-compressed at build time (`.br`, `.gz`) when the browser accepts it,
 * hashed files cached immutably, `index.html` revalidated on every load (so a deploy is seen at once), and
 * `index.html` for any other GET that wants HTML (the console routes in the browser; `index.public.html` for a
 * share link's page).
 */
export function serveConsole(app: NestExpressApplication, distPath: string): void {
  const root = resolve(distPath);
  const index = join(root, 'index.html');
  const publicIndex = existsSync(join(root, PUBLIC_INDEX)) ? join(root, PUBLIC_INDEX) : index;
  if (!existsSync(index)) {
    new Logger('Console').warn(`No built console at ${root}; only the API is served.`);
    return;
  }
  const plain = express.static(root, { index: false, setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlOf(path)) });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (sendPrecompressed(root, req, res)) return;
    return plain(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApi(req) || !req.accepts('html')) return next();
    const page = isSharePage(req) ? publicIndex : index;
    if (sendPrecompressedFile(page, req, res)) return;
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
}

function cacheControlOf(path: string): string {
  return HASHED.test(path) ? IMMUTABLE : 'no-cache';
}

/** Sends `<file>.br` or `<file>.gz` in place of `<file>` when it exists and the client accepts it. */
function sendPrecompressed(root: string, req: Request, res: Response): boolean {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(req.path)).replace(/^([/\\])+/, '');
  } catch {
    return false; // a malformed escape: let the static handler answer it
  }
  const file = join(root, relative);
  if (!file.startsWith(root + sep) || !extname(file)) return false;
  return sendPrecompressedFile(file, req, res);
}

/** Sends `<file>.br` or `<file>.gz` for the existing `file` when the client accepts it; false when it sent nothing. */
function sendPrecompressedFile(file: string, req: Request, res: Response): boolean {
  // Our preference, not the header's order: browsers list gzip first but decode brotli, which is smaller.
  const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.token) === e.token && existsSync(file + e.suffix));
  if (!encoding || !existsSync(file)) return false;
  res.setHeader('Content-Encoding', encoding.token);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', cacheControlOf(file));
  res.type(extname(file));
  res.sendFile(file + encoding.suffix);
  return true;
}
