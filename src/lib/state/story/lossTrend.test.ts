import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../core/types';
import { lossTrend, MIN_EPOCHS_SINCE_LOWEST } from './lossTrend';

const epochs = (losses: number[], first = 1) =>
  losses.map((validationLoss, index) => ({ epoch: first + index, validationLoss }) as EpochMetrics);

describe('lossTrend', () => {
  it('needs the lowest 3 epochs back: epoch 39 → 40 at +4.9 % is too recent, whatever the noise', () => {
    expect(MIN_EPOCHS_SINCE_LOWEST).toBe(3);
    const trend = lossTrend(epochs([0.5, 0.4, 0.35, 0.3, 0.2, 0.2098], 35));
    expect(trend).toMatchObject({ kind: 'too-recent', epochsBack: 1 });
    expect(trend?.kind === 'too-recent' && trend.rise).toBeCloseTo(0.049, 12);
    // Two epochs back is still too recent, three is not.
    expect(lossTrend(epochs([0.3, 0.2, 0.22, 0.24]))?.kind).toBe('too-recent');
    expect(lossTrend(epochs([0.3, 0.2, 0.22, 0.24, 0.26]))?.kind).toBe('rose');
  });

  it('weighs the rise against the run’s own noise', () => {
    // Noise 1.4826 × 5 % = 7.41 % (caption.test.ts works it out): +5 % is inside ±14.8 %.
    const noisy = lossTrend(epochs([0.3, 0.33, 0.3, 0.33, 0.3, 0.315]));
    expect(noisy).toMatchObject({ kind: 'within-noise' });
    expect(noisy?.kind === 'within-noise' && noisy.noise).toBeCloseTo(1.4826 * 0.05, 10);
    // Same rise after a steady climb: beyond its noise.
    expect(lossTrend(epochs([0.3, 0.3, 0.3, 0.3, 0.3, 0.315]))?.kind).toBe('rose');
  });

  it('is "lowest" at a new low and null before two epochs or after a diverged one', () => {
    expect(lossTrend(epochs([0.3, 0.2]))).toEqual({ kind: 'lowest' });
    expect(lossTrend(epochs([0.3]))).toBeNull();
    expect(lossTrend(epochs([0.3, Number.NaN]))).toBeNull();
  });
});
