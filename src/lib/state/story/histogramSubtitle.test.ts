import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../core/types';
import { histogramSubtitle } from './histogramSubtitle';

const EDGES = [0, 2, 4, 6, 8];

/** 100 examples: 90 right in bin `rightBin`, 10 wrong in bin `wrongBin`. */
function epoch(number: number, rightBin: number, wrongBin: number): EpochMetrics {
  const correct = EDGES.slice(1).map((_, bin) => (bin === rightBin ? 90 : 0));
  const wrong = EDGES.slice(1).map((_, bin) => (bin === wrongBin ? 10 : 0));
  return { epoch: number, logitGapHistogram: { edges: EDGES, correct, wrong } } as EpochMetrics;
}

const run = (bins: [number, number][]) =>
  bins.map(([right, wrong], i) => epoch(i + 1, right, wrong));

describe('the histogram’s subtitle', () => {
  it('says the bars drift right, wrong answers too, when both medians climb beyond their noise', () => {
    // Medians 1, 3, 5, ≥ 6 (the open last bin): changes +200, +66.7, +20 %, noise 69 %; +500 % is beyond.
    expect(
      histogramSubtitle(
        run([
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ]),
      ),
    ).toBe(
      'The bars drift right (median margin ≈ 1 → ≈ 6): the model grows surer, ' +
        'even about the ones it gets wrong (hatched).',
    );
  });

  it('does not claim the wrong answers drift when they stay', () => {
    // All: 1, 2.89, 4.89, ≥ 6; the wrong ones sit at ≈ 1 throughout.
    expect(
      histogramSubtitle(
        run([
          [0, 0],
          [1, 0],
          [2, 0],
          [3, 0],
        ]),
      ),
    ).toBe(
      'The bars drift right (median margin ≈ 1 → ≈ 6): the model grows surer; ' +
        'its wrong answers (hatched) do not, beyond their noise.',
    );
  });

  it('says the bars stay put when the median only wobbles', () => {
    // Medians 3, 1, 3, 1, 3: the change from epoch 1 is 0, inside any noise.
    expect(
      histogramSubtitle(
        run([
          [1, 1],
          [0, 0],
          [1, 1],
          [0, 0],
          [1, 1],
        ]),
      ),
    ).toBe(
      'So far the bars stay put: the median margin ≈ 3 → ≈ 3 is inside its epoch-to-epoch noise.',
    );
  });

  it('claims nothing before it can measure the noise', () => {
    expect(histogramSubtitle(run([[0, 0]]))).toBe(
      'Over the epochs, watch whether the bars drift right.',
    );
    expect(
      histogramSubtitle(
        run([
          [0, 0],
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toBe('Too few epochs yet to tell a drift from noise (median margin ≈ 1 → ≈ 5).');
  });
});
