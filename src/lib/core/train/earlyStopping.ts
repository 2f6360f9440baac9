// Early stopping with "restore best weights": watch one validation metric, keep a device copy
// of the best epoch's weights, and after `patience` epochs without improvement put them back.
// The trainer hands it the metric measured on the calibration half only (core/metrics
// heldOutSplit), so the epoch it chooses leaves the evaluation half unseen: the post-hoc figures
// reported there stay held out.

import * as tf from '@tensorflow/tfjs';
import { calibrationHalfFigures, earlyStopScore } from '../metrics';
import { readNamed, toNamedTensors } from './snapshot';
import type {
  EarlyStopInfo,
  EarlyStopMetric,
  EpochMetrics,
  Labels,
  TrainerSnapshot,
} from '../types';

type WatchedMetric = EarlyStopInfo['metric'];

/** What the stop rule reads of an epoch: its number and the watched half's loss and accuracy. */
export type WatchedFigures = Pick<EpochMetrics, 'epoch' | 'validationLoss' | 'validationAccuracy'>;

// The score lives with the statistics (core/metrics/fixes/epochChoice.ts), so the verdict
// "stop early, or rescale?" chooses its stopping epoch by this very rule.
export { earlyStopScore } from '../metrics';

export interface EarlyStopDecision {
  info: EarlyStopInfo;
  /** The best epoch's validation logits (a copy the caller owns): the restored model's predictions. */
  bestValidationLogits: Float32Array;
}

/** The examples the stop rule may see: the calibration half of the validation set, with its labels. */
export interface WatchedHalf {
  labels: Labels;
  calibration: readonly number[];
}

export class EarlyStopping {
  /** null when early stopping is off. */
  readonly metric: WatchedMetric | null;
  readonly patience: number;
  #best: { epoch: number; score: number } | null = null;
  #bestWeights: tf.Tensor[] | null = null;
  #bestLogits: Float32Array | null = null;

  /** When set, every epoch is scored on these examples only, from its logits. */
  readonly #watched: WatchedHalf | null;

  constructor(metric: EarlyStopMetric, patience: number, watched: WatchedHalf | null = null) {
    this.#watched = watched;
    this.metric = metric === 'loss' || metric === 'accuracy' ? metric : null;
    if (this.metric !== null && !(Number.isInteger(patience) && patience >= 1)) {
      throw new Error(`Patience must be a whole number of epochs ≥ 1, got ${patience}`);
    }
    this.patience = patience;
  }

  get bestEpoch(): number | null {
    return this.#best?.epoch ?? null;
  }

  /**
   * Call after every evaluated epoch. An improvement (strictly better; ties keep the earlier
   * epoch) replaces the saved weights. When `patience` epochs have passed since the best,
   * the best weights are written back into `model` and the decision is returned.
   */
  update(
    model: tf.LayersModel,
    /** The epoch's figures; with a watched half, only its number is read (the rest from the logits). */
    metrics: WatchedFigures,
    validationLogits: Float32Array,
  ): EarlyStopDecision | null {
    if (this.metric === null) return null;
    const watched = this.#watched;
    const figures = watched
      ? {
          epoch: metrics.epoch,
          ...calibrationHalfFigures(validationLogits, watched.labels, watched.calibration),
        }
      : metrics;
    const score = earlyStopScore(this.metric, figures);
    if (this.#best === null || score < this.#best.score) {
      this.#best = { epoch: metrics.epoch, score };
      this.#disposeWeights();
      // clone() shares the data until the optimizer assigns new values to the variables.
      this.#bestWeights = model.getWeights().map((weight) => weight.clone());
      // A copy: the caller may transfer the epoch's own array to the UI.
      this.#bestLogits = validationLogits.slice();
    }
    if (metrics.epoch - this.#best.epoch < this.patience) return null;
    const weights = this.#bestWeights;
    const bestLogits = this.#bestLogits;
    if (weights === null || bestLogits === null) throw new Error('No best weights saved');
    model.setWeights(weights); // the variables now reference the saved data
    this.#disposeWeights();
    this.#bestLogits = null;
    return {
      info: { metric: this.metric, bestEpoch: this.#best.epoch, stoppedAfterEpoch: metrics.epoch },
      bestValidationLogits: bestLogits,
    };
  }

  /** The best epoch so far with its weights and logits, for a snapshot; null when none/off. */
  async exportBest(): Promise<TrainerSnapshot['best']> {
    if (this.#best === null || this.#bestWeights === null || this.#bestLogits === null) return null;
    const named = this.#bestWeights.map((tensor, index) => ({ name: `best/${index}`, tensor }));
    return {
      epoch: this.#best.epoch,
      score: this.#best.score,
      model: await readNamed(named),
      logits: this.#bestLogits.slice(),
    };
  }

  /** Restores what exportBest returned (into a fresh instance). */
  restoreBest(best: NonNullable<TrainerSnapshot['best']>): void {
    this.#disposeWeights();
    this.#best = { epoch: best.epoch, score: best.score };
    this.#bestWeights = toNamedTensors(best.model).map(({ tensor }) => tensor);
    this.#bestLogits = best.logits.slice();
  }

  /** Frees the saved weights (idempotent). */
  dispose(): void {
    this.#disposeWeights();
    this.#bestLogits = null;
  }

  #disposeWeights(): void {
    if (this.#bestWeights !== null) tf.dispose(this.#bestWeights);
    this.#bestWeights = null;
  }
}
