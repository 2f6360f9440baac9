import { describe, expect, it } from 'vitest';
import type { EpochMetrics, LogitGapHistogram } from '../../core/types';
import { histogramMedian, lossShare, lossSplitReading, runCaption } from './caption';
import { percentText, pointsText } from './numberText';

const EDGES = [0, 2, 4, 6, 8];

/** A histogram with `counts` examples per bin, of which `wrongPerBin` are wrong. */
function histogram(
  counts: number[],
  wrongPerBin: number[] = counts.map(() => 0),
): LogitGapHistogram {
  return {
    edges: EDGES,
    correct: counts.map((count, bin) => count - wrongPerBin[bin]),
    wrong: wrongPerBin,
  };
}

interface EpochParts {
  loss: number;
  accuracy: number;
  counts?: number[];
  wrongCount?: number;
  lossWrong?: number;
}

/** 100 validation examples; by default all in the 2–4 bin, 10 wrong carrying half the loss. */
function epoch(number: number, parts: EpochParts): EpochMetrics {
  const counts = parts.counts ?? [0, 100, 0, 0];
  const wrongCount = parts.wrongCount ?? 10;
  const lossWrong = parts.lossWrong ?? parts.loss / 2;
  return {
    epoch: number,
    trainLoss: 0,
    trainAccuracy: 0,
    validationLoss: parts.loss,
    validationAccuracy: parts.accuracy,
    imagesPerSecond: 0,
    // The wrong examples sit in the first non-empty bin; only the totals matter here.
    logitGapHistogram: histogram(
      counts,
      counts.map((count, bin) => (bin === counts.findIndex((c) => c > 0) ? wrongCount : 0)),
    ),
    validationLossCorrect: parts.loss - lossWrong,
    validationLossWrong: lossWrong,
    wrongCount,
    ece: 0,
    mce: 0,
    reliability: { edges: [0, 1], count: [0], accuracy: [0], confidence: [0] },
  };
}

describe('number wording', () => {
  it('gives percents to 3 significant digits and signed points', () => {
    expect(percentText(0.38)).toBe('38%');
    expect(percentText(0.09123)).toBe('9.12%');
    expect(percentText(1.5)).toBe('150%');
    expect(percentText(Number.NaN)).toBe('—');
    expect(pointsText(0.004)).toBe('+0.4');
    expect(pointsText(-0.012)).toBe('−1.2');
    expect(pointsText(0.00001)).toBe('0');
  });
});

describe('histogramMedian', () => {
  it('interpolates inside the bin holding the middle example', () => {
    // 100 examples: 40 in 0–2, 40 in 2–4 → the 50th lies a quarter into 2–4.
    expect(histogramMedian(histogram([40, 40, 20, 0]))).toEqual({ value: 2.5, atLeast: false });
  });

  it('reports only a lower bound in the open last bin, and null when empty', () => {
    expect(histogramMedian(histogram([10, 0, 0, 90]))).toEqual({ value: 6, atLeast: true });
    expect(histogramMedian(histogram([0, 0, 0, 0]))).toBeNull();
  });
});

describe('lossShare and lossSplitReading', () => {
  it('splits the loss between wrong and all examples', () => {
    const metrics = epoch(40, { loss: 0.5, accuracy: 0.9, wrongCount: 9, lossWrong: 0.465 });
    expect(lossShare(metrics)).toEqual({ wrongCount: 9, wrongFraction: 0.09, lossFraction: 0.93 });
    expect(lossSplitReading(metrics, 100)).toBe(
      'Epoch 40: the 9 wrong examples (9.0%) carry 93.0% of the loss.',
    );
    // A given validation count wins over the histogram's total.
    expect(lossShare(metrics, 200)?.wrongFraction).toBeCloseTo(0.045);
  });

  it('has sentences for no epochs, one wrong example and none', () => {
    expect(lossSplitReading(undefined, null)).toBe('No epochs yet — press Train.');
    const one = epoch(3, { loss: 0.2, accuracy: 0.99, wrongCount: 1, lossWrong: 0.1 });
    expect(lossSplitReading(one, null)).toBe(
      'Epoch 3: the 1 wrong example (1.0%) carries 50.0% of the loss.',
    );
    const none = epoch(5, { loss: 0.1, accuracy: 1, wrongCount: 0, lossWrong: 0 });
    expect(lossSplitReading(none, null)).toBe(
      'Epoch 5: every validation example is classified correctly.',
    );
  });
});

describe('runCaption', () => {
  it('is null before the first epoch', () => {
    expect(runCaption([])).toBeNull();
  });

  it('describes a single epoch without any trend', () => {
    expect(runCaption([epoch(1, { loss: 0.4, accuracy: 0.85 })])).toBe(
      'After epoch 1: 85.0% accuracy, validation loss 0.4; ' +
        'the 10% of examples that are wrong carry 50% of the loss.',
    );
  });

  it('says the loss is at its lowest so far, not that it is falling, while the latest epoch is the best', () => {
    const history = [
      epoch(1, { loss: 0.5, accuracy: 0.8, counts: [100, 0, 0, 0] }),
      epoch(2, { loss: 0.3, accuracy: 0.88 }),
    ];
    expect(runCaption(history)).toBe(
      'Validation loss is at its lowest so far (0.3 at epoch 2) and accuracy is 88.0%; ' +
        'the 10% of examples that are wrong carry 50% of the loss; ' +
        'the median logit gap grew from ≈ 1 to ≈ 3.',
    );
  });

  const story = (losses: number[], first = 1) =>
    losses.map((loss, index) => epoch(first + index, { loss, accuracy: 0.9 }));
  const tail =
    '; the 10% of examples that are wrong carry 50% of the loss; the median logit gap stayed ≈ 3.';

  it('does not call one epoch a rise: lowest at 39, 4.9 % higher at 40', () => {
    expect(runCaption(story([0.5, 0.4, 0.35, 0.3, 0.2, 0.2098], 35))).toBe(
      'Since epoch 39 (lowest validation loss) accuracy has not moved while loss is 4.9% above ' +
        'its lowest, 1 epoch back: too soon to call a rise' +
        tail,
    );
  });

  it('does not call a rise inside the epoch-to-epoch noise a rise', () => {
    // Changes +10, −9.09, +10, −9.09, +5 %: median 5 %, MAD 5 %, noise 1.4826 × 5 % = 7.41 %;
    // the 5 % rise since epoch 1 is inside ±2 × 7.41 % = ±14.8 %.
    expect(runCaption(story([0.3, 0.33, 0.3, 0.33, 0.3, 0.315]))).toBe(
      'Since epoch 1 (lowest validation loss) accuracy has not moved while loss is 5% above its ' +
        'lowest, within its epoch-to-epoch noise (±14.8%)' +
        tail,
    );
  });

  it('calls the two of a single tie level, not a rise', () => {
    expect(runCaption(story([0.5, 0.25, 0.25]))).toBe(
      'Since epoch 2 (lowest validation loss) accuracy has not moved while loss is level with ' +
        'its lowest, 1 epoch back: too soon to call a rise' +
        tail,
    );
  });

  it('tells the over-confidence story once the loss has risen beyond its noise', () => {
    // Changes −25, −33.3, +10, +9.09, +8.33 %: median 8.01 %, MAD 1.53 %, noise 2.27 %;
    // the 40 % rise since epoch 3, four epochs back, is far beyond ±4.54 %.
    const history = [
      ...story([0.4, 0.3]),
      epoch(3, { loss: 0.2, accuracy: 0.9, counts: [40, 40, 20, 0] }),
      ...story([0.22, 0.24, 0.26], 4),
      epoch(7, { loss: 0.28, accuracy: 0.904, counts: [0, 0, 60, 40], lossWrong: 0.2576 }),
    ];
    expect(runCaption(history)).toBe(
      'Since epoch 3 (lowest validation loss) accuracy moved +0.4 points while loss rose 40%; ' +
        'the 10% of examples that are wrong carry 92% of the loss; ' +
        'the median logit gap grew from ≈ 2.5 to ≈ 5.7.',
    );
  });

  it('leaves out the loss share when nothing is wrong', () => {
    const history = [
      epoch(1, { loss: 0.2, accuracy: 1, wrongCount: 0, lossWrong: 0 }),
      epoch(2, { loss: 0.3, accuracy: 1, wrongCount: 0, lossWrong: 0, counts: [0, 0, 0, 100] }),
    ];
    expect(runCaption(history)).toBe(
      'Since epoch 1 (lowest validation loss) accuracy has not moved while loss is 50% above ' +
        'its lowest, 1 epoch back: too soon to call a rise; the median logit gap grew from ≈ 3 to ≥ 6.',
    );
  });

  it('says so when the loss diverged', () => {
    const history = [
      epoch(1, { loss: 0.5, accuracy: 0.8 }),
      epoch(2, { loss: NaN, accuracy: 0.5 }),
    ];
    expect(runCaption(history)).toBe(
      'Epoch 2: validation loss is not a finite number — the run diverged; try a lower learning rate.',
    );
  });
});
