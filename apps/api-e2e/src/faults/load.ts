import { Agent, request as httpRequest } from 'node:http';

export interface Outcome {
  status: number | null;
  error: string | null;
  ms: number;
  contentType: string | null;
  retryAfter: string | null;
  at: number;
}

/** One HTTP request that records what became of it instead of throwing. */
export function timedRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {}): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: init.agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? null, error: null, ms: Date.now() - started, contentType: res.headers['content-type'] ?? null, retryAfter: (res.headers['retry-after'] as string) ?? null, at: started }),
      );
      res.on('error', (error) => resolve({ status: null, error: (error as NodeJS.ErrnoException).code ?? error.message, ms: Date.now() - started, contentType: null, retryAfter: null, at: started }));
    });
    req.on('error', (error) => resolve({ status: null, error: (error as NodeJS.ErrnoException).code ?? error.message, ms: Date.now() - started, contentType: null, retryAfter: null, at: started }));
    if (init.body) req.end(init.body);
    else req.end();
  });
}

/** Keeps `concurrency` loops sending `next()` requests until stopped; returns every outcome. */
export function steadyLoad(concurrency: number, next: (i: number) => Promise<Outcome>): { stop(): Promise<Outcome[]> } {
  const outcomes: Outcome[] = [];
  let running = true;
  let counter = 0;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) outcomes.push(await next(counter++));
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
