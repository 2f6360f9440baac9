// The training worker's orchestration, with no postMessage and no tfjs: the command queue, the
// stop rules (last epoch, early stopping, Step, Pause, Reset), the divergence policy and the
// save-then-publish ordering. The worker file wires it to the real trainer, storage and
// `postMessage`; Node tests wire it to fakes.

import type { RunState } from '../../core/runState';
import { changesToReplay } from '../../settings';
import type { EpochResult, TrainHooks } from '../../core/train';
import type {
  AdjustableSettings,
  BackendInfo,
  SettingChangeEvent,
  SettingChanges,
  TrainConfig,
} from '../../core/types';
import type { RunRecord } from '../../persist/runStore';
import { parseSettingChanges } from '../../settings';
import {
  assertNever,
  type FromWorker,
  type RunCommand,
  type RunIdentity,
  type SampleImages,
  type TensorMemory,
  type ToWorker,
  type TrainerStatus,
} from './protocol';
import type { DeviceLoss } from './deviceWatch';
import { divergence, divergenceMessage } from './divergence';
import type { Exportable } from './persistence';

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

interface ActiveRun {
  run: TrainingRun;
  config: TrainConfig;
  identity: RunIdentity;
  validation: { labels: Uint8Array; images: Uint8Array };
  /** Labels and images go with the first epoch this worker publishes, once. */
  validationSent: boolean;
  diverged: boolean;
  /** Mid-run setting changes so far, in the order applied. */
  events: SettingChangeEvent[];
  /** Testing aid: lose the GPU after this epoch (0 = never); fires once. */
  loseDeviceAt: number;
}

type RunCommandMessage = Extract<ToWorker, { type: 'train' | 'step' }>;

export class RunController {
  readonly #services: WorkerServices;
  // Commands run one after another on this chain. Every command gets a sequence number; a
  // `pause` or `reset` stops the loop that an *earlier* command started (and cancels earlier
  // queued ones), so fifty rapid clicks still leave exactly one loop, in the order made.
  #queue: Promise<void> = Promise.resolve();
  #sequence = 0;
  #stopBefore = 0;
  #backend: BackendInfo | null = null;
  #backendReady: Promise<void> = Promise.resolve();
  #active: ActiveRun | null = null;
  #lastStatus: TrainerStatus = 'idle';

  constructor(services: WorkerServices) {
    this.#services = services;
  }

  /** Settles when every command received so far has been handled (for tests). */
  idle(): Promise<void> {
    return this.#queue;
  }

  handle(command: ToWorker): void {
    const seq = ++this.#sequence;
    switch (command.type) {
      case 'init':
        this.#backendReady = this.#services.selectBackend(command).then((info) => {
          this.#backend = info;
          this.#post({ type: 'backend', replyTo: command.id, info });
        });
        this.#enqueue(command.id, () => this.#backendReady);
        return;
      case 'preview':
        this.#enqueue(command.id, async () => {
          const samples = await this.#services.samples(command);
          this.#post({ type: 'samples', replyTo: command.id, samples }, [
            samples.pixels[0].buffer,
            samples.pixels[1].buffer,
          ]);
        });
        return;
      case 'train':
      case 'step':
        // Answered at once, even when an earlier task keeps the queue busy: the run is on its
        // way ('loading'), so the page can offer Pause at once; the loop reports from then on.
        if (this.#lastStatus !== 'training') {
          this.#status(command.id, 'loading', 'Waiting for the worker');
        } else {
          this.#status(command.id, 'training');
        }
        this.#enqueue(command.id, () => this.#runUntil(seq, command));
        return;
      case 'pause':
        this.#stopBefore = seq;
        // Answered once the loop it stops has stopped: with where things then stand.
        this.#enqueue(command.id, async () => this.#status(command.id, this.#standing()));
        return;
      case 'adjust':
        // Not queued: the training loop holds the queue, and the change is meant for its next
        // batch. Batches run synchronously, so applying it now is applying it at a boundary.
        this.#adjust(command);
        return;
      case 'reset':
        this.#stopBefore = seq;
        this.#enqueue(command.id, async () => {
          this.#disposeRun();
          this.#postMemory();
          this.#status(command.id, 'idle');
        });
        return;
      default:
        assertNever(command);
    }
  }

  #adjust(command: Extract<ToWorker, { type: 'adjust' }>): void {
    const fail = (message: string) => this.#post({ type: 'error', replyTo: command.id, message });
    const active = this.#active;
    if (active === null || active.diverged) {
      return fail(
        'There is no run to change: settings can change while a run trains or is paused.',
      );
    }
    if (this.#isOver(active)) return fail('The run is over: Reset to start a new one.');
    const parsed = parseSettingChanges(command.changes);
    if (!parsed.ok) return fail(`${parsed.field} ${parsed.reason}; nothing was changed.`);
    let applied: SettingChangeEvent[];
    try {
      applied = active.run.adjust(parsed.changes);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    active.events.push(...applied);
    const { id: runId } = active.identity;
    this.#post({ type: 'adjusted', replyTo: command.id, runId, events: [...active.events] });
    // A change between epochs (e.g. while paused after Step) is stored at once, so a resume
    // after a reload starts the next epoch with it. One inside an epoch is stored with that
    // epoch's save: a resume retrains the whole epoch and could not re-apply it mid-way.
    if (applied.length > 0 && applied.every((event) => event.batch === 0)) {
      void this.#services.storage
        .saveEvents(runId, [...active.events])
        .then((record) => this.#postSaved(record));
    }
  }

  #enqueue(id: number, task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.#post({ type: 'error', replyTo: id, message });
    });
  }

  #post(message: FromWorker, transfer: Transferable[] = []): void {
    this.#services.post(message, transfer);
  }

  #status(replyTo: number, status: TrainerStatus, detail?: string): void {
    this.#lastStatus = status;
    this.#post({ type: 'status', replyTo, status, ...(detail === undefined ? {} : { detail }) });
  }

  #postMemory(): void {
    this.#post({ type: 'memory', memory: this.#services.memory() });
  }

  #postSaved(record: RunRecord | null): void {
    if (record) this.#post({ type: 'saved', record });
  }

  /** Where the worker stands when a command finds nothing to do. */
  #standing(): TrainerStatus {
    const active = this.#active;
    if (active === null) return 'idle';
    return this.#isOver(active) ? 'done' : 'paused';
  }

  /** True when the run cannot train further: all epochs done, stopped early, or diverged. */
  #isOver(active: ActiveRun): boolean {
    const { run, config } = active;
    return run.epochsCompleted >= config.epochs || run.stoppedEarly || active.diverged;
  }

  #disposeRun(): void {
    try {
      this.#active?.run.dispose();
    } catch {
      // A lost GPU can make freeing fail; the worker is discarded then anyway.
    }
    this.#active = null;
  }

  async #ensureRun(command: RunCommandMessage): Promise<ActiveRun> {
    if (this.#active) return this.#active;
    this.#status(command.id, 'loading', 'Loading the dataset');
    await this.#backendReady;
    const backend = this.#backend;
    if (!backend) throw new Error('The worker was not initialised (no backend chosen)');
    let created: CreatedRun | null = null;
    try {
      created = await this.#services.createRun(command, (detail) =>
        this.#status(command.id, 'loading', detail),
      );
      const { labels, images } = created;
      // A resumed run continues with the settings its saved changes had reached.
      if (command.resume && command.events?.length) {
        created.run.adjust(changesToReplay(command.config, command.events));
      }
      const record = await this.#services.storage.startRun(
        command.run,
        command.config,
        backend,
        labels,
      );
      this.#postSaved(record);
    } catch (error) {
      created?.run.dispose();
      this.#status(command.id, 'idle');
      throw error;
    }
    this.#active = {
      run: created.run,
      config: command.config,
      identity: command.run,
      validation: { labels: created.labels, images: created.images },
      validationSent: false,
      diverged: false,
      events: command.resume ? [...(command.events ?? [])] : [],
      loseDeviceAt: command.faults?.loseDeviceAt ?? 0,
    };
    return this.#active;
  }

  /** Trains the run (creating it if needed) until the last epoch, a stop, or one epoch for Step. */
  async #runUntil(seq: number, command: RunCommandMessage): Promise<void> {
    if (seq < this.#stopBefore) {
      // Paused or reset before this command got its turn (an earlier one was still busy).
      this.#status(command.id, this.#standing());
      return;
    }
    const active = await this.#ensureRun(command);
    if (this.#isOver(active)) {
      this.#status(command.id, 'done');
      return;
    }
    const { run, config, identity } = active;
    this.#status(command.id, 'training');
    const shouldStop = () => seq < this.#stopBefore;
    const lost = () => this.#services.device.lost() !== null;
    try {
      while (!this.#isOver(active)) {
        const outcome = await run.trainEpoch({
          shouldStop,
          onProgress: (progress) =>
            this.#post({
              type: 'progress',
              runId: identity.id,
              progress: { ...progress, epoch: run.epochsCompleted + 1, epochs: config.epochs },
            }),
        });
        if (lost()) return this.#reportDeviceLoss(active);
        if (outcome === 'stopped') break;
        if (outcome === 'diverged')
          return this.#diverged(command.id, run.epochsCompleted + 1, null);
        const result = await run.finishEpoch();
        if (lost()) return this.#reportDeviceLoss(active);
        const { metrics } = result;
        const blownUp = divergence(metrics.validationLoss, result.validationLogits);
        if (blownUp) return this.#diverged(command.id, metrics.epoch, blownUp.explodedLoss);
        await this.#publishEpoch(active, result);
        if (active.loseDeviceAt > 0 && run.epochsCompleted === active.loseDeviceAt) {
          active.loseDeviceAt = 0;
          if (await this.#services.device.inject()) return this.#reportDeviceLoss(active);
        }
        if (command.type === 'step' || shouldStop()) break;
      }
    } catch (error) {
      if (lost()) return this.#reportDeviceLoss(active);
      this.#disposeRun();
      this.#status(command.id, 'idle');
      throw error;
    }
    if (this.#active !== active) return; // reset while stopping: the reset reports idle
    this.#status(command.id, this.#isOver(active) ? 'done' : 'paused');
  }

  /**
   * Saves the epoch (metrics, logits, weights, the run's state) and only then shows it, so
   * what the page shows is kept; then says that the save landed.
   */
  async #publishEpoch(active: ActiveRun, result: EpochResult): Promise<void> {
    const { run, config, identity } = active;
    const { metrics, validationLogits, model, earlyStop } = result;
    const backend = this.#backend;
    if (!backend) throw new Error('No backend');
    const state: RunState = {
      runId: identity.id,
      backend,
      epochsCompleted: run.epochsCompleted,
      model,
      earlyStop,
      finished: run.epochsCompleted >= config.epochs || earlyStop !== null,
      events: [...active.events],
    };
    const record = await this.#services.storage.saveEpoch(metrics, validationLogits, state, run);
    const transfer: Transferable[] = [validationLogits.buffer];
    if (model.validationLogits.buffer !== validationLogits.buffer) {
      transfer.push(model.validationLogits.buffer);
    }
    let first = {};
    if (!active.validationSent) {
      active.validationSent = true;
      const validationLabels = active.validation.labels.slice();
      const validationImages = active.validation.images.slice();
      transfer.push(validationLabels.buffer, validationImages.buffer);
      first = { validationLabels, validationImages };
    }
    this.#post(
      { type: 'epoch', runId: identity.id, metrics, validationLogits, state, ...first },
      transfer,
    );
    this.#postSaved(record);
    this.#postMemory();
  }

  /** Tells the page the GPU is gone. The page moves to a fresh worker on the next backend. */
  #reportDeviceLoss(active: ActiveRun): void {
    const loss = this.#services.device.lost();
    if (!loss) return;
    this.#post({
      type: 'device-lost',
      runId: active.identity.id,
      backend: loss.backend,
      detail: loss.detail,
      epochsCompleted: active.run.epochsCompleted,
    });
    this.#disposeRun();
  }

  /**
   * Ends a run that diverged in `epoch` (never shown: epochs 1 … epoch − 1 stand).
   * `explodedLoss`: the finite but exploded validation loss, or null for a NaN/Inf loss.
   */
  async #diverged(replyTo: number, epoch: number, explodedLoss: number | null): Promise<void> {
    const active = this.#active;
    if (!active) return;
    active.diverged = true;
    this.#post({
      type: 'diverged',
      runId: active.identity.id,
      epoch,
      message: divergenceMessage(epoch, explodedLoss, active.run.adjustable.learningRate),
    });
    // Nothing to resume: the stored run keeps its good epochs but is no longer offered.
    this.#postSaved(await this.#services.storage.finish(active.identity.id));
    this.#status(replyTo, 'done');
    this.#postMemory();
  }
}
