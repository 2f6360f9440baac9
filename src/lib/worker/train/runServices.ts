// What the run controller needs from outside, injected: the worker file gives it the real
// trainer, storage, backend selection and `postMessage`; Node tests give it fakes.

import type { RunState } from '../../core/runState';
import type { EpochResult, TrainHooks } from '../../core/train';
import type {
  AdjustableSettings,
  BackendInfo,
  SettingChangeEvent,
  SettingChanges,
  TrainConfig,
} from '../../core/types';
import type { RunRecord } from '../../persist/runStore';
import type { DeviceLoss } from './deviceWatch';
import type { Exportable } from './persistence';
import type {
  FromWorker,
  RunCommand,
  RunIdentity,
  SampleImages,
  TensorMemory,
  ToWorker,
} from './protocol';

/** What the controller needs of a training run: core/train/trainer.ts's Trainer, or a fake. */
export interface TrainingRun extends Exportable {
  readonly epochsCompleted: number;
  readonly stoppedEarly: boolean;
  trainEpoch(hooks: TrainHooks): Promise<'complete' | 'stopped' | 'diverged'>;
  finishEpoch(): Promise<EpochResult>;
  /** Changes settings from the next batch on; returns one event per value that changed. */
  adjust(changes: SettingChanges): SettingChangeEvent[];
  readonly adjustable: AdjustableSettings;
  dispose(): void;
}

/** A run built from a command: the trainer and the validation set it evaluates. */
export interface CreatedRun {
  run: TrainingRun;
  /** Validation labels and 28×28 images, dataset order (sent once with the first epoch). */
  labels: Uint8Array;
  images: Uint8Array;
}

export interface RunStorage {
  startRun(
    identity: RunIdentity,
    config: TrainConfig,
    backend: BackendInfo,
    labels: Uint8Array,
  ): Promise<RunRecord | null>;
  saveEpoch(
    metrics: EpochResult['metrics'],
    logits: Float32Array,
    state: RunState,
    run: Exportable,
  ): Promise<RunRecord | null>;
  finish(runId: string): Promise<RunRecord | null>;
  /** Stores the run's changes so far without an epoch (a change made between epochs). */
  saveEvents(runId: string, events: SettingChangeEvent[]): Promise<RunRecord | null>;
}

/** Everything outside the controller, injected. */
export interface WorkerServices {
  post(message: FromWorker, transfer?: Transferable[]): void;
  selectBackend(command: Extract<ToWorker, { type: 'init' }>): Promise<BackendInfo>;
  samples(command: Extract<ToWorker, { type: 'preview' }>): Promise<SampleImages>;
  /** Builds data and model for the command (restoring the saved state when resuming). */
  createRun(command: RunCommand, loading: (detail: string) => void): Promise<CreatedRun>;
  storage: RunStorage;
  /** The GPU behind the backend: whether it was lost, and how to lose it on purpose (tests). */
  device: { lost(): DeviceLoss | null; inject(): Promise<boolean> };
  memory(): TensorMemory;
}
