import { describe, expect, it } from 'vitest';
import { splitCounts, stratifiedSplit, validationCount } from './split';

describe('validationCount', () => {
  it('holds out round(count × percent / 100) of each class', () => {
    expect(validationCount(10, 20)).toBe(2); // 2.0
    expect(validationCount(13, 20)).toBe(3); // 2.6
    expect(validationCount(13, 50)).toBe(7); // 6.5 rounds up
    expect(validationCount(20_000, 5)).toBe(1000);
  });

  it('keeps at least one image on each side', () => {
    expect(validationCount(10, 5)).toBe(1); // 0.5 rounds up
    expect(validationCount(2, 50)).toBe(1);
    expect(validationCount(3, 5)).toBe(1); // 0.15 would be none
  });
});

describe('stratifiedSplit', () => {
  const counts: [number, number] = [10, 13];

  it('gives each class the same share: 10 and 13 images at 20 % → 8 + 10 train, 2 + 3 validation', () => {
    expect(splitCounts(counts, 20)).toEqual({ train: [8, 10], validation: [2, 3] });
    const { train, validation } = stratifiedSplit(counts, 20, 1);
    expect(train).toHaveLength(18);
    expect(validation).toHaveLength(5);
    // Dataset order: class 0 (indices 0…9) first, ascending, then class 1 (10…22).
    expect([...validation].filter((index) => index < 10)).toHaveLength(2);
    expect([...validation].filter((index) => index >= 10)).toHaveLength(3);
    expect([...validation]).toEqual([...validation].sort((a, b) => a - b));
    expect([...train]).toEqual([...train].sort((a, b) => a - b));
  });

  it('uses every image exactly once', () => {
    const { train, validation } = stratifiedSplit(counts, 20, 1);
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 23 }, (_, i) => i),
    );
  });

  it('is the same split for the same seed, and another for another seed', () => {
    const first = stratifiedSplit(counts, 20, 1);
    expect(stratifiedSplit(counts, 20, 1)).toEqual(first);
    const others = [2, 3, 4, 5].map((seed) => [...stratifiedSplit(counts, 20, seed).validation]);
    expect(others.some((held) => held.join() !== [...first.validation].join())).toBe(true);
  });
});
