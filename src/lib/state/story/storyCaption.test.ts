import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../core/types';
import { STORY_CAPTION_EMPTY, storyCaption } from './storyCaption';

/** Only loss and accuracy matter to the caption. */
function run(losses: number[], accuracies: number[]): EpochMetrics[] {
  return losses.map(
    (loss, index) =>
      ({
        epoch: index + 1,
        validationLoss: loss,
        validationAccuracy: accuracies[index],
      }) as EpochMetrics,
  );
}

describe('storyCaption (the first screen, plain words)', () => {
  it('says what to press before the first epoch', () => {
    expect(storyCaption([])).toBe(STORY_CAPTION_EMPTY);
  });

  it('reads one epoch as its accuracy', () => {
    expect(storyCaption(run([0.5], [0.861]))).toBe('After epoch 1: 86.1% of validation images right.');
  });

  it('names a falling loss', () => {
    expect(storyCaption(run([0.9, 0.6], [0.8, 0.85]))).toBe(
      'Loss is still falling (lowest so far at epoch 2) and 85.0% of validation images are right.',
    );
  });

  it('names a rise beyond the noise against the accuracy move, with no NLL or Brier', () => {
    // Lowest 0.40 at epoch 3, then a steady climb to 0.60: +50%; accuracy 0.880 → 0.886: +0.6 points.
    const epochs = run(
      [1.0, 0.5, 0.4, 0.44, 0.48, 0.52, 0.56, 0.6],
      [0.8, 0.85, 0.88, 0.881, 0.882, 0.884, 0.885, 0.886],
    );
    const text = storyCaption(epochs);
    expect(text).toBe(
      'Loss is 50% above its lowest (epoch 3), yet accuracy moved only +0.6 points: the network is growing surer of itself, right or wrong.',
    );
    expect(text).not.toMatch(/NLL|Brier/);
  });

  it('does not call a rise it has not earned', () => {
    // Lowest at epoch 3, one epoch back: too soon.
    const text = storyCaption(run([1.0, 0.5, 0.4, 0.42], [0.8, 0.85, 0.88, 0.88]));
    expect(text).toMatch(/^Since epoch 3 loss is 5% above its lowest, 1 epoch back: too soon/);
    expect(text).toMatch(/accuracy has not moved\.$/);
  });
});
