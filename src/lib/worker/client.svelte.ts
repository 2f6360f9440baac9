// Main-thread façade over the training worker (after svelte.dev's repl client): the Worker is
// private, every reply is narrowed on the FromWorker union, and what the UI needs is exposed as
// reactive fields. The page never sees a tensor — only plain numbers and typed arrays.

import { BACKEND_ORDER, backendDisplayName } from '../core/backend';
import type { EpochRecord } from '../persist/runStore';
import { newRunId } from '../persist/runStore';
import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  ClassSlug,
  EarlyStopInfo,
  EpochMetrics,
  TrainConfig,
} from '../core/types';
import {
  assertNever,
  type FromWorker,
  type Progress,
  type RunIdentity,
  type SampleImages,
  type TensorMemory,
  type ToWorker,
  type TrainerStatus,
} from './protocol';

/** Sample images requested per class for the dataset preview. */
export const PREVIEW_IMAGES_PER_CLASS = 8;

export interface StartOptions {
  /** The URL hash that reproduces the run's settings (stored with the run). */
  link: string;
  /** Testing aid: lose the GPU after this epoch (see the loseDeviceAt setting). */
  loseDeviceAt?: number;
}

/** A run saved in this browser, as needed to resume it. */
export interface SavedRun {
  identity: RunIdentity;
  config: TrainConfig;
  epochs: readonly EpochRecord[];
  validationLabels: Uint8Array;
}

export interface TrainerClientOptions {
  /** Absolute URL of the dataset folder (the worker resolves relative URLs against itself). */
  dataUrl: string;
  /** For tests: make something Worker-shaped instead of the real training worker. */
  createWorker?: () => Worker;
}

function createTrainingWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}

export class TrainerClient {
  status = $state<TrainerStatus>('idle');
  /** Optional words from the worker about the status, e.g. "downloading coat…". */
  statusDetail = $state<string | null>(null);
  backend = $state.raw<BackendInfo | null>(null);
  samples = $state.raw<SampleImages | null>(null);
  progress = $state.raw<Progress | null>(null);
  /** One entry per completed epoch; replaced (never mutated) on each new epoch. */
  epochs = $state.raw<EpochMetrics[]>([]);
  validationLabels = $state.raw<Uint8Array | null>(null);
  /** Validation images of the run (28×28 uint8 each, dataset order), for the gallery. */
  validationImages = $state.raw<Uint8Array | null>(null);
  /**
   * The logits the run's model now gives, [z0, z1] interleaved: the latest epoch's, or the
   * best epoch's once early stopping restored its weights.
   */
  latestLogits = $state.raw<Float32Array | null>(null);
  /** Every completed epoch's validation logits: index e − 1 holds epoch e's. */
  logitsHistory = $state.raw<Float32Array[]>([]);
  /** Set when early stopping ended the run. */
  earlyStop = $state.raw<EarlyStopInfo | null>(null);
  /** The previous run's epochs and config, kept for the faint "ghost" curves. */
  previousRun = $state.raw<{ epochs: EpochMetrics[]; config: TrainConfig | null } | null>(null);
  /** The worker's tf.memory() after the latest epoch or reset. */
  memory = $state.raw<TensorMemory | null>(null);
  /** Who the current run is (its id in the browser's store). */
  runIdentity = $state.raw<RunIdentity | null>(null);
  /** Set when the run's loss became NaN/Inf: what happened and what to try. */
  divergence = $state<string | null>(null);
  /** Set after a lost GPU was survived: what happened and where training went on. */
  deviceNotice = $state<string | null>(null);
  /** A non-fatal message from the worker (e.g. runs cannot be saved here). */
  notice = $state<string | null>(null);
  #storageWorks = true;
  #lastStart: { type: 'train' | 'step'; config: TrainConfig; options: StartOptions } | null = null;
  #loseDeviceAt = 0;
  error = $state<string | null>(null);
  /** The config the current run was started with (settings may differ once it is reset). */
  runConfig = $state.raw<TrainConfig | null>(null);

  /** True from a run's first train/step until reset: settings are locked meanwhile. */
  get hasRun(): boolean {
    return this.status !== 'idle' || this.epochs.length > 0;
  }

  #createWorker: () => Worker;
  #dataUrl: string;
  #worker: Worker;
  #backendPreference: BackendPreference = 'auto';
  #previewClasses: [ClassSlug, ClassSlug] | null = null;
  /** After `reset`, messages of the old run may still be in flight until the worker says idle. */
  #discardingRun = false;

  constructor({ dataUrl, createWorker = createTrainingWorker }: TrainerClientOptions) {
    this.#createWorker = createWorker;
    this.#dataUrl = dataUrl;
    this.#worker = this.#spawn();
  }

  /** Choose the backend. The worker answers with `backend`. */
  init(backend: BackendPreference): void {
    this.#backendPreference = backend;
    this.#post({ type: 'init', backend, dataUrl: this.#dataUrl });
  }

  /** Ask for sample images of a class pair (again after a worker restart). */
  preview(classes: [ClassSlug, ClassSlug]): void {
    this.#previewClasses = [classes[0], classes[1]];
    this.#post({
      type: 'preview',
      classes: this.#previewClasses,
      perClass: PREVIEW_IMAGES_PER_CLASS,
    });
  }

  /** Start a run with `config`, or resume the current (paused) run — its config is kept. */
  train(config: TrainConfig, options: StartOptions): void {
    this.#start('train', config, options);
  }

  /** Like train, but stop after one epoch. */
  step(config: TrainConfig, options: StartOptions): void {
    this.#start('step', config, options);
  }

  /**
   * Show a run saved in this browser (its epochs and charts) without training: it reads as a
   * finished run, so Train stays off until Reset; Resume continues an unfinished one instead.
   */
  open(saved: SavedRun): void {
    if (!this.#showSaved(saved)) return;
    this.status = 'done';
    this.statusDetail = 'Opened from this browser’s saved runs';
  }

  /**
   * Continue a run saved in this browser (after a reload, a crash or a lost GPU) from its last
   * completed epoch. Its epochs are shown at once; the worker restores the saved weights.
   */
  resume(saved: SavedRun): void {
    if (!this.#showSaved(saved)) return;
    this.status = 'loading';
    this.#post({ type: 'train', config: saved.config, run: saved.identity, resume: true });
  }

  /** Shows a saved run's epochs in place of an idle client's (none while a run exists). */
  #showSaved(saved: SavedRun): boolean {
    if (this.hasRun) return false;
    this.#clearRun();
    this.runConfig = saved.config;
    this.runIdentity = saved.identity;
    this.epochs = saved.epochs.map((row) => row.metrics);
    this.logitsHistory = saved.epochs.map((row) => row.logits);
    this.latestLogits = this.logitsHistory.at(-1) ?? null;
    this.validationLabels = saved.validationLabels;
    return true;
  }

  pause(): void {
    this.#post({ type: 'pause' });
  }

  /** Forget the run. Figures clear at once; stale messages of the old run are dropped. */
  reset(): void {
    this.#post({ type: 'reset' });
    this.#discardingRun = true;
    this.#clearRun();
    this.status = 'idle'; // optimistic; the worker confirms with `status: idle`
    this.statusDetail = null;
  }

  /** A backend is chosen once per worker, so switching means a fresh worker (and no run). */
  setBackend(preference: BackendPreference): void {
    this.#terminate();
    this.#clearRun();
    this.status = 'idle';
    this.statusDetail = null;
    this.backend = null;
    this.#discardingRun = false;
    this.#worker = this.#spawn();
    this.init(preference);
    if (this.#previewClasses !== null) this.preview(this.#previewClasses);
  }

  /** Retry the current backend preference in a fresh worker (after a crash). */
  restart(): void {
    this.setBackend(this.#backendPreference);
  }

  /**
   * After a failure before the first epoch (e.g. a dataset file that did not download or failed
   * its checksum): a fresh worker, and the same Train/Step again. Later failures just restart.
   */
  retry(): void {
    const last = this.#lastStart;
    const hadEpochs = this.epochs.length > 0;
    this.restart();
    if (last && !hadEpochs) this.#start(last.type, last.config, last.options);
  }

  dispose(): void {
    this.#terminate();
  }

  dismissError(): void {
    this.error = null;
  }

  #start(type: 'train' | 'step', config: TrainConfig, options: StartOptions): void {
    this.#lastStart = { type, config, options };
    if (this.status === 'idle') {
      // An idle worker holds no run (never started, reset, or dropped after an error): start
      // afresh, so a new run's epochs never append to an old run's figures.
      this.#clearRun();
      this.runConfig = config;
      this.runIdentity = {
        id: newRunId(),
        createdAt: new Date().toISOString(),
        link: options.link,
        backendPreference: this.#backendPreference,
      };
      this.#loseDeviceAt = options.loseDeviceAt ?? 0;
    }
    const runConfig = this.runConfig ?? config;
    const run = this.runIdentity;
    if (!run) return;
    this.error = null;
    this.status = 'loading'; // optimistic: disables Train at once; the worker confirms
    const loseDeviceAt = this.#loseDeviceAt;
    this.#post({ type, config: runConfig, run, ...(loseDeviceAt > 0 ? { loseDeviceAt } : {}) });
  }

  /**
   * The GPU went away: move to a fresh worker on the next backend in the chain and continue
   * the same run from its last saved epoch (or start it again there if nothing could be saved).
   */
  #recoverFromDeviceLoss(lost: BackendName, detail: string, epochsCompleted: number): void {
    const next = BACKEND_ORDER[BACKEND_ORDER.indexOf(lost) + 1] ?? 'cpu';
    const run = this.runIdentity;
    const config = this.runConfig;
    this.#loseDeviceAt = 0; // the testing aid fires once
    const why = detail ? ` (${detail})` : '';
    this.#terminate();
    this.backend = null;
    this.#backendPreference = next;
    this.#worker = this.#spawn();
    this.init(next);
    if (this.#previewClasses !== null) this.preview(this.#previewClasses);
    if (!run || !config) {
      this.status = 'idle';
      return;
    }
    const canResume = this.#storageWorks && epochsCompleted > 0;
    this.deviceNotice =
      `The GPU stopped working on ${backendDisplayName(lost)}${why}. ` +
      `Switched to ${backendDisplayName(next)} and ` +
      (canResume
        ? `continued from epoch ${epochsCompleted}; no completed epoch was lost.`
        : 'started the run again.');
    if (!canResume) this.#clearRun();
    this.runConfig = config;
    this.runIdentity = run;
    this.status = 'loading';
    this.#post({ type: 'train', config, run, resume: canResume });
  }

  #clearRun(): void {
    if (this.epochs.length > 0) {
      this.previousRun = { epochs: this.epochs, config: this.runConfig };
    }
    this.epochs = [];
    this.progress = null;
    this.validationLabels = null;
    this.validationImages = null;
    this.latestLogits = null;
    this.logitsHistory = [];
    this.earlyStop = null;
    this.runConfig = null;
    this.runIdentity = null;
    this.divergence = null;
    this.error = null;
  }

  #spawn(): Worker {
    const worker = this.#createWorker();
    // Handlers check `worker === this.#worker` so a terminated worker's last words are ignored.
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (worker === this.#worker) this.#receive(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (worker !== this.#worker) return;
      const where = event.message ? `: ${event.message}` : ' (it may have failed to load)';
      this.#fail(`The training worker stopped with an error${where}`);
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker)
        this.#fail('A message from the training worker could not be read.');
    };
    return worker;
  }

  #terminate(): void {
    this.#worker.onmessage = null;
    this.#worker.onerror = null;
    this.#worker.onmessageerror = null;
    this.#worker.terminate();
  }

  #post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  #fail(message: string): void {
    this.error = message;
    // A stopped run can be reset (or resumed if the worker still lives); it is not "training".
    if (this.status === 'loading' || this.status === 'training') {
      this.status = this.epochs.length > 0 ? 'paused' : 'idle';
    }
    this.#discardingRun = false;
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'backend':
        this.backend = message.info;
        break;
      case 'samples':
        this.samples = message.samples;
        break;
      case 'status':
        if (this.#discardingRun && message.status !== 'idle') break;
        if (message.status === 'idle') this.#discardingRun = false;
        this.status = message.status;
        this.statusDetail = message.detail ?? null;
        break;
      case 'progress':
        if (!this.#discardingRun) this.progress = message.progress;
        break;
      case 'epoch':
        if (this.#discardingRun) break;
        if (message.validationLabels !== undefined)
          this.validationLabels = message.validationLabels;
        if (message.validationImages !== undefined)
          this.validationImages = message.validationImages;
        this.logitsHistory = [...this.logitsHistory, message.validationLogits];
        this.latestLogits = message.validationLogits;
        if (message.earlyStop !== undefined) {
          this.earlyStop = message.earlyStop;
          // The model now holds the best epoch's weights: its logits are that epoch's.
          this.latestLogits =
            this.logitsHistory[message.earlyStop.bestEpoch - 1] ?? message.validationLogits;
        }
        this.epochs = [...this.epochs, message.metrics];
        break;
      case 'memory':
        this.memory = message.memory;
        break;
      case 'diverged':
        if (!this.#discardingRun) this.divergence = message.message;
        break;
      case 'device-lost':
        if (!this.#discardingRun) {
          this.#recoverFromDeviceLoss(message.backend, message.detail, message.epochsCompleted);
        }
        break;
      case 'notice':
        if (message.message.startsWith('Runs are not being saved')) this.#storageWorks = false;
        this.notice = message.message;
        break;
      case 'error':
        this.#fail(message.message);
        break;
      default:
        assertNever(message);
    }
  }
}
