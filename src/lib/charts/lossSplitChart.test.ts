import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../core/types';
import { lossSplitPoints } from './lossSplitChart';

function metrics(epoch: number): EpochMetrics {
  return {
    epoch,
    trainLoss: 0.1,
    trainAccuracy: 0.95,
    validationLoss: 0.4,
    validationAccuracy: 0.9,
    imagesPerSecond: 1,
    logitGapHistogram: { edges: [0, 1, 2], correct: [150, 30], wrong: [15, 5] },
    validationLossCorrect: 0.1,
    validationLossWrong: 0.3,
    wrongCount: 20,
    ece: 0.05,
    mce: 0.2,
    reliability: { edges: [0, 1], count: [200], accuracy: [0.9], confidence: [0.95] },
  };
}

describe('lossSplitPoints', () => {
  it('stacks the two loss parts and gives the wrong share of the validation set', () => {
    expect(lossSplitPoints(metrics(3), 400)).toEqual({
      correct: { x: 3, y: 0.1 },
      wrong: { x: 3, y: 0.3 },
      wrongShare: { x: 3, y: 0.05 },
    });
  });

  it('counts the validation set from the histogram when no count is given', () => {
    expect(lossSplitPoints(metrics(3), null).wrongShare.y).toBeCloseTo(0.1);
  });
});
