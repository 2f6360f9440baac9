// Has the validation loss risen since its lowest? Only a rise the run shows earns the word: the
// lowest must lie MIN_EPOCHS_SINCE_LOWEST epochs back, and the rise must exceed the series' own
// epoch-to-epoch noise (epochNoise.ts). A rise from epoch 39 to 40 is one step of noise, not a
// trend, however many percent it is. Pure.

import type { EpochMetrics } from '../../core/types';
import { changeBetween, epochNoise, moveBeyondNoise, NOISE_MULTIPLE } from './epochNoise';
import { epochsText, percentText } from './numberText';
import { bestEpochs } from './summary';

/** The lowest validation loss must lie at least this many epochs before the epoch shown. */
export const MIN_EPOCHS_SINCE_LOWEST = 3;

export type LossTrend =
  /** The latest epoch holds the lowest loss so far. */
  | { kind: 'lowest' }
  /** The lowest is fewer than MIN_EPOCHS_SINCE_LOWEST epochs back: too soon to call a rise. */
  | { kind: 'too-recent'; lowest: EpochMetrics; rise: number; epochsBack: number }
  /** Above the lowest by no more than the noise (or too few epochs to measure it). */
  | { kind: 'within-noise'; lowest: EpochMetrics; rise: number; noise: number }
  /** A rise beyond the noise, from a lowest far enough back. */
  | { kind: 'rose'; lowest: EpochMetrics; rise: number; noise: number };

/**
 * How the latest validation loss stands against its lowest so far; null before two epochs or
 * when the latest loss is not finite (a diverged run says so elsewhere).
 */
export function lossTrend(epochs: readonly EpochMetrics[]): LossTrend | null {
  const latest = epochs.at(-1);
  const lowest = bestEpochs(epochs).lowestValidationLoss;
  if (epochs.length < 2 || latest === undefined || lowest === null) return null;
  if (!Number.isFinite(latest.validationLoss)) return null;
  if (lowest === latest) return { kind: 'lowest' };
  const rise = changeBetween(lowest.validationLoss, latest.validationLoss, 'relative');
  const epochsBack = latest.epoch - lowest.epoch;
  if (epochsBack < MIN_EPOCHS_SINCE_LOWEST) return { kind: 'too-recent', lowest, rise, epochsBack };
  const noise = epochNoise(
    epochs.map((metrics) => metrics.validationLoss),
    'relative',
  );
  return moveBeyondNoise(rise, noise) === 'up'
    ? { kind: 'rose', lowest, rise, noise }
    : { kind: 'within-noise', lowest, rise, noise };
}

/** The loss since its lowest, in words the trend earns. */
export function lossWords(trend: Exclude<LossTrend, { kind: 'lowest' }>, name = 'loss'): string {
  if (trend.kind === 'rose') return `${name} rose ${percentText(trend.rise)}`;
  const above =
    trend.rise > 0
      ? `${name} is ${percentText(trend.rise)} above its lowest`
      : `${name} is level with its lowest`;
  if (trend.kind === 'too-recent') {
    return `${above}, ${epochsText(trend.epochsBack)} back: too soon to call a rise`;
  }
  if (!Number.isFinite(trend.noise)) return `${above}: too few epochs to tell a rise from noise`;
  return `${above}, within its epoch-to-epoch noise (±${percentText(NOISE_MULTIPLE * trend.noise)})`;
}
