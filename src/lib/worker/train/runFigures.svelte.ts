// What the page shows of the run: the reactive fields the panels read, filled from the worker's
// reports (epochs, progress, saves, notices, errors) or from a saved or recorded run. The
// training client inherits them, so the page reads `client.epochs` itself. The worker owns the truth: what the
// run's model holds (logits, early stopping, backend) arrives as `RunState` with each epoch, and
// these fields keep it and derive none of it. The page never sees a tensor — only plain numbers
// and typed arrays.

import type { RecordedView } from '../../app/replay';
import type { RunSource } from '../../core/runSource';
import type { RunState } from '../../core/runState';
import type { EpochMetrics, Labels, SettingChangeEvent, TrainConfig } from '../../core/types';
import type { RunRecord } from '../../persist/runStore';
import { identityOf, savedRunState, type SavedRun } from '../../persist/savedRun';
import {
  assertNever,
  type FromWorker,
  type Notice,
  type Progress,
  type RunIdentity,
  type SampleImages,
  type TensorMemory,
} from './protocol';

/** Every message but a lost GPU's, which needs a fresh worker (the client's recovery). */
export type FigureMessage = Exclude<FromWorker, { type: 'device-lost' }>;

export class RunFigures {
  /** True while a saved run is shown that the worker does not hold (Runs → Open). */
  opened = $state(false);
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
  /** False once the worker said runs cannot be saved here (a lost GPU then cannot resume). */
  protected storageWorks = true;

  dismissError(): void {
    this.error = null;
  }

  dismissNotice(): void {
    this.notice = null;
  }

  /** Forgets the run's figures; its epochs stay behind as the previous run's ghost curves. */
  protected clearRun(): void {
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

  /** Shows a saved run's epochs and state in place of the current figures. */
  protected showSavedRun(saved: SavedRun): void {
    const { record, epochs } = saved;
    this.clearRun();
    this.runConfig = record.config;
    this.runSource = record.source ?? null;
    this.runIdentity = identityOf(record);
    this.epochs = epochs.map((row) => row.metrics);
    this.logitsHistory = epochs.map((row) => row.logits);
    this.validationLabels = record.validationLabels;
    this.runState = savedRunState(saved);
    this.events = this.runState?.events ?? [];
  }

  /** Shows a recorded run as it stood after one of its epochs (its labels are set on opening). */
  protected showRecordedEpoch(view: RecordedView): void {
    this.epochs = view.epochs;
    this.logitsHistory = view.logitsHistory;
    this.runState = view.state;
    this.events = view.state?.events ?? [];
  }

  /** True for the run on view when the worker holds it (not an opened saved run). */
  protected isCurrent(runId: string): boolean {
    return runId === this.runIdentity?.id && !this.opened;
  }

  protected receiveFigures(message: FigureMessage): void {
    if ('runId' in message) {
      // Messages about a run other than the current one (e.g. after Reset) are dropped.
      if (this.isCurrent(message.runId)) this.#receiveAboutRun(message);
    } else if (message.type === 'samples') this.samples = message.samples;
    else if (message.type === 'saved') this.lastSaved = message.record;
    else if (message.type === 'memory') this.memory = message.memory;
    else if (message.type === 'error') this.error = message.message;
    else if (message.type === 'notice') {
      if (message.notice.kind === 'storage-unavailable') this.storageWorks = false;
      this.notice = message.notice;
    }
    // What the worker says about itself (its backend, its status): the connection keeps it.
    else if (message.type !== 'backend' && message.type !== 'status') assertNever(message);
  }

  #receiveAboutRun(message: Extract<FigureMessage, { runId: string }>): void {
    if (message.type === 'progress') this.progress = message.progress;
    else if (message.type === 'adjusted') this.events = message.events;
    else if (message.type === 'diverged') this.divergence = message.message;
    else this.#addEpoch(message);
  }

  #addEpoch(message: Extract<FigureMessage, { type: 'epoch' }>): void {
    if (message.validationLabels !== undefined) this.validationLabels = message.validationLabels;
    if (message.validationImages !== undefined) this.validationImages = message.validationImages;
    this.logitsHistory = [...this.logitsHistory, message.validationLogits];
    this.runState = message.state;
    // Changes only ever append: an `adjusted` reply may already hold one this state predates.
    if (message.state.events.length >= this.events.length) this.events = message.state.events;
    this.epochs = [...this.epochs, message.metrics];
  }
}
