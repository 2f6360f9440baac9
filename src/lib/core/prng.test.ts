import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, shuffledIndices } from './prng';

describe('mulberry32', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, mulberry32(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in [0, 1) and looks uniform', () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 20_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});

describe('deriveSeed', () => {
  it('gives different 32-bit seeds per stream, reproducibly', () => {
    const seeds = Array.from({ length: 100 }, (_, epoch) => deriveSeed(1, epoch));
    expect(new Set(seeds).size).toBe(100);
    expect(deriveSeed(1, 5)).toBe(seeds[5]);
    expect(deriveSeed(2, 5)).not.toBe(seeds[5]);
    for (const seed of seeds) expect(seed >>> 0).toBe(seed);
  });
});

describe('shuffledIndices', () => {
  it('is a permutation, reproducible from the seed', () => {
    const a = shuffledIndices(50, mulberry32(3));
    const b = shuffledIndices(50, mulberry32(3));
    expect(a).toBeInstanceOf(Int32Array);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(shuffledIndices(50, mulberry32(4)))).not.toEqual(Array.from(a));
  });

  it('handles 0 and 1 elements', () => {
    expect(shuffledIndices(0, mulberry32(1))).toHaveLength(0);
    expect(Array.from(shuffledIndices(1, mulberry32(1)))).toEqual([0]);
  });
});
