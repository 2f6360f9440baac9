// The three-scores panel's caption: how NLL, Brier and the error rate moved since the lowest NLL,
// each named a rise or a fall only beyond its own epoch-to-epoch noise, and the latest Brier
// score's decomposition with its within-bin term sized, not assumed. Pure.

import type { EpochMetrics } from '../../core/types';
import { formatSignificant } from '../../format';
import { changeBetween, epochNoise, moveBeyondNoise, NOISE_MULTIPLE } from './epochNoise';
import { lossTrend, lossWords } from './lossTrend';
import { percentText, pointsText, sentence } from './numberText';
import { withinBinText } from './withinBin';

/** "+6.46%", "−3.1%". */
function signedPercent(change: number): string {
  return change < 0 ? `−${percentText(-change)}` : `+${percentText(change)}`;
}

/** "Brier rose 9.12%", "Brier fell 3%", or "Brier changed +6.46%, within its noise (±13.3%)". */
function brierMove(epochs: readonly EpochMetrics[], from: number, to: number): string {
  const change = changeBetween(from, to, 'relative');
  if (!Number.isFinite(change)) return 'Brier is not a finite number';
  const noise = epochNoise(
    epochs.map((metrics) => metrics.brier?.score ?? Number.NaN),
    'relative',
  );
  const move = moveBeyondNoise(change, noise);
  if (move === 'up') return `Brier rose ${percentText(change)}`;
  if (move === 'down') return `Brier fell ${percentText(-change)}`;
  if (move === 'unknown')
    return `Brier changed ${signedPercent(change)}, too few epochs to tell from noise`;
  return `Brier changed ${signedPercent(change)}, within its noise (±${percentText(NOISE_MULTIPLE * noise)})`;
}

/** The error rate's move in points (accuracy's scale), rounded to 0.1, against its noise. */
function errorMove(epochs: readonly EpochMetrics[], from: EpochMetrics, to: EpochMetrics): string {
  const change = from.validationAccuracy - to.validationAccuracy;
  const points = pointsText(change);
  if (points === '0') return 'the error rate did not move';
  const noise = epochNoise(
    epochs.map((metrics) => 1 - metrics.validationAccuracy),
    'points',
  );
  const move = moveBeyondNoise(change, noise);
  if (move === 'up' || move === 'down') return `the error rate moved ${points} points`;
  if (move === 'unknown')
    return `the error rate moved ${points} points, too few epochs to tell from noise`;
  const band = Number((NOISE_MULTIPLE * noise * 100).toFixed(1));
  return `the error rate moved ${points} points, within its noise (±${band} points)`;
}

/**
 * How the three scores of the same predictions moved from the lowest-NLL epoch to the latest:
 * "NLL rose 42.1%; Brier changed +6.46%, within its noise (±13.3%); the error rate moved −0.3
 * points, within its noise (±1.9 points)" (the recorded run at epoch 40). Null while the latest epoch is the lowest, or unless
 * both epochs carry a Brier score.
 */
export function scoresMoved(epochs: readonly EpochMetrics[]): string | null {
  const trend = lossTrend(epochs);
  const latest = epochs.at(-1);
  if (trend === null || trend.kind === 'lowest' || latest === undefined) return null;
  const from = trend.lowest;
  if (from.brier === undefined || latest.brier === undefined) return null;
  return [
    lossWords(trend, 'NLL'),
    brierMove(epochs, from.brier.score, latest.brier.score),
    errorMove(epochs, from, latest),
  ].join('; ');
}

/** "Epoch 40: Brier 0.145 = reliability … − resolution … + uncertainty … + within-bin …", or why there are no parts (K > 2). */
export function brierPartsText(epoch: number, brier: NonNullable<EpochMetrics['brier']>): string {
  if (brier.reliability === null) {
    return (
      `Epoch ${epoch}: Brier ${formatSignificant(brier.score)} over ${brier.classCount} classes ` +
      '(the decomposition into reliability, resolution and uncertainty is shown for two classes only)'
    );
  }
  const { score, reliability, resolution, uncertainty } = brier;
  return (
    `Epoch ${epoch}: Brier ${formatSignificant(score)} = reliability ${formatSignificant(reliability)} ` +
    `− resolution ${formatSignificant(resolution)} + uncertainty ${formatSignificant(uncertainty)} + ` +
    withinBinText(brier)
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
  const parts = sentence([brierPartsText(latest.epoch, latest.brier)]);
  const trend = lossTrend(epochs);
  const moved = scoresMoved(epochs);
  if (moved === null || trend === null || trend.kind === 'lowest') return parts;
  return `${sentence([`Since epoch ${trend.lowest.epoch} (lowest NLL) ${moved}`])} ${parts}`;
}
