// A tiny seeded PRNG of our own: Math.random cannot be seeded, and tf's random ops
// depend on the backend, so reproducible shuffling needs plain code like this.

/**
 * mulberry32: a 32-bit state generator, fast and good enough for shuffling.
 * Returns floats in [0, 1) with 32 bits of resolution. The seed is taken modulo 2^32.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent-looking 32-bit seed for sub-stream `stream` (e.g. an epoch
 * number) of a run seed, so epoch k's shuffle does not depend on how many random
 * numbers earlier epochs drew (which makes pause/resume and replay exact).
 */
export function deriveSeed(seed: number, stream: number): number {
  // Golden-ratio multiply spreads consecutive stream numbers over the 32-bit range.
  let mixed = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b) >>> 0;
  return (mixed ^ (mixed >>> 13)) >>> 0;
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates), drawn from `random`. */
export function shuffledIndices(n: number, random: () => number): Int32Array {
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = indices[i];
    indices[i] = indices[j];
    indices[j] = swap;
  }
  return indices;
}
