// The one message protocol between the page and the training worker.
// Every message is a member of a discriminated union on `type`; both sides switch exhaustively.
// Commands carry a request id; replies name the id they answer (`replyTo`), and messages the
// worker sends of its own accord (epochs, progress, notices) name the run they are about.

import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  ClassSlug,
  EpochMetrics,
  ModelPreset,
  SettingChangeEvent,
  SettingChanges,
  TrainConfig,
} from '../../core/types';
import type { RunRecord, SweepTag } from '../../persist/runStore';
import type { RunState } from '../../core/runState';

export type { RunState } from '../../core/runState';

/**
 * The Worker `name` of a sweep's training workers (app/sweep/trainingSlot.ts): they compute on
 * one WebAssembly thread whatever the cores, so a pool of them fills the machine and a run's
 * result never depends on the thread count (tfEnvironment.ts reads it).
 */
export const SINGLE_THREAD_WORKER_NAME = 'sweep-training';

export type TrainerStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done';

/** Page → worker. Every command has a request id, unique per page. */
export type ToWorker =
  /** Pick the backend (WebGPU → WebGL → CPU unless forced). Answered by `backend`. */
  | {
      type: 'init';
      id: number;
      backend: BackendPreference;
      /** Absolute URL of the dataset folder (a worker resolves relative URLs against its script). */
      dataUrl: string;
      /** The model `auto` times its candidates on (core/train/backend.ts); absent: the default preset. */
      model?: ModelPreset;
    }
  /** Fetch (lazily, cached, verified) the classes and send a few sample images. Answered by `samples`. */
  | { type: 'preview'; id: number; classes: ClassSlug[]; perClass: number }
  /** Build data + model for `config` (if no run exists) and train until the last epoch. */
  | ({ type: 'train'; id: number } & RunCommand)
  /** Like `train`, but stop after the current (or next) epoch completes. */
  | ({ type: 'step'; id: number } & RunCommand)
  /** Stop at the next batch boundary; `train`/`step` continue the same run. Answered by `status`. */
  | { type: 'pause'; id: number }
  /** Dispose the run (model, optimizer, device-resident data). Answered by `status: idle`. */
  | { type: 'reset'; id: number }
  /**
   * Change adjustable settings of the run in progress (training or paused), from its next
   * batch on, without a reset. Handled at once, not queued behind the training loop.
   * Answered by `adjusted` (or `error` when there is no run or a value is out of bounds).
   */
  | { type: 'adjust'; id: number; changes: SettingChanges };

export type Command = ToWorker;
export type CommandType = ToWorker['type'];

/** Who a run is, for saving it in the browser (IndexedDB) as it trains. */
export interface RunIdentity {
  id: string;
  createdAt: string;
  /** The URL hash that reproduces the settings. */
  link: string;
  backendPreference: BackendPreference;
  /** A sweep's run: stored with the run so the Runs list groups it with its sweep. */
  sweep?: SweepTag;
}

/** Fault injection for the end-to-end tests; never a user setting (see app/testHooks.ts). */
export interface TestFaults {
  /** Lose the GPU device/context after this epoch. */
  loseDeviceAt: number;
}

export interface RunCommand {
  config: TrainConfig;
  run: RunIdentity;
  /** Continue the stored run `run.id` from its last saved epoch instead of starting afresh. */
  resume?: boolean;
  /** With `resume`: the run's saved mid-run changes, re-applied so it continues as it was. */
  events?: SettingChangeEvent[];
  faults?: TestFaults;
}

export interface SampleImages {
  /** Class slug and display name of each class, index-aligned with `pixels`. */
  classes: ClassSlug[];
  /** Per class: `perClass` images of 28×28 uint8 pixels, concatenated row-major. */
  pixels: Uint8Array[];
  perClass: number;
}

export interface Progress {
  epoch: number; // 1-based epoch being trained
  epochs: number;
  batch: number; // batches completed in this epoch
  batchesPerEpoch: number;
  imagesPerSecond: number;
  /** Training time so far, pauses excluded. */
  elapsedMs: number;
}

export interface TensorMemory {
  numTensors: number;
  numBytes: number;
  /** Bytes on the GPU where the backend reports them (webgl: numBytesInGPU); null elsewhere. */
  numBytesInGPU: number | null;
}

/** Something worth telling the user that does not stop training; recognised by `kind`. */
export type Notice = {
  kind: 'storage-unavailable';
  /** Why, in the browser's words (e.g. "IndexedDB unavailable"). */
  reason: string;
};

/** Worker → page. */
export type FromWorker =
  | { type: 'backend'; replyTo: number; info: BackendInfo }
  | { type: 'samples'; replyTo: number; samples: SampleImages }
  /**
   * Where the worker stands. `replyTo`: the command this answers (the status it led to, or
   * where things stand when it had nothing to do); null when the run moved on by itself
   * (e.g. finished or paused after a Step).
   */
  | { type: 'status'; replyTo: number | null; status: TrainerStatus; detail?: string }
  | { type: 'progress'; runId: string; progress: Progress }
  | {
      type: 'epoch';
      runId: string;
      metrics: EpochMetrics;
      /** Every validation example's logits from this epoch, [z0, z1] interleaved, dataset order. */
      validationLogits: Float32Array;
      /** The run after this epoch: what its model holds, early stopping, backend. */
      state: RunState;
      /** Sent with the run's first epoch message only (they never change during a run). */
      validationLabels?: Uint8Array;
      /** With the first epoch only: validation images, 28×28 uint8 each, dataset order (gallery). */
      validationImages?: Uint8Array;
    }
  /** A save landed in this browser's storage: the run's record as stored (no logits, no weights). */
  | { type: 'saved'; record: RunRecord }
  /** The changes of an `adjust` are applied: every change of the run so far, in order. */
  | { type: 'adjusted'; replyTo: number; runId: string; events: SettingChangeEvent[] }
  /** tf.memory() after each epoch and after a reset, for leak checks and the diagnostics line. */
  | { type: 'memory'; memory: TensorMemory }
  /** The loss became NaN/Inf during `epoch`: training stopped; earlier epochs stand. */
  | { type: 'diverged'; runId: string; epoch: number; message: string }
  /** The GPU went away; this worker is unusable. Completed epochs are saved (when storage works). */
  | {
      type: 'device-lost';
      runId: string;
      backend: BackendName;
      detail: string;
      epochsCompleted: number;
    }
  | { type: 'notice'; notice: Notice }
  /** A command failed. `replyTo`: the command, or null for a failure outside any command. */
  | { type: 'error'; replyTo: number | null; message: string };

/** Narrowing helper for exhaustive switches. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
