import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../core/types';
import { runCaption, scoresMoved, scoringCaption } from './caption';

/** An epoch with only what the scoring captions read (100 examples, 10 wrong). */
function epoch(number: number, loss: number, accuracy: number, brier?: number): EpochMetrics {
  return {
    epoch: number,
    trainLoss: 0,
    trainAccuracy: 0,
    validationLoss: loss,
    validationAccuracy: accuracy,
    imagesPerSecond: 0,
    logitGapHistogram: { edges: [0, 1], correct: [90], wrong: [10] },
    validationLossCorrect: loss / 2,
    validationLossWrong: loss / 2,
    wrongCount: 10,
    ece: 0,
    mce: 0,
    reliability: { edges: [0, 1], count: [0], accuracy: [0], confidence: [0] },
    ...(brier === undefined
      ? {}
      : {
          brier: {
            score: brier,
            reliability: 0.02,
            resolution: 0.3,
            uncertainty: 0.5,
            withinBin: brier - 0.22,
            bins: 10,
          },
        }),
  };
}

describe('scoring captions', () => {
  it('read how NLL, Brier and the error rate moved since the lowest NLL', () => {
    const history = [
      epoch(1, 0.3, 0.88, 0.2),
      epoch(2, 0.238, 0.909, 0.15),
      epoch(3, 0.352, 0.909, 0.1635),
    ];
    expect(scoresMoved(history[1], history[2])).toBe(
      'NLL rose 47.9% while Brier rose 9% and the error rate did not move',
    );
    expect(runCaption(history)).toMatch(
      /^Since epoch 2 \(lowest validation loss\) NLL rose 47\.9% while Brier rose 9% and the error rate did not move; /,
    );
    expect(scoringCaption(history)).toBe(
      'Since epoch 2 (lowest NLL) NLL rose 47.9% while Brier rose 9% and the error rate did not move. ' +
        'Epoch 3: Brier 0.164 = reliability 0.02 − resolution 0.3 + uncertainty 0.5 + within-bin −0.0565.',
    );
  });

  it('name a moving error rate in points', () => {
    expect(scoresMoved(epoch(1, 0.3, 0.9, 0.2), epoch(2, 0.4, 0.88, 0.19))).toBe(
      'NLL rose 33.3% while Brier fell 5% and the error rate moved +2 points',
    );
  });

  it('leave runs without Brier scores as they were', () => {
    const history = [epoch(1, 0.3, 0.88), epoch(2, 0.238, 0.909), epoch(3, 0.352, 0.909)];
    expect(runCaption(history)).toMatch(/accuracy has not moved while loss rose 47\.9%/);
    expect(scoringCaption(history)).toBeNull();
  });
});
