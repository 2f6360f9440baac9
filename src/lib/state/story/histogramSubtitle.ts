// The logit-gap histogram's subtitle, read from the run: it used to say the bars "drift right —
// the model grows surer, even about the ones it gets wrong" whatever the run did. Now each claim
// is the median margin's move from epoch 1 to the latest, beyond its own epoch-to-epoch noise
// (epochNoise.ts), for all examples and for the wrong ones alone. Pure.

import type { EpochMetrics, LogitGapHistogram } from '../../core/types';
import { formatSignificant } from '../../format';
import { histogramMedian } from './caption';
import { changeBetween, epochNoise, moveBeyondNoise, type Move } from './epochNoise';

/** The median margin of a histogram's examples, all or the wrong ones only; NaN when none. */
function medianMargin(histogram: LogitGapHistogram, wrongOnly: boolean): number {
  const counts = wrongOnly ? { ...histogram, correct: histogram.correct.map(() => 0) } : histogram;
  return histogramMedian(counts)?.value ?? Number.NaN;
}

function medianMove(epochs: readonly EpochMetrics[], wrongOnly: boolean) {
  const medians = epochs.map((metrics) => medianMargin(metrics.logitGapHistogram, wrongOnly));
  const first = medians[0];
  const last = medians[medians.length - 1];
  const move: Move = moveBeyondNoise(
    changeBetween(first, last, 'relative'),
    epochNoise(medians, 'relative'),
  );
  return { first, last, move };
}

/** "The bars drift right (median margin ≈ 1 → ≈ 8.7): …", or what the run shows instead. */
export function histogramSubtitle(epochs: readonly EpochMetrics[]): string {
  if (epochs.length < 2) return 'Over the epochs, watch whether the bars drift right.';
  const all = medianMove(epochs, false);
  const medians = `median margin ≈ ${formatSignificant(all.first, 2)} → ≈ ${formatSignificant(all.last, 2)}`;
  if (all.move === 'unknown') {
    return `Too few epochs yet to tell a drift from noise (${medians}).`;
  }
  if (all.move === 'within-noise') {
    return `So far the bars stay put: the ${medians} is inside its epoch-to-epoch noise.`;
  }
  if (all.move === 'down') {
    return `The bars drift left (${medians}): the model grows less sure.`;
  }
  const wrong = medianMove(epochs, true);
  const ofWrong =
    wrong.move === 'up'
      ? ', even about the ones it gets wrong (hatched)'
      : '; its wrong answers (hatched) do not, beyond their noise';
  return `The bars drift right (${medians}): the model grows surer${ofWrong}.`;
}
