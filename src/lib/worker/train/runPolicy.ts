// How a run trains, with no postMessage and no tfjs: the stop rules (last epoch, early stopping,
// Step, Pause, Reset), the divergence policy, mid-run setting changes and the save-then-publish
// ordering. The command queue decides *when* it runs (runController.ts); this decides what a
// run does once its turn comes.

import type { RunState } from '../../core/runState';
import type { EpochResult } from '../../core/train';
import type { BackendInfo, SettingChangeEvent, TrainConfig } from '../../core/types';
import { changesToReplay, parseSettingChanges } from '../../settings';
import { divergence, divergenceMessage } from './divergence';
import type { RunIdentity, ToWorker, TrainerStatus } from './protocol';
import type { CreatedRun, TrainingRun, WorkerServices } from './runServices';
import type { WorkerReplies } from './workerReplies';

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

export class RunPolicy {
  readonly #services: WorkerServices;
  readonly #replies: WorkerReplies;
  #backend: BackendInfo | null = null;
  #backendReady: Promise<void> = Promise.resolve();
  #active: ActiveRun | null = null;

  constructor(services: WorkerServices, replies: WorkerReplies) {
    this.#services = services;
    this.#replies = replies;
  }

  /** Settles once the latest backend choice is made (runs need it). */
  get backendReady(): Promise<void> {
    return this.#backendReady;
  }

  /** Starts choosing the backend at once (the `init` command) and answers with it. */
  chooseBackend(command: Extract<ToWorker, { type: 'init' }>): void {
    this.#backendReady = this.#services.selectBackend(command).then((info) => {
      this.#backend = info;
      this.#replies.post({ type: 'backend', replyTo: command.id, info });
    });
  }

  /** Where the worker stands when a command finds nothing to do. */
  standing(): TrainerStatus {
    const active = this.#active;
    if (active === null) return 'idle';
    return this.#isOver(active) ? 'done' : 'paused';
  }

  /** Forgets the run and frees what it holds. */
  disposeRun(): void {
    try {
      this.#active?.run.dispose();
    } catch {
      // A lost GPU can make freeing fail; the worker is discarded then anyway.
    }
    this.#active = null;
  }

  adjust(command: Extract<ToWorker, { type: 'adjust' }>): void {
    const fail = (message: string) => this.#replies.error(command.id, message);
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
    this.#replies.post({
      type: 'adjusted',
      replyTo: command.id,
      runId,
      events: [...active.events],
    });
    // A change between epochs (e.g. while paused after Step) is stored at once, so a resume
    // after a reload starts the next epoch with it. One inside an epoch is stored with that
    // epoch's save: a resume retrains the whole epoch and could not re-apply it mid-way.
    if (applied.length > 0 && applied.every((event) => event.batch === 0)) {
      void this.#services.storage
        .saveEvents(runId, [...active.events])
        .then((record) => this.#replies.saved(record));
    }
  }

  /**
   * Trains the run (creating it if needed) until the last epoch, a stop, or one epoch for Step.
   * `stopped`: true once a later Pause or Reset stopped this command.
   */
  async train(command: RunCommandMessage, stopped: () => boolean): Promise<void> {
    if (stopped()) {
      // Paused or reset before this command got its turn (an earlier one was still busy).
      this.#replies.status(command.id, this.standing());
      return;
    }
    const active = await this.#ensureRun(command);
    if (this.#isOver(active)) {
      this.#replies.status(command.id, 'done');
      return;
    }
    const { run, config, identity } = active;
    this.#replies.status(command.id, 'training');
    const lost = () => this.#services.device.lost() !== null;
    try {
      while (!this.#isOver(active)) {
        const outcome = await run.trainEpoch({
          shouldStop: stopped,
          onProgress: (progress) =>
            this.#replies.post({
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
        if (command.type === 'step' || stopped()) break;
      }
    } catch (error) {
      if (lost()) return this.#reportDeviceLoss(active);
      this.disposeRun();
      this.#replies.status(command.id, 'idle');
      throw error;
    }
    if (this.#active !== active) return; // reset while stopping: the reset reports idle
    this.#replies.status(command.id, this.#isOver(active) ? 'done' : 'paused');
  }

  /** True when the run cannot train further: all epochs done, stopped early, or diverged. */
  #isOver(active: ActiveRun): boolean {
    const { run, config } = active;
    return run.epochsCompleted >= config.epochs || run.stoppedEarly || active.diverged;
  }

  async #ensureRun(command: RunCommandMessage): Promise<ActiveRun> {
    if (this.#active) return this.#active;
    this.#replies.status(command.id, 'loading', 'Loading the dataset');
    await this.#backendReady;
    const backend = this.#backend;
    if (!backend) throw new Error('The worker was not initialised (no backend chosen)');
    let created: CreatedRun | null = null;
    try {
      created = await this.#services.createRun(command, (detail) =>
        this.#replies.status(command.id, 'loading', detail),
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
      this.#replies.saved(record);
    } catch (error) {
      created?.run.dispose();
      this.#replies.status(command.id, 'idle');
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
    this.#replies.post(
      { type: 'epoch', runId: identity.id, metrics, validationLogits, state, ...first },
      transfer,
    );
    this.#replies.saved(record);
    this.#replies.memory();
  }

  /** Tells the page the GPU is gone. The page moves to a fresh worker on the next backend. */
  #reportDeviceLoss(active: ActiveRun): void {
    const loss = this.#services.device.lost();
    if (!loss) return;
    this.#replies.post({
      type: 'device-lost',
      runId: active.identity.id,
      backend: loss.backend,
      detail: loss.detail,
      epochsCompleted: active.run.epochsCompleted,
    });
    this.disposeRun();
  }

  /**
   * Ends a run that diverged in `epoch` (never shown: epochs 1 … epoch − 1 stand).
   * `explodedLoss`: the finite but exploded validation loss, or null for a NaN/Inf loss.
   */
  async #diverged(replyTo: number, epoch: number, explodedLoss: number | null): Promise<void> {
    const active = this.#active;
    if (!active) return;
    active.diverged = true;
    this.#replies.post({
      type: 'diverged',
      runId: active.identity.id,
      epoch,
      message: divergenceMessage(epoch, explodedLoss, active.run.adjustable.learningRate),
    });
    // Nothing to resume: the stored run keeps its good epochs but is no longer offered.
    this.#replies.saved(await this.#services.storage.finish(active.identity.id));
    this.#replies.status(replyTo, 'done');
    this.#replies.memory();
  }
}
