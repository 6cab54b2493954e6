// @ts-check
// A small seeded PRNG (mulberry32) and helpers, so generated data is the same for the same seed number.

/** @typedef {{ next: () => number, int: (n: number) => number, chance: (p: number) => boolean,
 *   pick: <T>(list: readonly T[]) => T, hex: (length: number) => string }} Random */

/**
 * @param {number} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (/** @type {number} */ n) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[int(list.length)],
    hex: (length) => {
      let out = '';
      while (out.length < length)
        out += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      return out.slice(0, length);
    },
  };
}

/** Mixes numbers into one 32-bit seed (for per-item generators derived from the main seed). @param {number[]} parts */
export function mixSeed(...parts) {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return h >>> 0;
}

/** A stable fraction in [0, 1) for a string (permission filters pick hidden models with it). @param {string} text */
export function fractionOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++)
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return mixSeed(h) / 4294967296;
}
