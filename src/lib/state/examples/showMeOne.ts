// "Show me one": the worked example takes a real confidently wrong validation image from the
// run (live or replayed) and loads its logits into the sliders. Pure: logits in, choices out.
//
// The sliders hold two logits. With two classes they are the example's own; with K > 2 they are
// the true class's and the predicted class's (in class order): the pair whose gap makes the
// answer wrong. (The top two would do for a right answer, but a wrong one's runner-up need not
// be the true class, and then the sliders could not show the loss against it.)

import { argmaxRow, crossEntropyRow } from '../../core/metrics';
import { checkLogitShapes } from '../../core/metrics';
import type { Labels } from '../../core/types';
import { LOGIT_LIMIT } from './workedExample';

export interface WrongExample {
  index: number;
  /** Which of the two logits shown (z0 or z1) is the true class's. */
  label: 0 | 1;
  /** The logits shown: for two classes the example's z₀ and z₁; for K > 2 those of `classes`. */
  z0: number;
  z1: number;
  /** The classes of z0 and z1: [0, 1] for two classes; else the true and predicted, lower first. */
  classes: [number, number];
  /** The true class and the predicted one, 0 … K − 1. */
  trueClass: number;
  predicted: number;
  /** Cross-entropy over all K classes (for K > 2 more than the two shown logits' alone). */
  loss: number;
}

/** How many of the most confidently wrong images "Show me another" cycles through. */
export const SHOW_ME_COUNT = 12;

/** The wrong validation examples with the highest loss first (ties: dataset order). */
export function confidentlyWrong(
  logits: Float32Array,
  labels: Labels,
  count = SHOW_ME_COUNT,
): WrongExample[] {
  const classes = checkLogitShapes(logits, labels);
  const wrong: WrongExample[] = [];
  for (let index = 0, offset = 0; index < labels.length; index++, offset += classes) {
    if (!rowIsFinite(logits, offset, classes)) continue;
    const trueClass = labels[index];
    const predicted = argmaxRow(logits, offset, classes);
    if (predicted === trueClass) continue;
    const low = Math.min(trueClass, predicted);
    const high = Math.max(trueClass, predicted);
    wrong.push({
      index,
      label: trueClass === low ? 0 : 1,
      z0: logits[offset + low],
      z1: logits[offset + high],
      classes: [low, high],
      trueClass,
      predicted,
      loss: crossEntropyRow(logits, offset, classes, trueClass),
    });
  }
  wrong.sort((a, b) => b.loss - a.loss || a.index - b.index);
  return wrong.slice(0, count);
}

function rowIsFinite(logits: Float32Array, offset: number, classes: number): boolean {
  for (let k = 0; k < classes; k++) if (!Number.isFinite(logits[offset + k])) return false;
  return true;
}

/**
 * The logits as the sliders can show them, to their step of 0.01. Softmax only sees z₁ − z₀, so both logits are shifted
 * by the same amount to centre them (nothing changes: same probabilities, same loss); only a gap
 * wider than the sliders' 2 × LOGIT_LIMIT must be narrowed, and then `narrowed` says so.
 */
export function sliderLogits(
  z0: number,
  z1: number,
): { z0: number; z1: number; shifted: boolean; narrowed: boolean } {
  // To the sliders' step (0.01); the note beside them gives the exact logits and loss.
  const round = (value: number) => Math.round(value * 100) / 100;
  const fits = (value: number) => Math.abs(value) <= LOGIT_LIMIT;
  if (fits(z0) && fits(z1))
    return { z0: round(z0), z1: round(z1), shifted: false, narrowed: false };
  const centre = (z0 + z1) / 2;
  const half = Math.min(LOGIT_LIMIT, Math.abs(z1 - z0) / 2);
  const sign = z1 >= z0 ? 1 : -1;
  return {
    z0: round(-sign * half),
    z1: round(sign * half),
    shifted: centre !== 0,
    narrowed: Math.abs(z1 - z0) / 2 > LOGIT_LIMIT,
  };
}
