// Which validation images the gallery shows: the highest-loss ones at an epoch, read straight
// from the stored logits. Plain numbers only (no tf, no DOM), so it runs on the main thread and
// in Node tests alike.

import { softmax2 } from '../core/calibration';
import { crossEntropyFromLogits, predictedClass } from '../core/metrics';

/** What one validation example's two logits say about it. */
export interface ExampleReading {
  /** Position in the validation set (dataset order), which also locates its pixels. */
  index: number;
  label: 0 | 1;
  predicted: 0 | 1;
  z0: number;
  z1: number;
  /** Softmax probability the model gives its own answer, in [0.5, 1]. */
  predictedProbability: number;
  /** Cross-entropy in nats against the true label, from the logits (never clipped). */
  loss: number;
  wrong: boolean;
}

export const GALLERY_SIZE = 12;

export function readExample(
  logits: Float32Array,
  labels: Uint8Array,
  index: number,
): ExampleReading {
  const z0 = logits[2 * index];
  const z1 = logits[2 * index + 1];
  const label = labels[index] === 1 ? 1 : 0;
  const predicted = predictedClass(z0, z1);
  return {
    index,
    label,
    predicted,
    z0,
    z1,
    predictedProbability: softmax2(z0, z1)[predicted],
    loss: crossEntropyFromLogits(z0, z1, label),
    wrong: predicted !== label,
  };
}

export interface HighestLoss {
  /** Highest loss first; equal losses in index order, so the choice never depends on sorting. */
  examples: ExampleReading[];
  /** Their share of the summed validation loss, in [0, 1] (0 when the sum is 0). */
  lossShare: number;
}

/**
 * The `count` examples with the highest loss. Examples with a NaN loss (a diverged run) are
 * left out: there is no ranking them. One pass keeping a short sorted list: O(n · count).
 */
export function highestLossExamples(
  logits: Float32Array,
  labels: Uint8Array,
  count = GALLERY_SIZE,
): HighestLoss {
  if (logits.length !== labels.length * 2) {
    throw new Error(`Expected 2 logits per label, got ${logits.length} for ${labels.length}`);
  }
  const top: { index: number; loss: number }[] = [];
  let totalLoss = 0;
  for (let index = 0; index < labels.length; index++) {
    const loss = crossEntropyFromLogits(
      logits[2 * index],
      logits[2 * index + 1],
      labels[index] === 1 ? 1 : 0,
    );
    if (Number.isNaN(loss)) continue;
    totalLoss += loss;
    // Strictly greater: a later index never displaces an equal earlier one.
    if (top.length === count && !(loss > top[count - 1].loss)) continue;
    let position = top.length;
    while (position > 0 && loss > top[position - 1].loss) position--;
    top.splice(position, 0, { index, loss });
    if (top.length > count) top.pop();
  }
  const examples = top.map(({ index }) => readExample(logits, labels, index));
  const topLoss = top.reduce((sum, { loss }) => sum + loss, 0);
  return { examples, lossShare: totalLoss > 0 ? topLoss / totalLoss : 0 };
}

/** "All 12 are wrong, 11 of them with p ≥ 0.99 for the wrong class", as numbers for the caption. */
export function confidentlyWrongCount(
  examples: readonly ExampleReading[],
  threshold = 0.99,
): { wrong: number; confidentlyWrong: number } {
  let wrong = 0;
  let confidentlyWrong = 0;
  for (const example of examples) {
    if (!example.wrong) continue;
    wrong++;
    if (example.predictedProbability >= threshold) confidentlyWrong++;
  }
  return { wrong, confidentlyWrong };
}
