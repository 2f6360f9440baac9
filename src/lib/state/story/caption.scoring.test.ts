import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../core/types';
import { runCaption } from './caption';
import { scoresMoved, scoringCaption } from './scoringCaption';

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

/** NLL lowest at epoch 3, then +10, +9.09, +8.33, +7.69 %: a rise of 40 % beyond its ±4.54 % noise. */
const NLL = [0.4, 0.3, 0.2, 0.22, 0.24, 0.26, 0.28];

function run(brier: number[], accuracy: number[] = NLL.map(() => 0.9)): EpochMetrics[] {
  return NLL.map((loss, index) => epoch(index + 1, loss, accuracy[index], brier[index]));
}

describe('scoring captions', () => {
  it('name a Brier change inside its own epoch-to-epoch noise as such, not a rise', () => {
    // Brier changes −20, −6.25, +6.67, −6.25, +6.67, −3.13 %: median −4.69 %, MAD 6.46 %,
    // noise 1.4826 × 6.46 % = 9.58 %; +3.33 % since epoch 3 is inside ±19.2 %.
    const history = run([0.2, 0.16, 0.15, 0.16, 0.15, 0.16, 0.155]);
    const moved =
      'NLL rose 40%; Brier changed +3.33%, within its noise (±19.2%); ' +
      'the error rate did not move';
    expect(scoresMoved(history)).toBe(moved);
    expect(runCaption(history)).toMatch(`Since epoch 3 (lowest validation loss) ${moved}; `);
    expect(scoringCaption(history)).toBe(
      `Since epoch 3 (lowest NLL) ${moved}. Epoch 7: Brier 0.155 = reliability 0.02 − ` +
        'resolution 0.3 + uncertainty 0.5 + within-bin −0.065 (325% of reliability: not small ' +
        'at 10 bins; more bins would shrink it).',
    );
  });

  it('name rises beyond the noise: Brier in percent, the error rate in points', () => {
    // Brier changes −10, −16.7, +6.67, +6.25, +5.88, +5.56 %: MAD 0.556 %, noise 0.82 %; +26.7 %.
    // Error rate +1 point an epoch from epoch 3: no spread, so +4 points is beyond it.
    const history = run(
      [0.2, 0.18, 0.15, 0.16, 0.17, 0.18, 0.19],
      [0.9, 0.9, 0.9, 0.89, 0.88, 0.87, 0.86],
    );
    expect(scoresMoved(history)).toBe(
      'NLL rose 40%; Brier rose 26.7%; the error rate moved +4 points',
    );
  });

  it('call nothing a rise one epoch after the lowest NLL', () => {
    const history = [
      epoch(38, 0.3, 0.9, 0.2),
      epoch(39, 0.2, 0.9, 0.15),
      epoch(40, 0.2098, 0.91, 0.16),
    ];
    expect(scoresMoved(history)).toBe(
      'NLL is 4.9% above its lowest, 1 epoch back: too soon to call a rise; Brier changed ' +
        '+6.67%, too few epochs to tell from noise; the error rate moved −1 points, too few ' +
        'epochs to tell from noise',
    );
  });

  it('leave runs without Brier scores to the loss words', () => {
    const history = NLL.map((loss, index) => epoch(index + 1, loss, 0.9));
    expect(runCaption(history)).toMatch(/accuracy has not moved while loss rose 40%/);
    expect(scoringCaption(history)).toBeNull();
  });
});
