// The messages between the page and the calibration worker (calibrate.worker.ts), which fits
// temperature scaling, compares the post-hoc fixes and evaluates the slider's T for logits too
// large to fit on the main thread (an imported run reaches 100,000 × 1,000 values). A
// discriminated union on `type`, like the other workers' protocols: every command carries a
// request id and every reply names it.
//
// Logits travel copied, not transferred: the page keeps reading its own copy for every other
// panel. The worker holds the logits of the latest `fit` so that a slider move sends one number.

import type { EpochFix, PosthocReport } from '../../core/metrics';
import type { TemperatureEvaluation } from '../../core/metrics';
import type { Labels, TemperatureFit } from '../../core/types';

/** Page → calibration worker. */
export type ToCalibrateWorker =
  /** Fit T on the calibration half and report; the worker keeps these logits for `evaluate`. */
  /** `seed` is the run's seed: it draws the held-out split (core/metrics heldOutSplit). */
  | { type: 'fit'; id: number; logits: Float32Array; labels: Labels; seed: number }
  /** The evaluation half at temperature T, for the logits of fit `fitId`. */
  | { type: 'evaluate'; id: number; fitId: number; T: number }
  /** The post-hoc report alone, for logits the worker does not keep (the runs ranking). */
  | { type: 'report'; id: number; logits: Float32Array; labels: Labels; seed: number }
  /**
   * The fixes at every epoch (core/metrics fixes): `epochLogits[e − 1]` holds epoch e's N × K
   * logits, all on `labels`, split by `seed`. Answered by `fixes-progress` after each epoch, then
   * `fixes`; nothing is held, so it leaves any `fit` and its slider alone.
   */
  | {
      type: 'fixes';
      id: number;
      epochLogits: Float32Array[];
      labels: Labels;
      seed: number;
    };

/**
 * Calibration worker → page. A `fit` is answered by `fitted`, then `posthoc` (or `error`); a
 * `fixes` by `fixes-progress` per epoch, then `fixes` (or `error`).
 */
export type FromCalibrateWorker =
  | {
      type: 'fitted';
      replyTo: number;
      fit: TemperatureFit;
      /** The evaluation half at the fitted T: what the slider shows until it is moved. */
      atFitted: TemperatureEvaluation;
    }
  | { type: 'posthoc'; replyTo: number; report: PosthocReport }
  | { type: 'evaluated'; replyTo: number; T: number; evaluation: TemperatureEvaluation }
  | { type: 'fixes-progress'; replyTo: number; done: number; total: number }
  | { type: 'fixes'; replyTo: number; fixes: EpochFix[] }
  | { type: 'error'; replyTo: number; message: string };
