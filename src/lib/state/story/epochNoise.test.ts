import { describe, expect, it } from 'vitest';
import { changeBetween, epochNoise, moveBeyondNoise, NOISE_MULTIPLE } from './epochNoise';

describe('epoch-to-epoch noise', () => {
  it('is 1.4826 × the median absolute deviation of neighbouring changes', () => {
    // Changes +1, −1, +1, −1 (points): median 0, deviations all 1, noise 1.4826.
    expect(epochNoise([0, 1, 0, 1, 0], 'points')).toBeCloseTo(1.4826, 12);
    // Relative: 1 → 2 → 1 → 2 is +100 %, −50 %, +100 %: median 100 %, MAD 0 (two of three agree).
    expect(epochNoise([1, 2, 1, 2], 'relative')).toBe(0);
  });

  it('does not count a steady trend as noise', () => {
    expect(epochNoise([1, 2, 3, 4, 5, 6], 'points')).toBe(0);
  });

  it('is robust to one jump', () => {
    // Changes 1, 1, 1, 100, 1: one outlier leaves the MAD at 0.
    expect(epochNoise([0, 1, 2, 3, 103, 104], 'points')).toBe(0);
  });

  it('needs three changes and skips non-finite values', () => {
    expect(epochNoise([1, 2, 3], 'points')).toBeNaN();
    // 1 → NaN → 3 gives no change; 3 → 5 → 6 → 8 gives 2, 1, 2: median 2, MAD 0.
    expect(epochNoise([1, Number.NaN, 3, 5, 6, 8], 'points')).toBe(0);
  });

  it('calls a move up or down only beyond NOISE_MULTIPLE × the noise', () => {
    expect(NOISE_MULTIPLE).toBe(2);
    expect(moveBeyondNoise(0.049, 0.03)).toBe('within-noise');
    expect(moveBeyondNoise(0.061, 0.03)).toBe('up');
    expect(moveBeyondNoise(-0.061, 0.03)).toBe('down');
    expect(moveBeyondNoise(0, 0)).toBe('within-noise');
    expect(moveBeyondNoise(0.1, Number.NaN)).toBe('unknown');
    expect(changeBetween(0.2, 0.2098, 'relative')).toBeCloseTo(0.049, 12);
    expect(changeBetween(0.1, 0.14, 'points')).toBeCloseTo(0.04, 12);
  });
});
