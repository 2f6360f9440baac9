// Isotonic regression (Zadrozny & Elkan 2002) on the two-class logit gap, with plain numbers:
// the best non-decreasing map from g = z₁ − z₀ to p₁, by pool-adjacent-violators. Reported beside
// temperature and Platt scaling by core/metrics/posthoc.ts.

import { exampleIndices } from './calibration';
import { checkTwoClasses } from './twoClassOnly';
import type { Labels } from '../types';

/** Isotonic regression's fitted steps: on gaps in [from, to] the probability of class 1 is `p`. */
export interface IsotonicStep {
  from: number;
  to: number;
  p: number;
  count: number;
  /** Examples of class 1 in the step: p = positives / count, and 1 − p = (count − positives) / count exactly. */
  positives: number;
}

/**
 * Pool-adjacent-violators on (g = z₁ − z₀, y = label): the non-decreasing step function of g
 * closest to the labels in squared error, which is also the one of highest likelihood. Sorted by
 * g (ties pooled first: equal gaps must get one value), every block whose mean is not below the
 * previous block's is merged into it, until the means rise strictly.
 */
export function fitIsotonic(
  logits: Float32Array,
  labels: Labels,
  indices: ArrayLike<number>,
): IsotonicStep[] {
  checkTwoClasses(logits, labels);
  const chosen = exampleIndices(labels.length, indices);
  const points: { gap: number; y: number }[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const i = chosen[k];
    const gap = logits[2 * i + 1] - logits[2 * i];
    if (Number.isFinite(gap)) points.push({ gap, y: labels[i] === 1 ? 1 : 0 });
  }
  points.sort((p, q) => p.gap - q.gap);
  const blocks: { from: number; to: number; sum: number; count: number }[] = [];
  for (const point of points) {
    const last = blocks.at(-1);
    if (last && last.to === point.gap) {
      last.sum += point.y;
      last.count++;
    } else blocks.push({ from: point.gap, to: point.gap, sum: point.y, count: 1 });
    // Pool while the newest block's mean is not above the one before it.
    while (blocks.length > 1) {
      const top = blocks[blocks.length - 1];
      const below = blocks[blocks.length - 2];
      if (top.sum / top.count > below.sum / below.count) break;
      below.to = top.to;
      below.sum += top.sum;
      below.count += top.count;
      blocks.pop();
    }
  }
  return blocks.map((block) => ({
    from: block.from,
    to: block.to,
    p: block.sum / block.count,
    count: block.count,
    positives: block.sum,
  }));
}

/**
 * Isotonic regression puts probability exactly 0 or 1 on its end blocks, and one evaluation
 * example of the other class there would cost infinite NLL. Its probabilities are kept in
 * [ISOTONIC_FLOOR, 1 − ISOTONIC_FLOOR] (at most ln 1000 ≈ 6.9 nats per example): a stated cap,
 * not the hidden one docs/architecture.md warns about for the network's own loss.
 */
export const ISOTONIC_FLOOR = 1e-3;

/**
 * Where gap g falls: on step `index` (inside it, or beyond an end: the map is flat there), or
 * between step `index` and the next at fraction `between` of the way.
 */
function locate(steps: readonly IsotonicStep[], gap: number): { index: number; between: number } {
  const last = steps.length - 1;
  if (gap <= steps[0].to) return { index: 0, between: 0 };
  if (gap >= steps[last].from) return { index: last, between: 0 };
  let low = 0;
  let high = last;
  // Last step whose `from` ≤ gap.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (steps[mid].from <= gap) low = mid;
    else high = mid - 1;
  }
  const step = steps[low];
  if (gap <= step.to) return { index: low, between: 0 };
  return { index: low, between: (gap - step.to) / (steps[low + 1].from - step.to) };
}

const clampToFloor = (p: number) => Math.min(1 - ISOTONIC_FLOOR, Math.max(ISOTONIC_FLOOR, p));

/** The fitted map at gap g: the step's value inside a step, linear between steps, flat beyond the ends. */
export function isotonicProbability(steps: readonly IsotonicStep[], gap: number): number {
  if (steps.length === 0) return 0.5;
  const { index, between } = locate(steps, gap);
  const step = steps[index];
  const p = between === 0 ? step.p : step.p + between * (steps[index + 1].p - step.p);
  return clampToFloor(p);
}

/**
 * The fitted map's probabilities of class 0 and class 1 at gap g, in float64. On a step both are
 * its exact fractions, (count − positives) / count and positives / count: 1 − 13/15 in floating
 * point is not 2/15, and outputs such as 13/15 sit exactly on a 15-bin edge, where the last bit
 * decides the bin. Between steps, or where the floor applies, p₀ = 1 − p₁.
 */
export function isotonicClassProbabilities(
  steps: readonly IsotonicStep[],
  gap: number,
): [number, number] {
  if (steps.length === 0) return [0.5, 0.5];
  const { index, between } = locate(steps, gap);
  const step = steps[index];
  const p1 = isotonicProbability(steps, gap);
  if (between === 0 && p1 === step.p) return [(step.count - step.positives) / step.count, p1];
  return [1 - p1, p1];
}

/**
 * Below this many calibration examples isotonic regression overfits: Niculescu-Mizil & Caruana
 * (2005) found it worse than Platt scaling under about 1000, since each step is a mean of only a
 * few labels.
 */
export const ISOTONIC_MIN_CALIBRATION = 1000;
