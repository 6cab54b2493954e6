import compression from 'compression';
import type { RequestHandler } from 'express';
import { constants } from 'node:zlib';

/** Below this, compression costs more than it saves. */
const THRESHOLD_BYTES = 1024;

/**
 * Compresses API responses (JSON, CSV, problem documents) with brotli or gzip when the client accepts it and they
 * are over 1 kB. Brotli at quality 4: most of its gain at a fraction of the CPU of its default 11. Files the console
 * serves pre-compressed carry their Content-Encoding already and pass through.
 *
 * A request without Accept-Encoding (API scripts, not browsers) is never compressed, so it skips the middleware's
 * per-request work (wrapping the response, negotiating at its headers) and only gets the `Vary` that caches need.
 */
export function compressResponses(): RequestHandler {
  const compress = compression({ threshold: THRESHOLD_BYTES, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } } });
  return (req, res, next) => {
    if (req.headers['accept-encoding'] !== undefined) return compress(req, res, next);
    res.setHeader('Vary', 'Accept-Encoding');
    next();
  };
}
