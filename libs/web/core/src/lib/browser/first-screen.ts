/**
 * The hand-over from `apps/web/src/first-screen/first-screen.js`, which runs before the console's own code: for a
 * returning user opening the Models list it asks the API for the list's first page and the status counts, and paints
 * them as a still picture of the page (`#mi-first-screen`) until the console shows the page itself.
 */

/** One early request: what was asked, and its JSON body (`null` when it failed or was refused). */
export interface EarlyRequest<Q = unknown> {
  query: Q;
  body: Promise<unknown>;
}

export interface FirstScreenHandoff {
  list?: EarlyRequest;
  counts?: EarlyRequest;
  /** Settles once the picture is painted, or once the script decided not to paint it. */
  settled?: Promise<void>;
}

type WindowWithHandoff = Window & { miFirstScreen?: FirstScreenHandoff };

/**
 * Settles when the first-screen script has painted its picture (or decided not to), or after `maxWaitMs`: the console
 * starts after it, since its start takes the page's only thread for most of a second and the picture would wait for
 * it. Settles at once when the script did not run (not the Models list, no session, the script failed to load).
 */
export function firstScreenSettled(maxWaitMs: number): Promise<void> {
  const settled = typeof window === 'undefined' ? undefined : (window as WindowWithHandoff).miFirstScreen?.settled;
  if (!settled) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const longestWait = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
  return Promise.race([settled, longestWait]).finally(() => clearTimeout(timer));
}

/** The early requests, once: whoever takes them answers from them instead of asking again. */
export function takeFirstScreenHandoff(): FirstScreenHandoff {
  if (typeof window === 'undefined') return {};
  const own = window as WindowWithHandoff;
  const handoff = own.miFirstScreen ?? {};
  delete own.miFirstScreen;
  return handoff;
}

/** Removes the still picture: the console now shows the page itself (or another page than the one painted). */
export function releaseFirstScreenPaint(): void {
  if (typeof document === 'undefined') return;
  // Also tells the script not to paint when its answers come after the console's.
  document.documentElement.dataset['consoleShown'] = '';
  document.getElementById('mi-first-screen')?.remove();
}
