import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawMixup, LAMBDA_MIN, mixBatch, mixupStepSeed, sampleSymmetricBeta } from './mixup';
import { mulberry32 } from '../prng';
import { dropoutStepSeed } from './seededDropout';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('mixup draws', () => {
  it('repeat for the same (seed, epoch, batch) and differ between steps and from dropout', () => {
    const a = drawMixup(0.4, mixupStepSeed(1, 2, 3), 16);
    const b = drawMixup(0.4, mixupStepSeed(1, 2, 3), 16);
    expect(b.lambda).toBe(a.lambda);
    expect(Array.from(b.permutation)).toEqual(Array.from(a.permutation));
    const seeds = [
      mixupStepSeed(1, 2, 3),
      mixupStepSeed(1, 2, 4),
      mixupStepSeed(1, 3, 3),
      mixupStepSeed(2, 2, 3),
      dropoutStepSeed(1, 2, 3),
    ];
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(drawMixup(0.4, seeds[1], 16).lambda).not.toBe(a.lambda);
  });

  it('gives a permutation of the batch and λ strictly inside (0, 1)', () => {
    for (const alpha of [0.05, 0.2, 1, 2]) {
      for (let step = 0; step < 500; step++) {
        const { lambda, permutation } = drawMixup(alpha, mixupStepSeed(7, 0, step), 8);
        expect(lambda).toBeGreaterThan(0);
        expect(lambda).toBeLessThan(1);
        expect(lambda).toBeGreaterThanOrEqual(LAMBDA_MIN);
        expect([...permutation].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      }
    }
  });

  it.each([0.2, 1, 2])('λ ~ Beta(α, α) with α = %s: mean 1/2, variance 1/(4(2α + 1))', (alpha) => {
    const random = mulberry32(11);
    const samples = Array.from({ length: 20000 }, () => sampleSymmetricBeta(alpha, random));
    const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
    const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / samples.length;
    expect(mean).toBeCloseTo(0.5, 1);
    expect(variance).toBeCloseTo(1 / (4 * (2 * alpha + 1)), 2);
  });
});

describe('mixBatch', () => {
  it('blends images and one-hot targets with the same λ and partner', () => {
    const draw = { lambda: 0.75, permutation: Int32Array.from([2, 0, 1]) };
    const { images, targets } = tf.tidy(() => {
      const x = tf.tensor4d([1, 2, 3], [3, 1, 1, 1]);
      const y = tf.tensor2d([1, 0, 0, 1, 0, 1], [3, 2]);
      const mixed = mixBatch(x, y, draw);
      return { images: mixed.images.dataSync(), targets: mixed.targets.dataSync() };
    });
    // Row i blends with row permutation[i]: 0.75·x_i + 0.25·x_perm(i).
    expect(Array.from(images)).toEqual([
      0.75 * 1 + 0.25 * 3,
      0.75 * 2 + 0.25 * 1,
      0.75 * 3 + 0.25 * 2,
    ]);
    // Row 0 (class 0) with row 2 (class 1): (0.75, 0.25); rows 1 and 2 are both class 1.
    expect(Array.from(targets)).toEqual([0.75, 0.25, 0.25, 0.75, 0, 1]);
  });
});
