// The one message protocol between the page and the training worker.
// Every message is a member of a discriminated union on `type`; both sides switch exhaustively.

import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  ClassSlug,
  EarlyStopInfo,
  EpochMetrics,
  ModelPreset,
  TrainConfig,
} from '../core/types';

export type TrainerStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done';

/** Page → worker. */
export type ToWorker =
  /** Pick the backend (WebGPU → WebGL → CPU unless forced). Answered by `backend`. */
  | {
      type: 'init';
      backend: BackendPreference;
      /** Absolute URL of the dataset folder (a worker resolves relative URLs against its script). */
      dataUrl: string;
      /** The model `auto` times its candidates on (core/backend.ts); absent: the default preset. */
      model?: ModelPreset;
    }
  /** Fetch (lazily, cached, verified) the pair and send a few sample images. Answered by `samples`. */
  | { type: 'preview'; classes: [ClassSlug, ClassSlug]; perClass: number }
  /** Build data + model for `config` (if no run exists) and train until the last epoch. */
  | ({ type: 'train' } & RunCommand)
  /** Like `train`, but stop after the current (or next) epoch completes. */
  | ({ type: 'step' } & RunCommand)
  /** Stop at the next batch boundary; `train`/`step` continue the same run. */
  | { type: 'pause' }
  /** Dispose the run (model, optimizer, device-resident data). Answered by `status: idle`. */
  | { type: 'reset' };

/** Who a run is, for saving it in the browser (IndexedDB) as it trains. */
export interface RunIdentity {
  id: string;
  createdAt: string;
  /** The URL hash that reproduces the settings. */
  link: string;
  backendPreference: BackendPreference;
}

export interface RunCommand {
  config: TrainConfig;
  run: RunIdentity;
  /** Continue the stored run `run.id` from its last saved epoch instead of starting afresh. */
  resume?: boolean;
  /** Testing aid: lose the GPU device/context after this epoch (0 or absent = never). */
  loseDeviceAt?: number;
}

export interface SampleImages {
  /** Class slug and display name of each class, index-aligned with `pixels`. */
  classes: [ClassSlug, ClassSlug];
  /** Per class: `perClass` images of 28×28 uint8 pixels, concatenated row-major. */
  pixels: [Uint8Array, Uint8Array];
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

/** Worker → page. */
export type FromWorker =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'samples'; samples: SampleImages }
  | { type: 'status'; status: TrainerStatus; detail?: string }
  | { type: 'progress'; progress: Progress }
  | {
      type: 'epoch';
      metrics: EpochMetrics;
      /** Every validation example's logits from this epoch, [z0, z1] interleaved, dataset order. */
      validationLogits: Float32Array;
      /** Sent with epoch 1 only (they never change during a run): validation labels, dataset order. */
      validationLabels?: Uint8Array;
      /** Sent with epoch 1 only: validation images, 28×28 uint8 each, dataset order (for the gallery). */
      validationImages?: Uint8Array;
      /** Set on the epoch after which early stopping ended the run (the best weights are restored). */
      earlyStop?: EarlyStopInfo;
    }
  /** tf.memory() after each epoch and after a reset, for leak checks and the diagnostics line. */
  | { type: 'memory'; memory: TensorMemory }
  /** The loss became NaN/Inf during `epoch`: training stopped; earlier epochs stand. */
  | { type: 'diverged'; epoch: number; message: string }
  /** The GPU went away; this worker is unusable. Completed epochs are saved (when storage works). */
  | { type: 'device-lost'; backend: BackendName; detail: string; epochsCompleted: number }
  /** Something worth telling the user that does not stop training (e.g. storage unavailable). */
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string };

/** Narrowing helper for exhaustive switches. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
