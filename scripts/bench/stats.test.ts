import { describe, expect, it } from 'vitest';
// The whole module under test, named where it is called.
import * as stats from './stats.mjs';

describe('quantile', () => {
  it('interpolates between order statistics (NumPy default)', () => {
    expect(stats.quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(stats.quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75);
    expect(stats.quantile([7], 0.9)).toBe(7);
  });

  it('ignores non-finite values and gives null when none are left', () => {
    expect(stats.median([Number.NaN, 3, Number.POSITIVE_INFINITY, 1])).toBe(2);
    expect(stats.median([])).toBeNull();
    expect(stats.median([Number.NaN])).toBeNull();
  });

  it('rejects q outside [0, 1]', () => {
    expect(() => stats.quantile([1], 1.5)).toThrow(RangeError);
    expect(() => stats.quantile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports n, median, extremes and quartiles', () => {
    expect(stats.summarize([5, 1, 3])).toEqual({ n: 3, median: 3, min: 1, max: 5, p25: 2, p75: 4 });
  });

  it('is null without data, so nothing unmeasured gets a number', () => {
    expect(stats.summarize([])).toBeNull();
  });
});

describe('imagesPerSecond', () => {
  it('converts one epoch to a rate', () => {
    expect(stats.imagesPerSecond({ ms: 2000, images: 128 })).toBe(64);
  });

  it('refuses a zero or negative duration instead of printing Infinity', () => {
    expect(() => stats.imagesPerSecond({ ms: 0, images: 10 })).toThrow(RangeError);
    expect(() => stats.imagesPerSecond({ ms: -1, images: 10 })).toThrow(RangeError);
  });
});

describe('pairedRatios', () => {
  it('divides round by round and skips incomplete pairs', () => {
    expect(stats.pairedRatios([2, 6, Number.NaN], [1, 3, 4])).toEqual([2, 2]);
    expect(stats.pairedRatios([1], [0])).toEqual([]);
  });

  it('refuses unpaired inputs', () => {
    expect(() => stats.pairedRatios([1, 2], [1])).toThrow(RangeError);
  });
});

describe('isNonDecreasing', () => {
  it('accepts rises and dips within the tolerance', () => {
    expect(stats.isNonDecreasing([1, 2, 2, 3])).toBe(true);
    expect(stats.isNonDecreasing([100, 96, 120], 0.05)).toBe(true);
  });

  it('rejects a fall beyond the tolerance', () => {
    expect(stats.isNonDecreasing([100, 94], 0.05)).toBe(false);
    expect(stats.isNonDecreasing([2, 1])).toBe(false);
  });
});

describe('linearFit', () => {
  it('recovers an exact line with R² = 1', () => {
    const fit = stats.linearFit([500, 2000, 6000], [1010, 4010, 12010]);
    expect(fit?.slope).toBeCloseTo(2);
    expect(fit?.intercept).toBeCloseTo(10);
    expect(fit?.r2).toBeCloseTo(1);
  });

  it('gives R² < 1 for a curve, null without two distinct xs', () => {
    expect(stats.linearFit([1, 2, 3], [1, 4, 9])?.r2).toBeLessThan(1);
    expect(stats.linearFit([1], [1])).toBeNull();
    expect(stats.linearFit([2, 2], [1, 3])).toBeNull();
  });
});
