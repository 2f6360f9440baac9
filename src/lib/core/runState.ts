// What is true of a run after its latest completed epoch, as the training worker knows it. The
// worker sends it with every epoch and saves it with the run; the page, the panels and the
// saved-run loader read it and never work it out again. Plain data, no tfjs.

import type { BackendInfo, EarlyStopInfo, SettingChangeEvent } from './types';

/** The model the run holds now and what it gives on the validation set. */
export interface HeldModel {
  /** The epoch whose weights the model holds: the last one, or the best after early stopping. */
  epoch: number;
  /** Its validation logits, [z0, z1] per example, dataset order. */
  validationLogits: Float32Array;
}

export interface RunState {
  runId: string;
  /** The backend that trained the latest epoch. */
  backend: BackendInfo;
  epochsCompleted: number;
  model: HeldModel;
  /** Set once early stopping ended the run (the model then holds `bestEpoch`'s weights). */
  earlyStop: EarlyStopInfo | null;
  /** No further epoch will be trained: the last epoch is done, or early stopping ended it. */
  finished: boolean;
  /** Settings changed mid-run, in the order applied (the config holds the starting values). */
  events: SettingChangeEvent[];
}

/** An epoch's headline figures: what run lists and compared-run overlays draw. */
export interface CurvePoint {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss: number;
  validationAccuracy: number;
}

export function curvePoint(metrics: CurvePoint): CurvePoint {
  const { epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy } = metrics;
  return { epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy };
}
