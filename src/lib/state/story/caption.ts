// Sentences computed from a run, shown under the charts so the reader is told what the lines
// mean for *this* run rather than a generic story. Pure: plain epochs in, a string out.

import type { EpochMetrics, LogitGapHistogram } from '../../core/types';
import { formatPercent, formatSignificant } from '../../format';
import { bestEpochs } from './summary';

/** A fraction as a percent to 3 significant digits: 0.38 → "38%", 0.0912 → "9.12%", 1.5 → "150%". */
export function percentText(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${formatSignificant(fraction * 100)}%`;
}

/** A change of accuracy in percentage points, signed: +0.4, −1.2, 0. */
export function pointsText(delta: number): string {
  const points = Number((delta * 100).toFixed(1));
  if (points === 0) return '0';
  return points > 0 ? `+${points}` : `−${Math.abs(points)}`;
}

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

/** A rise below this fraction (0.05%) reads as "level": ties and rounding noise, not a trend. */
const LEVEL_TOLERANCE = 0.0005;

/** Clauses joined "a; b; c." with the first letter capitalised. */
function sentence(clauses: (string | null)[]): string {
  const text = clauses.filter((clause) => clause !== null).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * One or two sentences on the run so far: how accuracy and loss moved since the lowest validation
 * loss, what share of the loss the wrong examples carry, and how the median logit gap moved.
 * Null before the first epoch.
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

  const lowest = bestEpochs(epochs).lowestValidationLoss;
  if (lowest === null || !Number.isFinite(latest.validationLoss)) {
    return sentence([
      `Epoch ${latest.epoch}: validation loss is not a finite number — the run diverged; try a lower learning rate`,
    ]);
  }
  if (lowest === latest) {
    return sentence([
      `Validation loss is still falling (${loss} at epoch ${latest.epoch}, its lowest so far) and accuracy is ${accuracy}`,
      shareClause(latest),
      medianClause(first, latest),
    ]);
  }

  const rise = latest.validationLoss / lowest.validationLoss - 1;
  const accuracyMove = latest.validationAccuracy - lowest.validationAccuracy;
  const movement =
    pointsText(accuracyMove) === '0'
      ? 'accuracy has not moved'
      : `accuracy moved ${pointsText(accuracyMove)} points`;
  const lossMove =
    rise >= LEVEL_TOLERANCE ? `loss rose ${percentText(rise)}` : 'loss is level with its lowest';
  const scores = scoresMoved(lowest, latest);
  return sentence([
    scores === null
      ? `Since epoch ${lowest.epoch} (lowest validation loss) ${movement} while ${lossMove}`
      : `Since epoch ${lowest.epoch} (lowest validation loss) ${scores}`,
    shareClause(latest),
    medianClause(lowest, latest),
  ]);
}

/** "rose 48%", "fell 3.1%", "did not move" (within LEVEL_TOLERANCE of where it was). */
function changeText(from: number, to: number): string {
  if (!(from > 0) || !Number.isFinite(to)) return 'is not a finite number';
  const change = to / from - 1;
  if (Math.abs(change) < LEVEL_TOLERANCE) return 'did not move';
  return change > 0 ? `rose ${percentText(change)}` : `fell ${percentText(-change)}`;
}

/**
 * How the three scores of the same predictions moved between two epochs: "NLL rose 48% while
 * Brier rose 9.12% and the error rate did not move". The error rate moves in points (accuracy's
 * scale), rounded to 0.1. Null unless both epochs carry a Brier score.
 */
export function scoresMoved(from: EpochMetrics, to: EpochMetrics): string | null {
  if (from.brier === undefined || to.brier === undefined) return null;
  const errorMove = pointsText(from.validationAccuracy - to.validationAccuracy);
  const error =
    errorMove === '0' ? 'the error rate did not move' : `the error rate moved ${errorMove} points`;
  return (
    `NLL ${changeText(from.validationLoss, to.validationLoss)} while Brier ` +
    `${changeText(from.brier.score, to.brier.score)} and ${error}`
  );
}

/** "Epoch 40: Brier 0.12 = reliability … − resolution … + …", or why there are no parts (K > 2). */
function brierPartsText(epoch: number, brier: NonNullable<EpochMetrics['brier']>): string {
  if (brier.reliability === null) {
    return (
      `Epoch ${epoch}: Brier ${formatSignificant(brier.score)} over ${brier.classCount} classes ` +
      '(the decomposition into reliability, resolution and uncertainty is shown for two classes only)'
    );
  }
  const { score, reliability, resolution, uncertainty, withinBin } = brier;
  return (
    `Epoch ${epoch}: Brier ${formatSignificant(score)} = reliability ${formatSignificant(reliability)} ` +
    `− resolution ${formatSignificant(resolution)} + uncertainty ${formatSignificant(uncertainty)}` +
    ` + within-bin ${formatSignificant(withinBin).replace('-', '−')}`
  );
}

/**
 * The Brier panel's caption: since the lowest-NLL epoch, how NLL, Brier and the error rate moved,
 * and the latest Brier score's decomposition (two classes; K > 2 says it has none). Null before
 * any epoch with a Brier score.
 */
export function scoringCaption(epochs: readonly EpochMetrics[]): string | null {
  const latest = epochs.at(-1);
  if (latest?.brier === undefined) return null;
  const parts = brierPartsText(latest.epoch, latest.brier);
  const lowest = bestEpochs(epochs).lowestValidationLoss;
  const moved = lowest && lowest !== latest ? scoresMoved(lowest, latest) : null;
  return moved === null
    ? sentence([parts])
    : `${sentence([`Since epoch ${lowest?.epoch} (lowest NLL) ${moved}`])} ${sentence([parts])}`;
}
