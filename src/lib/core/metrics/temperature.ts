// Temperature scaling (Guo et al. 2017) with plain numbers (no tf): the single post-hoc fix
// for over-confidence that keeps every prediction. Divide all logits by one T > 0 fitted to
// minimise held-out NLL; T > 1 means the network was over-confident. Any number of classes:
// NLL(T) = mean(logSumExp(z/T) − z_label/T) over N × K logits.

import {
  calibrationErrors,
  exampleIndices,
  lossSplit,
  RELIABILITY_BINS,
  reliabilityDiagram,
} from './calibration';
import { heldOutSplit, type HeldOutSplit } from './heldOutSplit';
import { crossEntropyRow, strongestOtherRow } from './logitRows';
import { checkLogitShapes } from './metrics';
import {
  goldenSectionLogT,
  newtonInverseTemperature,
  nllCurveAtInverseTemperature,
} from './temperatureSearch';
import type { Labels, ReliabilityDiagram, TemperatureFit } from '../types';

export type { TemperatureFit } from '../types';

/** The search range for T. A fit at an end means the logits carry (almost) no information, or are separable. */
export const MIN_TEMPERATURE = 1e-2;
export const MAX_TEMPERATURE = 1e2;

/**
 * The run's held-out split (heldOutSplit.ts): seeded by the run's seed, stratified by class. The
 * fit sees the calibration half; every figure reported is the evaluation half's.
 */
export function calibrationSplit(labels: Labels, seed: number): HeldOutSplit {
  return heldOutSplit(labels, seed);
}

/** Mean cross-entropy of logits / T over `indices`, from the logits (logSumExp), in float64. NaN if empty. */
export function nllAtTemperature(
  logits: Float32Array,
  labels: Labels,
  indices: ArrayLike<number>,
  T: number,
): number {
  const classes = checkLogitShapes(logits, labels);
  if (!(T > 0) || !Number.isFinite(T))
    throw new Error(`Temperature must be positive and finite, got ${T}`);
  const chosen = exampleIndices(labels.length, indices);
  return meanLoss(logits, labels, classes, chosen, T);
}

/** nllAtTemperature without the checks, for the fit's many evaluations of checked input. */
function meanLoss(
  logits: Float32Array,
  labels: Labels,
  classes: number,
  chosen: ArrayLike<number>,
  T: number,
): number {
  let sum = 0;
  for (let k = 0; k < chosen.length; k++) {
    const i = chosen[k];
    sum += crossEntropyRow(logits, i * classes, classes, labels[i], T);
  }
  return sum / chosen.length;
}

/** Why a fit stopped at an end of the search range: which end, and why, in plain words. */
export type TemperatureBound = NonNullable<TemperatureFit['bound']>;

/** A fit this close to an end of the range (in log T) stopped there: NLL was still falling. */
const AT_BOUND_LOG_T = 1e-6;
const STILL_FALLING_TOWARD_COIN_FLIP =
  'so NLL keeps falling as T grows (toward log 2, a coin flip); no finite T is best';
const stillFallingTowardUniform = (classes: number) =>
  `so NLL keeps falling as T grows (toward log ${classes}, a uniform guess); no finite T is best`;

/**
 * Says why NLL was still falling at the end of the range it stopped at. Two classes: from the
 * margins z_true − z_other of the examples fitted, NLL(β = 1/T) = mean log(1 + e^(−β·margin))
 * is convex in β with slope −mean(margin)/2 at β = 0, so: no negative margin means it falls all
 * the way to T → 0; a mean margin ≤ 0 means it falls all the way to T → ∞; anything else has a
 * finite best T, which then lies beyond the end searched. K classes: `wrong` counts examples
 * some other class beats outright, and the slope at β = 0 is mean_i(mean_k z_ik − z_i,true), so
 * `margins` holds z_true − mean_k z_k there (2 × that for two classes: same signs).
 */
function boundReason(
  side: TemperatureBound['side'],
  margins: readonly number[],
  wrong: number,
  classes: number,
): string {
  if (side === 'lower') {
    return wrong === 0
      ? 'the calibration half is perfectly separated: every example is right, so NLL keeps falling as T shrinks; no finite T is best'
      : `NLL was still falling at T = ${MIN_TEMPERATURE}, the smallest T searched: ${wrong === 1 ? 'the one wrong example is' : `the ${wrong} wrong examples are`} wrong by so little that sharpening the right ones still pays`;
  }
  const stillFalling =
    classes === 2 ? STILL_FALLING_TOWARD_COIN_FLIP : stillFallingTowardUniform(classes);
  if (wrong === margins.length) {
    return `every calibration example is wrong, ${stillFalling}`;
  }
  const meanMargin = margins.reduce((sum, margin) => sum + margin, 0) / margins.length;
  return meanMargin <= 0
    ? `the logits favour the wrong class on average, ${stillFalling}`
    : `NLL was still falling at T = ${MAX_TEMPERATURE}, the largest T searched: the logits carry almost no information about the labels`;
}

/**
 * The T in [MIN_TEMPERATURE, MAX_TEMPERATURE] minimising the NLL of `indices`.
 * NLL is convex in β = 1/T, hence unimodal in log T. Two classes: a coarse scan over log T
 * brackets the minimum and golden-section search narrows it (as it always has, so two-class
 * fits are unchanged bit for bit). More classes: safeguarded Newton on β, ≈ 10 passes over the
 * logits instead of ≈ 86 (temperatureSearch.ts says why both). Examples with a non-finite logit
 * are left out (a diverged run says nothing about scale); with none left, or when T = 1 is no
 * worse than the optimum (e.g. all logit gaps zero), the answer is 1.
 *
 * When NLL is still falling at an end of the range (e.g. a perfectly separated set, where it
 * falls forever as T → 0), T is that end and `bound` says which and why: T is then where the
 * search stopped, not a measurement. Otherwise `bound` is null.
 */
export function fitTemperature(
  logits: Float32Array,
  labels: Labels,
  indices: ArrayLike<number>,
): { T: number; bound: TemperatureBound | null } {
  return fitTemperatureWith(checkLogitShapes(logits, labels) === 2 ? 'search' : 'newton', {
    logits,
    labels,
    indices,
  });
}

/**
 * fitTemperature by golden-section search for any number of classes: the original method, kept
 * as the reference the Newton fit for K > 2 is tested against.
 */
export function fitTemperatureBySearch(
  logits: Float32Array,
  labels: Labels,
  indices: ArrayLike<number>,
): { T: number; bound: TemperatureBound | null } {
  return fitTemperatureWith('search', { logits, labels, indices });
}

function fitTemperatureWith(
  method: 'search' | 'newton',
  { logits, labels, indices }: { logits: Float32Array; labels: Labels; indices: ArrayLike<number> },
): { T: number; bound: TemperatureBound | null } {
  const classes = checkLogitShapes(logits, labels);
  const chosen = exampleIndices(labels.length, indices);
  const finite: number[] = [];
  for (let k = 0; k < chosen.length; k++) {
    if (rowIsFinite(logits, chosen[k] * classes, classes)) finite.push(chosen[k]);
  }
  if (finite.length === 0) return { T: 1, bound: null };

  const low = Math.log(MIN_TEMPERATURE);
  const high = Math.log(MAX_TEMPERATURE);
  let T: number;
  let logT: number;
  if (method === 'search') {
    const nll = (at: number) => meanLoss(logits, labels, classes, finite, Math.exp(at));
    logT = goldenSectionLogT(nll, low, high);
    if (nll(0) <= nll(logT)) return { T: 1, bound: null };
    T = Math.exp(logT);
  } else {
    const rows = Int32Array.from(finite);
    const { beta, value, valueAtOne } = newtonInverseTemperature(
      (at) => nllCurveAtInverseTemperature(logits, labels, classes, rows, at),
      1 / MAX_TEMPERATURE,
      1 / MIN_TEMPERATURE,
    );
    if (valueAtOne <= value) return { T: 1, bound: null };
    T = 1 / beta;
    logT = -Math.log(beta);
  }
  const side =
    logT - low < AT_BOUND_LOG_T ? 'lower' : high - logT < AT_BOUND_LOG_T ? 'upper' : null;
  if (side === null) return { T, bound: null };
  const { margins, wrong } = boundMargins(logits, labels, classes, finite);
  return {
    T: side === 'lower' ? MIN_TEMPERATURE : MAX_TEMPERATURE,
    bound: { side, reason: boundReason(side, margins, wrong, classes) },
  };
}

/** Whether every logit of the row is finite. */
function rowIsFinite(logits: Float32Array, offset: number, classes: number): boolean {
  for (let k = 0; k < classes; k++) if (!Number.isFinite(logits[offset + k])) return false;
  return true;
}

/** The margins and the count of wrong examples boundReason reads (its comment says which). */
function boundMargins(
  logits: Float32Array,
  labels: Labels,
  classes: number,
  examples: readonly number[],
): { margins: number[]; wrong: number } {
  if (classes === 2) {
    const margins = examples.map((i) => {
      const trueLogit = labels[i] === 1 ? logits[2 * i + 1] : logits[2 * i];
      return 2 * trueLogit - logits[2 * i] - logits[2 * i + 1];
    });
    return { margins, wrong: margins.filter((margin) => margin < 0).length };
  }
  let wrong = 0;
  const margins = examples.map((i) => {
    const offset = i * classes;
    const trueLogit = logits[offset + labels[i]];
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += logits[offset + k];
    const rival = strongestOtherRow(logits, offset, classes, labels[i]);
    if (logits[offset + rival] > trueLogit) wrong++;
    return trueLogit - sum / classes;
  });
  return { margins, wrong };
}

/** Everything the calibration view shows for a set of examples at one temperature. */
export interface TemperatureEvaluation {
  nll: number;
  ece: number;
  mce: number;
  accuracy: number;
  reliability: ReliabilityDiagram;
  lossCorrect: number;
  lossWrong: number;
}

/** Everything the calibration view shows for `indices` at temperature T. */
export function evaluateAtTemperature(
  logits: Float32Array,
  labels: Labels,
  indices: ArrayLike<number>,
  T: number,
): TemperatureEvaluation {
  const reliability = reliabilityDiagram(logits, labels, {
    bins: RELIABILITY_BINS,
    temperature: T,
    indices,
  });
  const { ece, mce } = calibrationErrors(reliability);
  const split = lossSplit(logits, labels, { temperature: T, indices });
  return {
    nll: nllAtTemperature(logits, labels, indices, T),
    ece,
    mce,
    accuracy: (indices.length - split.wrongCount) / indices.length,
    reliability,
    lossCorrect: split.correct,
    lossWrong: split.wrong,
  };
}

/**
 * Splits the held-out set by the run's seed (calibrationSplit), fits T on the calibration half
 * and reports the evaluation half at T = 1 and at T.
 */
export function temperatureFit(logits: Float32Array, labels: Labels, seed: number): TemperatureFit {
  return fitAndEvaluate(logits, labels, seed).fit;
}

/**
 * temperatureFit, with the evaluation half's full figures at the fitted T that it computes on
 * the way: what the temperature slider shows first, so a caller need not evaluate it again.
 */
export function fitAndEvaluate(
  logits: Float32Array,
  labels: Labels,
  seed: number,
): { fit: TemperatureFit; atFitted: TemperatureEvaluation } {
  checkLogitShapes(logits, labels);
  const { calibration, evaluation } = calibrationSplit(labels, seed);
  const { T, bound } = fitTemperature(logits, labels, calibration);
  const before = evaluateAtTemperature(logits, labels, evaluation, 1);
  const after = evaluateAtTemperature(logits, labels, evaluation, T);
  const fit: TemperatureFit = {
    T,
    bound,
    nllBefore: before.nll,
    nllAfter: after.nll,
    eceBefore: before.ece,
    eceAfter: after.ece,
    accuracyBefore: before.accuracy,
    accuracyAfter: after.accuracy,
    calibrationCount: calibration.length,
    evaluationCount: evaluation.length,
  };
  return { fit, atFitted: after };
}
