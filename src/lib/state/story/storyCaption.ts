// The first screen's one sentence, in plain words: is the loss climbing while accuracy holds?
// No NLL, no Brier: those words are introduced in the Why view, where runCaption compares them.

import type { EpochMetrics } from '../../core/types';
import { formatPercent } from '../../format';
import { lossTrend, lossWords } from './lossTrend';
import { pointsText, sentence } from './numberText';

/** Before the first epoch: what to press. */
export const STORY_CAPTION_EMPTY = 'No epochs yet — press Train, or Replay a recorded run.';

/** "Loss is 50% above its lowest (epoch 3), yet accuracy moved only +0.6 points: …". */
export function storyCaption(epochs: readonly EpochMetrics[]): string {
  const latest = epochs.at(-1);
  if (latest === undefined) return STORY_CAPTION_EMPTY;
  const accuracy = formatPercent(latest.validationAccuracy);
  const trend = lossTrend(epochs);
  if (epochs.length === 1 || trend === null) {
    if (!Number.isFinite(latest.validationLoss)) {
      return `Epoch ${latest.epoch}: the loss is not a number — the run diverged; try a lower learning rate.`;
    }
    return `After epoch ${latest.epoch}: ${accuracy} of validation images right.`;
  }
  if (trend.kind === 'lowest') {
    return `Loss is still falling (lowest so far at epoch ${latest.epoch}) and ${accuracy} of validation images are right.`;
  }
  const moved = pointsText(latest.validationAccuracy - trend.lowest.validationAccuracy);
  const accuracyWords = moved === '0' ? 'accuracy has not moved' : `accuracy moved ${moved} points`;
  if (trend.kind === 'rose') {
    const above = `loss is ${Math.round(trend.rise * 100)}% above its lowest (epoch ${trend.lowest.epoch})`;
    const only = moved === '0' ? accuracyWords : `accuracy moved only ${moved} points`;
    return `${sentence([`${above}, yet ${only}`]).slice(0, -1)}: the network is growing surer of itself, right or wrong.`;
  }
  return sentence([`since epoch ${trend.lowest.epoch} ${lossWords(trend)}, and ${accuracyWords}`]);
}
