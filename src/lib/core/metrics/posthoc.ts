// Post-hoc calibration beside temperature scaling, with plain numbers (no tf): Platt scaling
// (Platt 1999: a logistic regression on the logit gap) and isotonic regression (Zadrozny & Elkan
// 2002: the best non-decreasing map, by pool-adjacent-violators; core/metrics/isotonic.ts). Both are
// fitted on the calibration half and reported on the evaluation half (heldOutSplit.ts: the run's
// seeded, stratified split). Their figures come from their float64 probabilities, binned as
// probabilities and never through rounded log-odds (posthocFigures.ts says why).
//
// Both are two-class methods (core/metrics/twoClassOnly.ts): for K > 2 classes the report marks them
// not applicable, saying why, while temperature scaling still applies.

import { exampleIndices } from './calibration';
import { fitIsotonic, ISOTONIC_MIN_CALIBRATION } from './isotonic';
import { checkLogitShapes } from './metrics';
import { isotonicFigures, plattFigures, type FixFigures } from './posthocFigures';
import { calibrationSplit, evaluateAtTemperature, fitTemperature } from './temperature';
import { checkTwoClasses, twoClassOnlyReason } from './twoClassOnly';
import type { Labels } from '../types';

// Where callers have always found them.
export {
  fitIsotonic,
  ISOTONIC_FLOOR,
  ISOTONIC_MIN_CALIBRATION,
  isotonicClassProbabilities,
  isotonicProbability,
  type IsotonicStep,
} from './isotonic';
export { isotonicFigures, plattFigures } from './posthocFigures';
export { twoClassOnlyReason } from './twoClassOnly';

/** Platt: p₁ = σ(a·g + b), g = z₁ − z₀. Plain temperature scaling is a = 1/T, b = 0. */
export interface PlattFit {
  a: number;
  b: number;
  /** Newton steps taken. */
  iterations: number;
}

const PLATT_MAX_ITERATIONS = 100;
const PLATT_TOLERANCE = 1e-12;

/**
 * Fits a and b by Newton's method (IRLS) on the cross-entropy of the examples at `indices`, with
 * Platt's targets (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) instead of 1 and 0: they keep a finite answer
 * when the half is perfectly separated (plain targets would send a to infinity) and matter little
 * otherwise. Each step is halved until the loss does not rise. Non-finite logits are left out.
 */
export function fitPlatt(
  logits: Float32Array,
  labels: Labels,
  indices: ArrayLike<number>,
): PlattFit {
  checkTwoClasses(logits, labels);
  const chosen = exampleIndices(labels.length, indices);
  const gaps: number[] = [];
  const positives: boolean[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const i = chosen[k];
    const gap = logits[2 * i + 1] - logits[2 * i];
    if (!Number.isFinite(gap)) continue;
    gaps.push(gap);
    positives.push(labels[i] === 1);
  }
  const positiveCount = positives.filter(Boolean).length;
  const high = (positiveCount + 1) / (positiveCount + 2);
  const low = 1 / (gaps.length - positiveCount + 2);
  const targets = positives.map((positive) => (positive ? high : low));
  // Mean cross-entropy against the soft targets, from the margin s = a·g + b without forming p.
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let k = 0; k < gaps.length; k++) {
      const s = a * gaps[k] + b;
      // log(1 + e^s) − t·s, stably.
      sum += Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s))) - targets[k] * s;
    }
    return sum / Math.max(1, gaps.length);
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  let iterations = 0;
  for (; iterations < PLATT_MAX_ITERATIONS && gaps.length > 0; iterations++) {
    // Gradient and Hessian of the summed loss in (a, b).
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let k = 0; k < gaps.length; k++) {
      const s = a * gaps[k] + b;
      const p = s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
      const residual = p - targets[k];
      const curvature = Math.max(p * (1 - p), 1e-12);
      ga += residual * gaps[k];
      gb += residual;
      haa += curvature * gaps[k] * gaps[k];
      hab += curvature * gaps[k];
      hbb += curvature;
    }
    const determinant = haa * hbb - hab * hab;
    if (!(Math.abs(determinant) > 0)) break;
    const stepA = (hbb * ga - hab * gb) / determinant;
    const stepB = (haa * gb - hab * ga) / determinant;
    let scale = 1;
    let next = loss(a - stepA, b - stepB);
    while (next > current && scale > 1e-10) {
      scale /= 2;
      next = loss(a - scale * stepA, b - scale * stepB);
    }
    a -= scale * stepA;
    b -= scale * stepB;
    const improvement = current - next;
    current = next;
    if (
      Math.abs(scale * stepA) + Math.abs(scale * stepB) < PLATT_TOLERANCE ||
      improvement < PLATT_TOLERANCE * 1e-3
    ) {
      iterations++;
      break;
    }
  }
  return { a, b, iterations };
}

/** One fix's figures on the evaluation half (float64 throughout: posthocFigures.ts). */
export type { FixFigures } from './posthocFigures';

export type PosthocMethod = 'none' | 'temperature' | 'platt' | 'isotonic';

/**
 * A fix that does not apply to these logits (Platt or isotonic with K > 2 classes): why, in
 * plain words. Its figures and fitted values are NaN (steps 0), so a table that reads them shows
 * no number and a ranking (state/runs/ranking.ts) puts it last; narrow on `notApplicable` to say why.
 */
export interface NotApplicable {
  notApplicable: string;
}

/** A fix's result: fitted (`notApplicable` absent) or not applicable, with the reason. */
export type FixResult<Fitted> =
  (FixFigures & Fitted & { notApplicable?: undefined }) | (FixFigures & Fitted & NotApplicable);

export interface PosthocReport {
  calibrationCount: number;
  evaluationCount: number;
  /** As trained (T = 1), on the evaluation half. */
  none: FixFigures;
  temperature: FixFigures & { T: number };
  platt: FixResult<{ a: number; b: number }>;
  isotonic: FixResult<{ steps: number }>;
  /** Set when the calibration half is too small for isotonic regression to be trusted. */
  isotonicWarning: string | null;
}

const NOT_MEASURED: FixFigures = { nll: Number.NaN, ece: Number.NaN, accuracy: Number.NaN };

function figures(
  logits: Float32Array,
  labels: Labels,
  evaluation: readonly number[],
  T = 1,
): FixFigures {
  const { nll, ece, accuracy } = evaluateAtTemperature(logits, labels, evaluation, T);
  return { nll, ece, accuracy };
}

/**
 * Temperature, Platt and isotonic, each fitted on the calibration half of the held logits and
 * reported on the evaluation half (the split `seed` draws, heldOutSplit.ts): NLL, ECE (15 equal-width
 * bins, as everywhere, top-label for K classes) and accuracy. Platt can change answers (a < 0
 * or b ≠ 0 moves the threshold); isotonic can tie them at ½ (counted as class 0). With K > 2
 * classes Platt and isotonic are marked not applicable (see the top of this file).
 */
export function posthocReport(
  logits: Float32Array,
  labels: Labels,
  /** The run's seed: it draws the split (calibrationSplit). */
  seed: number,
  /** T already fitted on the same calibration half (temperatureFit), to save fitting it again. */
  fittedT?: number,
): PosthocReport {
  const classes = checkLogitShapes(logits, labels);
  const { calibration, evaluation } = calibrationSplit(labels, seed);
  const T = fittedT ?? fitTemperature(logits, labels, calibration).T;
  if (classes !== 2) {
    const notApplicable = twoClassOnlyReason(classes);
    return {
      calibrationCount: calibration.length,
      evaluationCount: evaluation.length,
      none: figures(logits, labels, evaluation),
      temperature: { ...figures(logits, labels, evaluation, T), T },
      platt: { ...NOT_MEASURED, a: Number.NaN, b: Number.NaN, notApplicable },
      isotonic: { ...NOT_MEASURED, steps: 0, notApplicable },
      isotonicWarning: null,
    };
  }
  const platt = fitPlatt(logits, labels, calibration);
  const steps = fitIsotonic(logits, labels, calibration);
  return {
    calibrationCount: calibration.length,
    evaluationCount: evaluation.length,
    none: figures(logits, labels, evaluation),
    temperature: { ...figures(logits, labels, evaluation, T), T },
    platt: { ...plattFigures(logits, labels, platt, evaluation), a: platt.a, b: platt.b },
    isotonic: {
      ...isotonicFigures(logits, labels, steps, evaluation),
      steps: steps.length,
    },
    isotonicWarning:
      calibration.length < ISOTONIC_MIN_CALIBRATION
        ? `The calibration half holds ${calibration.length} images, fewer than ${ISOTONIC_MIN_CALIBRATION}: isotonic regression fits a step per run of labels (${steps.length} steps here), so with this few it follows the noise of the half it saw — trust Platt or temperature scaling more (Niculescu-Mizil & Caruana 2005).`
        : null,
  };
}
