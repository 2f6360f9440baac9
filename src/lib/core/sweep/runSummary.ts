// One run's sweep summary from what the run stored: its per-epoch training figures and
// validation logits. Every figure is on the evaluation half of the run's held-out split
// (core/metrics heldOutSplit, seeded by the run's seed); the best epoch is the one with the lowest
// loss on the calibration half, as early stopping chooses it, so the half that scores it never
// chose it. The post-hoc fixes are fitted on the calibration half of the final model's logits
// and scored on the evaluation half (core/metrics posthocReport). Pure, no tf.

import {
  brierScore,
  calibrationHalfFigures,
  checkLogitShapes,
  evaluateAtTemperature,
  heldOutSplit,
  posthocReport,
} from '../metrics';
import type { Labels } from '../types';
import type { RunCurves, RunSummary } from './summaryFields';

/** What a run stored of an epoch beside its logits (EpochMetrics has these fields). */
export interface StoredEpoch {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
}

export interface RunSummaryInput {
  /** The run's seed: it draws the held-out split. */
  seed: number;
  labels: Labels;
  epochs: readonly StoredEpoch[];
  /** Validation logits (N × K) of each entry of `epochs`, in the same order. */
  epochLogits: readonly Float32Array[];
  /**
   * The epoch whose weights the run ended with: the last, or the restored best after early
   * stopping (RunState.model.epoch). "Final" figures are this model's. Default: the last.
   */
  heldEpoch?: number;
}

/** The logits and labels of the examples at `indices`, copied (float32 to float32: exact). */
function rows(logits: Float32Array, labels: Labels, indices: readonly number[]) {
  const classes = logits.length / labels.length;
  const chosenLogits = new Float32Array(indices.length * classes);
  const chosenLabels = new Uint16Array(indices.length);
  indices.forEach((i, k) => {
    chosenLogits.set(logits.subarray(i * classes, (i + 1) * classes), k * classes);
    chosenLabels[k] = labels[i];
  });
  return { logits: chosenLogits, labels: chosenLabels };
}

export function summarizeRun(input: RunSummaryInput): { summary: RunSummary; curves: RunCurves } {
  const { labels, epochs, epochLogits, seed } = input;
  if (epochs.length === 0 || epochLogits.length !== epochs.length) {
    throw new Error(
      `Expected logits for each of ${epochs.length} epochs, got ${epochLogits.length}`,
    );
  }
  epochLogits.forEach((logits) => checkLogitShapes(logits, labels));
  const { calibration, evaluation } = heldOutSplit(labels, seed);
  const curves: RunCurves = {
    epoch: [],
    trainLoss: [],
    trainAccuracy: [],
    calibrationLoss: [],
    validationLoss: [],
    validationAccuracy: [],
    ece: [],
  };
  const scored = epochLogits.map((logits) => evaluateAtTemperature(logits, labels, evaluation, 1));
  epochs.forEach((stored, k) => {
    curves.epoch.push(stored.epoch);
    curves.trainLoss.push(stored.trainLoss);
    curves.trainAccuracy.push(stored.trainAccuracy);
    curves.calibrationLoss.push(
      calibrationHalfFigures(epochLogits[k], labels, calibration).validationLoss,
    );
    curves.validationLoss.push(scored[k].nll);
    curves.validationAccuracy.push(scored[k].accuracy);
    curves.ece.push(scored[k].ece);
  });
  const heldEpoch = input.heldEpoch ?? epochs[epochs.length - 1].epoch;
  const final = epochs.findIndex((stored) => stored.epoch === heldEpoch);
  if (final === -1) throw new Error(`The held epoch ${heldEpoch} is not among the run's epochs`);
  // Lowest calibration-half loss, the earliest on a tie (strict <); NaN losses never win.
  let best = -1;
  curves.calibrationLoss.forEach((loss, k) => {
    if (!Number.isNaN(loss) && (best === -1 || loss < curves.calibrationLoss[best])) best = k;
  });
  if (best === -1) best = final;
  const brier = (k: number) => {
    const half = rows(epochLogits[k], labels, evaluation);
    return brierScore(half.logits, half.labels).score;
  };
  const fixes = posthocReport(epochLogits[final], labels, seed);
  return {
    summary: {
      finalNll: scored[final].nll,
      finalEce: scored[final].ece,
      finalBrier: brier(final),
      finalAccuracy: scored[final].accuracy,
      bestNll: scored[best].nll,
      bestEce: scored[best].ece,
      bestBrier: brier(best),
      bestAccuracy: scored[best].accuracy,
      bestEpoch: epochs[best].epoch,
      temperature: fixes.temperature.T,
      temperatureNll: fixes.temperature.nll,
      temperatureEce: fixes.temperature.ece,
      plattNll: fixes.platt.nll,
      plattEce: fixes.platt.ece,
      isotonicNll: fixes.isotonic.nll,
      isotonicEce: fixes.isotonic.ece,
    },
    curves,
  };
}
