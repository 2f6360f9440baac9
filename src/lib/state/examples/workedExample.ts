// The arithmetic of one prediction, for the worked example: two logits → softmax probabilities
// → cross-entropy against either class. The loss comes from the logits (metrics.ts), never from
// a clipped probability, so (12, −12) with true class 1 really costs 24 nats.

import { softmax2 } from '../../core/metrics';
import { argmaxRow, crossEntropyRow, strongestOtherRow } from '../../core/metrics';
import { classCount, crossEntropyFromLogits, predictedClass } from '../../core/metrics';
import type { Labels } from '../../core/types';

/** The logit sliders run from −LOGIT_LIMIT to +LOGIT_LIMIT. */
export const LOGIT_LIMIT = 15;
/** Largest gap |z0 − z1| the sliders allow: the loss chart's x-axis. */
export const MAX_GAP = 2 * LOGIT_LIMIT;

export interface WorkedExample {
  z0: number;
  z1: number;
  p0: number;
  p1: number;
  predicted: 0 | 1;
  /** |z0 − z1|: how far apart the logits are, whatever the answer. */
  gap: number;
  lossIfClass0: number;
  lossIfClass1: number;
}

export function workedExample(z0: number, z1: number): WorkedExample {
  const [p0, p1] = softmax2(z0, z1);
  return {
    z0,
    z1,
    p0,
    p1,
    predicted: predictedClass(z0, z1),
    gap: Math.abs(z0 - z1),
    lossIfClass0: crossEntropyFromLogits(z0, z1, 0),
    lossIfClass1: crossEntropyFromLogits(z0, z1, 1),
  };
}

/**
 * One validation example's numbers as the worked example shows them: two logits. For two classes
 * they are the example's z₀ and z₁; for K > 2 the top two (the predicted class and the runner-up,
 * in class order), with the full K-class softmax and loss beside them, since the other K − 2
 * classes hold probability too: `pRest` says how much.
 */
export interface RowWorkedExample {
  index: number;
  /** K. */
  classCount: number;
  /** The true class, 0 … K − 1: for K > 2 possibly neither of `classes`. */
  label: number;
  /** The classes of z0 and z1, lower first: [0, 1] for two classes. */
  classes: [number, number];
  z0: number;
  z1: number;
  /** Softmax probabilities over all K classes of classes[0] and classes[1], and of all the others. */
  p0: number;
  p1: number;
  pRest: number;
  /** |z0 − z1|: the margin, top − runner-up. */
  gap: number;
  /** Cross-entropy over all K classes against the true label, from the logits. */
  loss: number;
}

export function workedExampleOfRow(
  logits: Float32Array,
  labels: Labels,
  index: number,
): RowWorkedExample {
  const classes = classCount(logits, labels);
  const label = labels[index];
  if (!(label < classes)) throw new Error(`Label ${label} is not a class of ${classes}`);
  const offset = index * classes;
  const top = argmaxRow(logits, offset, classes);
  const runnerUp = strongestOtherRow(logits, offset, classes, top);
  const low = Math.min(top, runnerUp);
  const high = Math.max(top, runnerUp);
  const z0 = logits[offset + low];
  const z1 = logits[offset + high];
  // Softmax over all K: the largest logit subtracted first (it is z[top]); the rest's mass is
  // summed on its own rather than as 1 − p0 − p1, which would leave rounding dust for two classes.
  const max = logits[offset + top];
  let sum = 0;
  let rest = 0;
  for (let k = 0; k < classes; k++) {
    const e = Math.exp(logits[offset + k] - max);
    sum += e;
    if (k !== low && k !== high) rest += e;
  }
  return {
    index,
    classCount: classes,
    label,
    classes: [low, high],
    z0,
    z1,
    p0: Math.exp(z0 - max) / sum,
    p1: Math.exp(z1 - max) / sum,
    pRest: rest / sum,
    gap: Math.abs(z0 - z1),
    loss: crossEntropyRow(logits, offset, classes, label),
  };
}

/** Loss of a right answer with gap g: log(1 + e^−g), which falls to 0 as g grows. */
export function lossWhenRight(gap: number): number {
  return crossEntropyFromLogits(gap, 0, 0);
}

/** Loss of a wrong answer with gap g: g + log(1 + e^−g), which grows like g itself. */
export function lossWhenWrong(gap: number): number {
  return crossEntropyFromLogits(gap, 0, 1);
}

/** Both curves sampled at `steps` + 1 evenly spaced gaps in [0, maxGap], as chart points. */
export function lossCurves(
  maxGap = MAX_GAP,
  steps = 120,
): { right: { x: number; y: number }[]; wrong: { x: number; y: number }[] } {
  const right: { x: number; y: number }[] = [];
  const wrong: { x: number; y: number }[] = [];
  for (let step = 0; step <= steps; step++) {
    const gap = (step * maxGap) / steps;
    right.push({ x: gap, y: lossWhenRight(gap) });
    wrong.push({ x: gap, y: lossWhenWrong(gap) });
  }
  return { right, wrong };
}

/** A slider or typed value brought into range; anything unreadable keeps `fallback`. */
export function clampLogit(value: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(LOGIT_LIMIT, Math.max(-LOGIT_LIMIT, value));
}

export interface WorkedPreset {
  /** Button text. */
  label: string;
  z0: number;
  z1: number;
  trueClass: 0 | 1;
  /** What the preset shows, in a sentence. */
  note: string;
}

export const WORKED_PRESETS: readonly WorkedPreset[] = [
  {
    label: '(0, 0)',
    z0: 0,
    z1: 0,
    trueClass: 0,
    // Any K: an untrained model gives every class 1/K (loss ln K); these two logits alone split ½ each.
    note: 'A coin flip between the two: p = (0.5, 0.5) and loss ln 2 ≈ 0.693 whichever is true — where an untrained model starts with two classes (with K classes, at 1/K each and ln K).',
  },
  {
    label: '(0.62, −0.52)',
    z0: 0.62,
    z1: -0.52,
    trueClass: 0,
    note: 'Mildly sure and right: p = (0.76, 0.24), loss 0.277.',
  },
  {
    label: '(3, −3)',
    z0: 3,
    z1: -3,
    trueClass: 0,
    note: 'Sure and right: p₀ = 0.998, loss 0.00248. More confidence buys almost nothing.',
  },
  {
    label: '(12, −12), true class 1',
    z0: 12,
    z1: -12,
    trueClass: 1,
    note: 'Confidently wrong: p₁ = 3.78 × 10⁻¹¹ and loss 24.0 — as much as about 9,700 right answers like (3, −3).',
  },
];
