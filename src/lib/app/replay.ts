// A recorded run, played back: a run file that carries every epoch's validation logits
// (run@2, `epochLogits`) is shown epoch by epoch through the very fields a live run fills
// (epochs, logitsHistory, validationLabels, runState), so no panel can tell the difference.
// Everything here is read from the file; nothing is trained or recomputed. Pure: no DOM.

import type { ParsedRunFile } from '../core/files';
import { scoredEpoch } from '../core/metrics';
import type { RunState } from '../core/runState';
import type { EpochMetrics, Labels, TrainConfig } from '../core/types';
import type { RunIdentity } from '../worker/train/protocol';

/** A parsed run file whose every epoch has its logits and its calibration figures. */
export interface ReplayableRun extends Omit<ParsedRunFile, 'epochs' | 'epochLogits'> {
  epochs: EpochMetrics[];
  epochLogits: Float32Array[];
}

/** What the page shows of a recorded run after `shown` of its epochs: a live run's fields. */
export interface RecordedView {
  identity: RunIdentity;
  config: TrainConfig;
  epochs: EpochMetrics[];
  logitsHistory: Float32Array[];
  validationLabels: Labels;
  /** Null before the first epoch, as for a live run. */
  state: RunState | null;
}

export type Replayability = { ok: true; run: ReplayableRun } | { ok: false; reason: string };

function complete(epoch: ParsedRunFile['epochs'][number]): epoch is EpochMetrics {
  return epoch.reliability !== undefined && epoch.wrongCount !== undefined;
}

/** The run, if it can be replayed; otherwise why not, in words for the page. */
export function replayable(run: ParsedRunFile): Replayability {
  const { epochLogits, epochs } = run;
  if (epochLogits === null) {
    return {
      ok: false,
      reason: 'it has no per-epoch logits (files from before run@2 cannot be replayed)',
    };
  }
  if (!epochs.every(complete)) {
    return { ok: false, reason: 'its epochs lack the calibration figures' };
  }
  return { ok: true, run: { ...run, epochs, epochLogits } };
}

/** A recorded run's identity: stable per file, never one of this browser's run ids. */
export function recordedIdentity(run: ReplayableRun): RunIdentity {
  return {
    id: `recorded:${run.createdAt}`,
    createdAt: run.createdAt,
    link: run.link,
    backendPreference: run.config.backend,
  };
}

/**
 * The run as it stood after epoch `shown` (clamped to the file's epochs): what the model held
 * then — after early stopping, the restored best epoch's logits — and the changes made so far.
 */
export function recordedView(run: ReplayableRun, shown: number, labels: Uint8Array): RecordedView {
  const count = Math.max(0, Math.min(run.epochs.length, Math.floor(shown)));
  const { backend: _preference, ...config } = run.config;
  const identity = recordedIdentity(run);
  const stopped = run.earlyStop !== null && count >= run.earlyStop.stoppedAfterEpoch;
  const modelEpoch = stopped && run.earlyStop ? run.earlyStop.bestEpoch : count;
  const finished =
    count === run.epochs.length && (stopped || run.epochs.length === run.config.epochs);
  const { environment } = run;
  return {
    identity,
    config,
    // Files recorded before the Brier and equal-mass figures get them from their logits.
    epochs: run.epochs
      .slice(0, count)
      .map((metrics, i) => scoredEpoch(metrics, run.epochLogits[i], labels)),
    logitsHistory: run.epochLogits.slice(0, count),
    validationLabels: labels,
    state:
      count === 0
        ? null
        : {
            runId: identity.id,
            backend: {
              name: environment.backend,
              adapter: environment.adapter,
              fallbackReason: environment.fallbackReason,
              tfjsVersion: environment.tfjs,
            },
            epochsCompleted: count,
            model: { epoch: modelEpoch, validationLogits: run.epochLogits[modelEpoch - 1] },
            earlyStop: stopped ? run.earlyStop : null,
            finished,
            // Mid-run setting changes the file records, up to the epoch shown.
            events: run.events.filter((event) => event.epoch <= count),
          },
  };
}
