// Sentences computed from a run, shown under the charts so the reader is told what the lines
// mean for *this* run rather than a generic story. Pure: plain epochs in, a string out.

import type { EpochMetrics, LogitGapHistogram } from '../../core/types';
import { formatPercent, formatSignificant } from '../../format';
import { percentText, pointsText, sentence } from './numberText';
import { lossTrend, lossWords } from './lossTrend';
import { scoresMoved } from './scoringCaption';

export interface HistogramMedian {
  value: number;
  /** True when the median falls in the open-ended last bin: the value is that bin's lower edge. */
  atLeast: boolean;
}

/**
 * The median logit gap (the margin, top − runner-up, for K classes) estimated from binned counts: linear interpolation inside the bin that
 * holds the middle example (the usual grouped-data median). The last bin is open-ended, so a
 * median there is only known to be at least its lower edge.
 */
export function histogramMedian(histogram: LogitGapHistogram): HistogramMedian | null {
  const { edges, correct, wrong } = histogram;
  const bins = edges.length - 1;
  const counts = Array.from({ length: bins }, (_, bin) => (correct[bin] ?? 0) + (wrong[bin] ?? 0));
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (bins < 1 || total === 0) return null;
  const half = total / 2;
  let below = 0;
  for (let bin = 0; bin < bins; bin++) {
    const count = counts[bin];
    if (count > 0 && below + count >= half) {
      if (bin === bins - 1) return { value: edges[bin], atLeast: true };
      const within = (half - below) / count;
      return { value: edges[bin] + within * (edges[bin + 1] - edges[bin]), atLeast: false };
    }
    below += count;
  }
  return null;
}

function medianText(median: HistogramMedian): string {
  return median.atLeast
    ? `≥ ${formatSignificant(median.value, 2)}`
    : `≈ ${formatSignificant(median.value, 2)}`;
}

/** Validation examples in an epoch: the histogram counts every one of them once. */
export function validationTotal(metrics: EpochMetrics): number {
  const { correct, wrong } = metrics.logitGapHistogram;
  return [...correct, ...wrong].reduce((sum, count) => sum + count, 0);
}

export interface LossShare {
  wrongCount: number;
  /** Wrong examples as a fraction of all validation examples. */
  wrongFraction: number;
  /** The wrong examples' part of the mean validation loss, as a fraction of it. */
  lossFraction: number;
}

/** How much of an epoch's validation loss the misclassified examples carry; null if unknown. */
export function lossShare(
  metrics: EpochMetrics,
  validationCount?: number | null,
): LossShare | null {
  const total = validationCount ?? validationTotal(metrics);
  const { wrongCount, validationLossWrong, validationLoss } = metrics;
  if (!(total > 0) || !Number.isFinite(wrongCount) || !Number.isFinite(validationLossWrong)) {
    return null;
  }
  if (!(validationLoss > 0)) return null;
  return {
    wrongCount,
    wrongFraction: wrongCount / total,
    lossFraction: validationLossWrong / validationLoss,
  };
}

/** "Epoch 40: the 182 wrong examples (9.1%) carry 93.0% of the loss." */
export function lossSplitReading(
  metrics: EpochMetrics | undefined,
  validationCount?: number | null,
): string {
  if (metrics === undefined) return 'No epochs yet — press Train.';
  const share = lossShare(metrics, validationCount);
  if (share === null) return `Epoch ${metrics.epoch}: no loss split recorded.`;
  if (share.wrongCount === 0) {
    return `Epoch ${metrics.epoch}: every validation example is classified correctly.`;
  }
  const examples =
    share.wrongCount === 1 ? 'the 1 wrong example' : `the ${share.wrongCount} wrong examples`;
  const verb = share.wrongCount === 1 ? 'carries' : 'carry';
  return (
    `Epoch ${metrics.epoch}: ${examples} (${formatPercent(share.wrongFraction)}) ` +
    `${verb} ${formatPercent(share.lossFraction)} of the loss.`
  );
}

function shareClause(metrics: EpochMetrics): string | null {
  const share = lossShare(metrics);
  if (share === null || share.wrongCount === 0) return null;
  return (
    `the ${percentText(share.wrongFraction)} of examples that are wrong carry ` +
    `${percentText(share.lossFraction)} of the loss`
  );
}

/** K classes of an epoch's logits: two unless it says more (core/types.ts EpochMetrics.classCount). */
function classesOf(metrics: EpochMetrics): number {
  return metrics.classCount ?? 2;
}

function medianClause(from: EpochMetrics, to: EpochMetrics): string | null {
  const before = histogramMedian(from.logitGapHistogram);
  const after = histogramMedian(to.logitGapHistogram);
  if (before === null || after === null) return null;
  // Two classes have one gap |z1 − z0|; with more, the histogram bins top − runner-up.
  const name =
    classesOf(to) > 2 ? 'the median margin (top − runner-up logit)' : 'the median logit gap';
  const verb =
    after.value > before.value ? 'grew' : after.value < before.value ? 'shrank' : 'stayed';
  if (verb === 'stayed') return `${name} stayed ${medianText(after)}`;
  return `${name} ${verb} from ${medianText(before)} to ${medianText(after)}`;
}

/**
 * One or two sentences on the run so far: how accuracy and loss moved since the lowest validation
 * loss, what share of the loss the wrong examples carry, and how the median logit gap moved. A
 * rise is named only as lossTrend allows (far enough back, beyond the noise). Null before the
 * first epoch.
 */
export function runCaption(epochs: readonly EpochMetrics[]): string | null {
  const latest = epochs.at(-1);
  if (latest === undefined) return null;
  const first = epochs[0];
  const accuracy = formatPercent(latest.validationAccuracy);
  const loss = formatSignificant(latest.validationLoss);
  if (epochs.length === 1) {
    return sentence([
      `After epoch ${latest.epoch}: ${accuracy} accuracy, validation loss ${loss}`,
      shareClause(latest),
    ]);
  }
  const trend = lossTrend(epochs);
  if (trend === null) {
    return sentence([
      `Epoch ${latest.epoch}: validation loss is not a finite number — the run diverged; try a lower learning rate`,
    ]);
  }
  if (trend.kind === 'lowest') {
    return sentence([
      `Validation loss is at its lowest so far (${loss} at epoch ${latest.epoch}) and accuracy is ${accuracy}`,
      shareClause(latest),
      medianClause(first, latest),
    ]);
  }
  const { lowest } = trend;
  const since = `Since epoch ${lowest.epoch} (lowest validation loss)`;
  const scores = scoresMoved(epochs);
  const accuracyMove = pointsText(latest.validationAccuracy - lowest.validationAccuracy);
  const movement =
    accuracyMove === '0' ? 'accuracy has not moved' : `accuracy moved ${accuracyMove} points`;
  return sentence([
    scores === null ? `${since} ${movement} while ${lossWords(trend)}` : `${since} ${scores}`,
    shareClause(latest),
    medianClause(lowest, latest),
  ]);
}
