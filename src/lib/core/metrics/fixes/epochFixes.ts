// The post-hoc fixes at every epoch: temperature (and Platt and isotonic for two classes) fitted
// on the calibration half of each epoch's logits and reported on the evaluation half, by the
// very functions the last epoch's fit uses (temperature.ts, posthoc.ts), on the run's one split
// (heldOutSplit.ts). With the raw calibration-half loss the epoch choice reads (epochChoice.ts),
// so "stop early" and "keep training and rescale" are compared on the same evaluation half.

import { calibrationHalfFigures } from '../heldOutSplit';
import { posthocReport, type PosthocReport } from '../posthoc';
import { calibrationSplit, fitTemperature, type TemperatureBound } from '../temperature';
import type { Labels } from '../../types';

/** One epoch's fixes. */
export interface EpochFix {
  epoch: number;
  /** Mean NLL as trained (T = 1) on the calibration half: what the epoch choice reads. */
  calibrationLoss: number;
  /** Set when the temperature fit stopped at an end of its range (temperature.ts says why). */
  bound: TemperatureBound | null;
  /** As trained, temperature, Platt and isotonic on the evaluation half (posthoc.ts). */
  report: PosthocReport;
}

/** Called after each epoch is done: `done` of `total` epochs. */
export type FixesProgress = (done: number, total: number) => void;

/** The fixes of one epoch's N × K logits, on the split `seed` draws. */
export function epochFix(
  epoch: number,
  logits: Float32Array,
  labels: Labels,
  seed: number,
): EpochFix {
  const { calibration } = calibrationSplit(labels, seed);
  const { T, bound } = fitTemperature(logits, labels, calibration);
  return {
    epoch,
    calibrationLoss: calibrationHalfFigures(logits, labels, calibration).validationLoss,
    bound,
    report: posthocReport(logits, labels, seed, T),
  };
}

/** Every epoch's fixes; `history[e − 1]` holds epoch e's logits, all with the same labels. */
export function epochFixes(
  history: readonly Float32Array[],
  labels: Labels,
  seed: number,
  onProgress?: FixesProgress,
): EpochFix[] {
  return history.map((logits, index) => {
    const fix = epochFix(index + 1, logits, labels, seed);
    onProgress?.(index + 1, history.length);
    return fix;
  });
}

/**
 * What the run file and the CSV keep of an epoch's fixes: its T and the evaluation half's NLL and
 * ECE as trained (`…Before`) and at T (`…After`), the shape of the last epoch's TemperatureFit.
 */
export interface EpochTemperature {
  epoch: number;
  T: number;
  bound: TemperatureBound | null;
  nllBefore: number;
  nllAfter: number;
  eceBefore: number;
  eceAfter: number;
}

/** An epoch's fixes as the run file and the CSV keep them. */
export function epochTemperature(fix: EpochFix): EpochTemperature {
  const { none, temperature } = fix.report;
  return {
    epoch: fix.epoch,
    T: temperature.T,
    bound: fix.bound,
    nllBefore: none.nll,
    nllAfter: temperature.nll,
    eceBefore: none.ece,
    eceAfter: temperature.ece,
  };
}
