import { describe, expect, it } from 'vitest';
import { ghostPoints } from './lossSync';
import type { EpochMetrics } from '../core/types';

/** Only the validation fields matter to the ghost lines. */
function metrics(epoch: number): EpochMetrics {
  return { epoch, validationLoss: 0.4, validationAccuracy: 0.9 } as EpochMetrics;
}

describe('ghostPoints', () => {
  it('maps a previous run to its validation lines, or none', () => {
    expect(ghostPoints(null)).toEqual({ loss: [], accuracy: [] });
    expect(ghostPoints([metrics(1), metrics(2)])).toEqual({
      loss: [
        { x: 1, y: 0.4 },
        { x: 2, y: 0.4 },
      ],
      accuracy: [
        { x: 1, y: 0.9 },
        { x: 2, y: 0.9 },
      ],
    });
  });
});
