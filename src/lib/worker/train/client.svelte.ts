// Main-thread façade over the training worker (after svelte.dev's repl client): the commands the
// page gives (train, step, pause, reset, open, resume, a backend switch) and the recovery after
// a lost GPU. Its reactive fields are the run's figures (runFigures.svelte.ts), inherited so the
// page reads `client.epochs` directly, and the worker's own status and backend, read through
// from the connection (trainerConnection.svelte.ts). The worker owns the truth: the status is
// whatever it last said, and the client derives none of it.

import type { RecordedView } from '../../app/replay';
import { BACKEND_ORDER } from '../../core/train/backend';
import { deviceLossNotice } from '../../state/story';
import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  ClassSlug,
  ModelPreset,
  SettingChanges,
  TrainConfig,
} from '../../core/types';
import { newRunId } from '../../persist/runStore';
import { identityOf, type SavedRun } from '../../persist/savedRun';
import type { FromWorker, TestFaults, TrainerStatus } from './protocol';
import { RunFigures } from './runFigures.svelte';
import { TrainerConnection, type RunCommandType } from './trainerConnection.svelte';
import { validationCounts, validationImagesFrom } from './validationImages';

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

export class TrainerClient extends RunFigures {
  #connection: TrainerConnection;
  #lastStart: { type: 'train' | 'step'; config: TrainConfig; options: StartOptions } | null = null;
  #faults: TestFaults | undefined;

  constructor({ dataUrl, createWorker = createTrainingWorker }: TrainerClientOptions) {
    super();
    this.#connection = new TrainerConnection({
      createWorker,
      dataUrl,
      receive: (message) => this.#receive(message),
      fail: (message) => (this.error = message),
    });
  }

  /** What the worker last said. */
  get status(): TrainerStatus {
    return this.#connection.status;
  }

  /** Optional words from the worker about the status, e.g. "Restoring the saved run". */
  get statusDetail(): string | null {
    return this.#connection.statusDetail;
  }

  /** The run command sent and not yet answered (controls wait for the worker's answer). */
  get awaiting(): RunCommandType | null {
    return this.#connection.awaiting;
  }

  /** The backend of this worker. */
  get backend(): BackendInfo | null {
    return this.#connection.backend;
  }

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

  /** True while the run in the worker can take mid-run changes (training or paused, not over). */
  get canAdjust(): boolean {
    return (
      !this.opened &&
      this.runIdentity !== null &&
      (this.status === 'training' || this.status === 'paused') &&
      this.divergence === null
    );
  }

  /** Choose the backend (`auto`: timed on `model`); the worker answers with `backend`. */
  init(backend: BackendPreference, model?: ModelPreset): void {
    this.#connection.init(backend, model);
  }

  /** Ask for sample images of the chosen classes (again after a worker restart). */
  preview(classes: readonly ClassSlug[]): void {
    this.#connection.preview(classes);
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
      this.clearRun();
      this.opened = true;
      this.runConfig = view.config;
      this.runIdentity = view.identity;
      this.validationLabels = view.validationLabels;
      this.#requestValidationImages(view.identity.id, view.config);
    }
    this.showRecordedEpoch(view);
    return true;
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
    const run = identityOf(saved.record);
    this.#connection.sendRun('train', { config, run, resume: true, events });
  }

  pause(): void {
    this.#connection.sendRun('pause');
  }

  /**
   * Change adjustable settings of the run in progress, from its next batch on (no reset). The
   * worker answers with the run's changes so far (`events`), or an error; false when no run can
   * take changes now.
   */
  adjust(changes: SettingChanges): boolean {
    if (!this.canAdjust) return false;
    this.#connection.post({ type: 'adjust', id: this.#connection.id(), changes });
    return true;
  }

  /** Forget the run. Figures clear at once; the worker's messages about it are dropped. */
  reset(): void {
    this.#connection.sendRun('reset');
    this.clearRun();
    this.opened = false;
  }

  /**
   * A backend is chosen once per worker, so switching — or, under `auto`, changing the model it
   * was timed on — means a fresh worker (and no run).
   */
  setBackend(preference: BackendPreference, model?: ModelPreset): void {
    this.#connection.restart(preference, model);
    this.clearRun();
    this.opened = false;
  }

  /** Retry the current backend preference in a fresh worker (after a crash). */
  restart(): void {
    this.setBackend(this.#connection.backendPreference);
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
    this.#connection.dispose();
  }

  /** Shows a saved run in place of an idle client's figures (none while a run exists). */
  #showSaved(saved: SavedRun): boolean {
    if (this.hasRun) return false;
    this.showSavedRun(saved);
    return true;
  }

  #requestValidationImages(runId: string, config: TrainConfig): void {
    // A run on the user's own images: its file never holds them, and the pair's would mislead.
    if (config.dataset) return;
    const counts = validationCounts(config.validationSize, config.classes.length);
    this.#connection.requestImages(config.classes, Math.max(...counts), (samples) => {
      if (runId !== this.runIdentity?.id || !this.opened) return;
      this.validationImages = validationImagesFrom(samples, counts);
    });
  }

  #start(type: 'train' | 'step', config: TrainConfig, options: StartOptions): void {
    if (this.opened) return; // a saved run on view is not in the worker: Reset first
    if (this.awaiting === 'train' || this.awaiting === 'step') return; // already asked
    this.#lastStart = { type, config, options };
    if (this.runIdentity === null) {
      // No run yet (never started, reset, or dropped after an error): start afresh, so a new
      // run's epochs never append to an old run's figures.
      this.clearRun();
      this.runConfig = config;
      this.runIdentity = {
        id: newRunId(),
        createdAt: new Date().toISOString(),
        link: options.link,
        backendPreference: this.#connection.backendPreference,
      };
      this.#faults = options.faults;
    }
    const run = this.runIdentity;
    const runConfig = this.runConfig ?? config;
    this.error = null;
    this.#connection.sendRun(type, {
      config: runConfig,
      run,
      ...(this.#faults ? { faults: this.#faults } : {}),
    });
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
    this.#connection.restart(next);
    if (!run || !config || epochsCompleted === null) return;
    const canResume = this.storageWorks && epochsCompleted > 0;
    this.deviceNotice = deviceLossNotice(lost, next, detail, canResume ? epochsCompleted : null);
    if (!canResume) this.clearRun();
    this.runConfig = config;
    this.runIdentity = run;
    const events = canResume ? (this.runState?.events ?? []) : [];
    this.#connection.sendRun('train', { config, run, resume: canResume, events });
  }

  #receive(message: FromWorker): void {
    if (message.type !== 'device-lost') return this.receiveFigures(message);
    // The worker is unusable either way; only the current run is carried over.
    const epochsCompleted = this.isCurrent(message.runId) ? message.epochsCompleted : null;
    this.#recoverFromDeviceLoss(message.backend, message.detail, epochsCompleted);
  }
}
