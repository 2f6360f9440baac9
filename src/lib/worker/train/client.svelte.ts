// Main-thread façade over the training worker (after svelte.dev's repl client): the Worker is
// private, every reply is narrowed on the FromWorker union, and what the UI needs is exposed as
// reactive fields. The page never sees a tensor — only plain numbers and typed arrays.
// The worker owns the truth: the status is whatever it last said, and what the run's model
// holds (logits, early stopping, backend) arrives as `RunState` with each epoch. The client
// keeps it and derives none of it.

import type { RecordedView } from '../../app/replay';
import { BACKEND_ORDER } from '../../core/train/backend';
import { deviceLossNotice } from '../../state/story';
import type { RunState } from '../../core/runState';
import type { RunSource } from '../../core/runSource';
import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  ClassSlug,
  EpochMetrics,
  Labels,
  ModelPreset,
  SettingChangeEvent,
  SettingChanges,
  TrainConfig,
} from '../../core/types';
import { newRunId, type RunRecord } from '../../persist/runStore';
import { identityOf, savedRunState, type SavedRun } from '../../persist/savedRun';
import {
  assertNever,
  type CommandType,
  type FromWorker,
  type Notice,
  type Progress,
  type RunIdentity,
  type SampleImages,
  type TensorMemory,
  type TestFaults,
  type ToWorker,
  type TrainerStatus,
} from './protocol';
import { validationCounts, validationImagesFrom } from './validationImages';

/** Sample images requested per class for the dataset preview. */
export const PREVIEW_IMAGES_PER_CLASS = 8;

export interface StartOptions {
  /** The URL hash that reproduces the run's settings (stored with the run). */
  link: string;
  /** End-to-end tests only (app/testHooks.ts). */
  faults?: TestFaults;
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

type RunCommandType = Extract<CommandType, 'train' | 'step' | 'pause' | 'reset'>;

export class TrainerClient {
  /** What the worker last said. */
  status = $state<TrainerStatus>('idle');
  /** Optional words from the worker about the status, e.g. "Restoring the saved run". */
  statusDetail = $state<string | null>(null);
  /** The run command sent and not yet answered (controls wait for the worker's answer). */
  awaiting = $state<RunCommandType | null>(null);
  /** True while a saved run is shown that the worker does not hold (Runs → Open). */
  opened = $state(false);
  /** The backend of this worker. */
  backend = $state.raw<BackendInfo | null>(null);
  samples = $state.raw<SampleImages | null>(null);
  progress = $state.raw<Progress | null>(null);
  /** One entry per completed epoch; replaced (never mutated) on each new epoch. */
  epochs = $state.raw<EpochMetrics[]>([]);
  validationLabels = $state.raw<Labels | null>(null);
  /** Validation images of the run (28×28 uint8 each, dataset order), for the gallery. */
  validationImages = $state.raw<Uint8Array | null>(null);
  /** Every completed epoch's validation logits: index e − 1 holds epoch e's. */
  logitsHistory = $state.raw<Float32Array[]>([]);
  /** The run as the worker last described it (what its model holds, early stopping, backend). */
  runState = $state.raw<RunState | null>(null);
  /** The previous run's epochs and config, kept for the faint "ghost" curves. */
  previousRun = $state.raw<{ epochs: EpochMetrics[]; config: TrainConfig | null } | null>(null);
  /** The worker's tf.memory() after the latest epoch or reset. */
  memory = $state.raw<TensorMemory | null>(null);
  /** Who the current run is (its id in the browser's store). */
  runIdentity = $state.raw<RunIdentity | null>(null);
  /** The latest run record the worker saved (the Runs list follows it without reading storage). */
  lastSaved = $state.raw<RunRecord | null>(null);
  /** Set when the run's loss became NaN/Inf: what happened and what to try. */
  divergence = $state<string | null>(null);
  /** Set after a lost GPU was survived: what happened and where training went on. */
  deviceNotice = $state<string | null>(null);
  /** A non-fatal notice from the worker (e.g. runs cannot be saved here). */
  notice = $state.raw<Notice | null>(null);
  error = $state<string | null>(null);
  /** The config the current run was started with (settings may differ once it is reset). */
  runConfig = $state.raw<TrainConfig | null>(null);
  /** Where an opened run came from when it was not trained here (an imported logits file). */
  runSource = $state.raw<RunSource | null>(null);
  /** Settings changed mid-run, as the worker last reported them (its `adjusted` reply or an epoch's state). */
  events = $state.raw<SettingChangeEvent[]>([]);

  #storageWorks = true;
  #lastStart: { type: 'train' | 'step'; config: TrainConfig; options: StartOptions } | null = null;
  #faults: TestFaults | undefined;
  #nextId = 1;
  /** Run commands sent to the current worker and not yet answered, by id. */
  #pending = new Map<number, RunCommandType>();
  /** The dataset images a recorded run's panels need, asked of the worker (a `preview` reply). */
  #imagesRequest: { id: number; runId: string; counts: [number, number] } | null = null;

  /** True from a run's first train/step until reset: settings are locked meanwhile. */
  get hasRun(): boolean {
    return (
      this.status !== 'idle' ||
      this.epochs.length > 0 ||
      this.awaiting === 'train' ||
      this.awaiting === 'step'
    );
  }

  /** The status the controls show: an opened saved run reads as finished (Reset to leave it). */
  get shownStatus(): TrainerStatus {
    return this.opened ? 'done' : this.status;
  }

  #createWorker: () => Worker;
  #dataUrl: string;
  #worker: Worker;
  #backendPreference: BackendPreference = 'auto';
  /** The model `auto` times its candidates on; unset: the worker's default preset. */
  #model: ModelPreset | undefined;
  #previewClasses: [ClassSlug, ClassSlug] | null = null;

  constructor({ dataUrl, createWorker = createTrainingWorker }: TrainerClientOptions) {
    this.#createWorker = createWorker;
    this.#dataUrl = dataUrl;
    this.#worker = this.#spawn();
  }

  /**
   * Choose the backend; `auto` times its candidates on `model` (the selected preset: the small
   * CNN may favour another backend than the wide one). The worker answers with `backend`.
   */
  init(backend: BackendPreference, model: ModelPreset | undefined = this.#model): void {
    this.#backendPreference = backend;
    this.#model = model;
    const timedOn = model === undefined ? {} : { model };
    this.#post({ type: 'init', id: this.#id(), backend, dataUrl: this.#dataUrl, ...timedOn });
  }

  /** Ask for sample images of a class pair (again after a worker restart). */
  preview(classes: [ClassSlug, ClassSlug]): void {
    this.#previewClasses = [classes[0], classes[1]];
    this.#post({
      type: 'preview',
      id: this.#id(),
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
    if (this.#showSaved(saved)) this.opened = true;
  }

  /**
   * Show a recorded run (Replay) as it stood after one of its epochs: the same fields a live run
   * fills, so the panels cannot tell the difference; called again for every epoch played or
   * scrubbed to. It reads as an opened run (finished; Reset leaves it) and never replaces a live
   * run. Its validation images come from the worker's dataset, as a preview of the pair.
   */
  showRecorded(view: RecordedView): boolean {
    if (!this.opened || this.runIdentity?.id !== view.identity.id) {
      if (this.hasRun && !this.opened) return false;
      this.#clearRun();
      this.opened = true;
      this.runConfig = view.config;
      this.runIdentity = view.identity;
      this.validationLabels = view.validationLabels;
      this.#requestValidationImages(view.identity.id, view.config);
    }
    this.epochs = view.epochs;
    this.logitsHistory = view.logitsHistory;
    this.runState = view.state;
    this.events = view.state?.events ?? [];
    return true;
  }

  #requestValidationImages(runId: string, config: TrainConfig): void {
    // A run on the user's own images: its file never holds them, and the pair's would mislead.
    if (config.dataset) return;
    const counts = validationCounts(config.validationSize);
    const id = this.#id();
    this.#imagesRequest = { id, runId, counts };
    this.#post({ type: 'preview', id, classes: config.classes, perClass: counts[0] });
  }

  #receiveValidationImages(samples: SampleImages): void {
    const request = this.#imagesRequest;
    this.#imagesRequest = null;
    if (!request || request.runId !== this.runIdentity?.id || !this.opened) return;
    this.validationImages = validationImagesFrom(samples, request.counts);
  }

  /**
   * Continue a run saved in this browser (after a reload, a crash or a lost GPU) from its last
   * completed epoch. Its epochs are shown at once; the worker restores the saved weights.
   */
  resume(saved: SavedRun): void {
    if (!this.#showSaved(saved)) return;
    const { config } = saved.record;
    this.#lastStart = { type: 'train', config, options: { link: saved.record.link } };
    const events = saved.record.events ?? [];
    this.#sendRun('train', { config, run: identityOf(saved.record), resume: true, events });
  }

  /** Shows a saved run's epochs and state in place of an idle client's (none while a run exists). */
  #showSaved(saved: SavedRun): boolean {
    if (this.hasRun) return false;
    const { record, epochs } = saved;
    this.#clearRun();
    this.runConfig = record.config;
    this.runSource = record.source ?? null;
    this.runIdentity = identityOf(record);
    this.epochs = epochs.map((row) => row.metrics);
    this.logitsHistory = epochs.map((row) => row.logits);
    this.validationLabels = record.validationLabels;
    this.runState = savedRunState(saved);
    this.events = this.runState?.events ?? [];
    return true;
  }

  pause(): void {
    this.#sendRun('pause');
  }

  /** True while the run in the worker can take mid-run changes (training or paused, not over). */
  get canAdjust(): boolean {
    return (
      !this.opened &&
      this.runIdentity !== null &&
      (this.status === 'training' || this.status === 'paused') &&
      this.divergence === null
    );
  }

  /**
   * Change adjustable settings of the run in progress, from its next batch on (no reset). The
   * worker answers with the run's changes so far (`events`), or an error; false when no run can
   * take changes now.
   */
  adjust(changes: SettingChanges): boolean {
    if (!this.canAdjust) return false;
    this.#post({ type: 'adjust', id: this.#id(), changes });
    return true;
  }

  /** Forget the run. Figures clear at once; the worker's messages about it are dropped. */
  reset(): void {
    this.#sendRun('reset');
    this.#clearRun();
    this.opened = false;
  }

  /**
   * A backend is chosen once per worker, so switching — or, under `auto`, changing the model it
   * was timed on — means a fresh worker (and no run).
   */
  setBackend(preference: BackendPreference, model: ModelPreset | undefined = this.#model): void {
    this.#replaceWorker();
    this.#clearRun();
    this.opened = false;
    this.init(preference, model);
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

  dismissNotice(): void {
    this.notice = null;
  }

  #id(): number {
    return this.#nextId++;
  }

  #start(type: 'train' | 'step', config: TrainConfig, options: StartOptions): void {
    if (this.opened) return; // a saved run on view is not in the worker: Reset first
    if (this.awaiting === 'train' || this.awaiting === 'step') return; // already asked
    this.#lastStart = { type, config, options };
    if (this.runIdentity === null) {
      // No run yet (never started, reset, or dropped after an error): start afresh, so a new
      // run's epochs never append to an old run's figures.
      this.#clearRun();
      this.runConfig = config;
      this.runIdentity = {
        id: newRunId(),
        createdAt: new Date().toISOString(),
        link: options.link,
        backendPreference: this.#backendPreference,
      };
      this.#faults = options.faults;
    }
    const run = this.runIdentity;
    const runConfig = this.runConfig ?? config;
    this.error = null;
    this.#sendRun(type, {
      config: runConfig,
      run,
      ...(this.#faults ? { faults: this.#faults } : {}),
    });
  }

  #sendRun(type: 'pause' | 'reset'): void;
  #sendRun(
    type: 'train' | 'step',
    command: Omit<Extract<ToWorker, { type: 'train' }>, 'type' | 'id'>,
  ): void;
  #sendRun(
    type: RunCommandType,
    command?: Omit<Extract<ToWorker, { type: 'train' }>, 'type' | 'id'>,
  ): void {
    const id = this.#id();
    this.#pending.set(id, type);
    this.awaiting = type;
    if (type === 'train' || type === 'step') {
      if (!command) throw new Error(`${type} needs a run`);
      this.#post({ type, id, ...command });
    } else {
      this.#post({ type, id });
    }
  }

  /** A reply to command `id` arrived: it is no longer awaited. */
  #answered(id: number | null): void {
    if (id === null || !this.#pending.delete(id)) return;
    this.awaiting = [...this.#pending.values()].at(-1) ?? null;
  }

  /**
   * The GPU went away: move to a fresh worker on the next backend in the chain and continue
   * the same run from its last saved epoch (or start it again there if nothing could be saved).
   */
  #recoverFromDeviceLoss(lost: BackendName, detail: string, epochsCompleted: number | null): void {
    const next = BACKEND_ORDER[BACKEND_ORDER.indexOf(lost) + 1] ?? 'cpu';
    const run = epochsCompleted === null ? null : this.runIdentity;
    const config = this.runConfig;
    this.#faults = undefined; // the testing aid fires once
    this.#replaceWorker();
    this.init(next);
    if (this.#previewClasses !== null) this.preview(this.#previewClasses);
    if (!run || !config || epochsCompleted === null) return;
    const canResume = this.#storageWorks && epochsCompleted > 0;
    this.deviceNotice = deviceLossNotice(lost, next, detail, canResume ? epochsCompleted : null);
    if (!canResume) this.#clearRun();
    this.runConfig = config;
    this.runIdentity = run;
    const events = canResume ? (this.runState?.events ?? []) : [];
    this.#sendRun('train', { config, run, resume: canResume, events });
  }

  #clearRun(): void {
    if (this.epochs.length > 0) {
      this.previousRun = { epochs: this.epochs, config: this.runConfig };
    }
    this.epochs = [];
    this.progress = null;
    this.validationLabels = null;
    this.validationImages = null;
    this.logitsHistory = [];
    this.runState = null;
    this.events = [];
    this.runConfig = null;
    this.runSource = null;
    this.runIdentity = null;
    this.divergence = null;
    this.error = null;
  }

  /** Messages about a run other than the current one (e.g. after Reset) are dropped. */
  #isCurrent(runId: string): boolean {
    return runId === this.runIdentity?.id && !this.opened;
  }

  #replaceWorker(): void {
    this.#terminate();
    this.#pending.clear();
    this.awaiting = null;
    this.status = 'idle'; // a fresh worker holds nothing
    this.statusDetail = null;
    this.backend = null;
    this.#worker = this.#spawn();
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
      this.#crashed(`The training worker stopped with an error${where}`);
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker)
        this.error = 'A message from the training worker could not be read.';
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

  /** The worker died: nothing it was asked will be answered, and it holds no run any more. */
  #crashed(message: string): void {
    this.error = message;
    this.#pending.clear();
    this.awaiting = null;
    this.status = 'idle';
    this.statusDetail = null;
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'backend':
        this.#answered(message.replyTo);
        this.backend = message.info;
        break;
      case 'samples':
        if (message.replyTo === this.#imagesRequest?.id)
          this.#receiveValidationImages(message.samples);
        else this.samples = message.samples;
        break;
      case 'status':
        this.#answered(message.replyTo);
        this.status = message.status;
        this.statusDetail = message.detail ?? null;
        break;
      case 'progress':
        if (this.#isCurrent(message.runId)) this.progress = message.progress;
        break;
      case 'epoch':
        if (!this.#isCurrent(message.runId)) break;
        if (message.validationLabels !== undefined)
          this.validationLabels = message.validationLabels;
        if (message.validationImages !== undefined)
          this.validationImages = message.validationImages;
        this.logitsHistory = [...this.logitsHistory, message.validationLogits];
        this.runState = message.state;
        // Changes only ever append: an `adjusted` reply may already hold one this state predates.
        if (message.state.events.length >= this.events.length) this.events = message.state.events;
        this.epochs = [...this.epochs, message.metrics];
        break;
      case 'adjusted':
        if (this.#isCurrent(message.runId)) this.events = message.events;
        break;
      case 'saved':
        this.lastSaved = message.record;
        break;
      case 'memory':
        this.memory = message.memory;
        break;
      case 'diverged':
        if (this.#isCurrent(message.runId)) this.divergence = message.message;
        break;
      case 'device-lost':
        // The worker is unusable either way; only the current run is carried over.
        this.#recoverFromDeviceLoss(
          message.backend,
          message.detail,
          this.#isCurrent(message.runId) ? message.epochsCompleted : null,
        );
        break;
      case 'notice':
        if (message.notice.kind === 'storage-unavailable') this.#storageWorks = false;
        this.notice = message.notice;
        break;
      case 'error':
        this.#answered(message.replyTo);
        this.error = message.message;
        break;
      default:
        assertNever(message);
    }
  }
}
