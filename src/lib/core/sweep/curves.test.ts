import { describe, expect, it } from 'vitest';
import { seedAveragedCurve } from './curves';
import { fixtureRun } from './sweepFile.fixture';

describe('seed-averaged curve', () => {
  it('averages each epoch over the seeds that reached it, by hand', () => {
    const first = fixtureRun('plain', 0, 1);
    const second = fixtureRun('plain', 0, 2);
    // The second seed stopped early after epoch 2.
    second.curves = {
      epoch: [1, 2],
      trainLoss: [0.6, 0.4],
      trainAccuracy: [0.7, 0.8],
      calibrationLoss: [0.3, 0.2],
      validationLoss: [0.7, 0.5],
      validationAccuracy: [0.7, 0.8],
      ece: [0.1, 0.1],
    };
    const band = seedAveragedCurve(
      { runs: [first, second, fixtureRun('other', 1, 1)] },
      'plain',
      'validationLoss',
    );
    // First seed: 0.5, 0.41, 0.46.
    expect(band.epoch).toEqual([1, 2, 3]);
    expect(band.count).toEqual([2, 2, 1]);
    expect(band.mean[0]).toBeCloseTo(0.6, 12);
    expect(band.mean[1]).toBeCloseTo(0.455, 12);
    expect(band.mean[2]).toBeCloseTo(0.46, 12);
    expect(band.sd[0]).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(band.sd[2]).toBeNaN();
    expect([band.min[1], band.max[1]]).toEqual([0.41, 0.5]);
  });
});
