// The loss chart's subtitle, read from the run instead of fixed: it used to say that validation
// loss "bottoms out and then climbs" whatever the run did, which a label-smoothing run whose loss
// stays flat contradicts. Each phrase is earned as the captions' are (lossTrend, epochNoise). Pure.

import type { EpochMetrics } from '../../core/types';
import { changeBetween, epochNoise, moveBeyondNoise } from './epochNoise';
import { lossTrend } from './lossTrend';
import { pointsText } from './numberText';

export interface LossSubtitle {
  /** What validation loss did: "bottoms out (▲, epoch 15) and then climbs". */
  loss: string;
  /** What validation accuracy did meanwhile: "barely moves (◆ = its best)". */
  accuracy: string;
}

const BEST_ACCURACY = '(◆ = its best)';
/** Before there is a lowest to measure from. */
const MARKED_ACCURACY = 'is marked ◆ at its best';

/** How accuracy moved from the lowest-loss epoch to the latest, against its own noise. */
function accuracyPhrase(epochs: readonly EpochMetrics[], lowest: EpochMetrics): string {
  const latest = epochs[epochs.length - 1];
  const change = changeBetween(lowest.validationAccuracy, latest.validationAccuracy, 'points');
  const noise = epochNoise(
    epochs.map((metrics) => metrics.validationAccuracy),
    'points',
  );
  const move = moveBeyondNoise(change, noise);
  const size = `${Math.abs(Number((change * 100).toFixed(1)))} points`;
  if (move === 'within-noise') return `barely moves ${BEST_ACCURACY}`;
  if (move === 'up') return `rises ${size} ${BEST_ACCURACY}`;
  if (move === 'down') return `falls ${size} ${BEST_ACCURACY}`;
  return `moves ${pointsText(change)} points ${BEST_ACCURACY}`;
}

export function lossSubtitle(epochs: readonly EpochMetrics[]): LossSubtitle {
  const trend = lossTrend(epochs);
  if (trend === null) {
    return { loss: 'is marked ▲ at its lowest', accuracy: MARKED_ACCURACY };
  }
  if (trend.kind === 'lowest') {
    const latest = epochs[epochs.length - 1];
    return {
      loss: `is at its lowest so far (▲, epoch ${latest.epoch})`,
      accuracy: MARKED_ACCURACY,
    };
  }
  const at = `(▲, epoch ${trend.lowest.epoch})`;
  const accuracy = accuracyPhrase(epochs, trend.lowest);
  if (trend.kind === 'rose') return { loss: `bottoms out ${at} and then climbs`, accuracy };
  if (trend.kind === 'too-recent') {
    return { loss: `was lowest ${at}, too recently to tell whether it climbs`, accuracy };
  }
  return {
    loss: `stays level after its lowest ${at}: no rise beyond its epoch-to-epoch noise`,
    accuracy,
  };
}
