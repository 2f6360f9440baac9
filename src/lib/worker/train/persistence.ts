// The worker's side of "nothing lost": after every completed epoch it saves the epoch's metrics,
// logits, the run's record (its state as the worker knows it) and the weights + optimizer state
// it ended with, in one IndexedDB transaction. Each save returns the record as stored, so the
// worker can tell the page that it landed. Storage trouble never stops training: the first
// failure is reported once (a typed notice), then saving is skipped.

import { curvePoint, type RunState } from '../../core/runState';
import type {
  BackendInfo,
  EpochMetrics,
  SettingChangeEvent,
  TrainConfig,
  TrainerSnapshot,
} from '../../core/types';
import { RunStore, type RunRecord } from '../../persist/runStore';
import type { Notice, RunIdentity } from './protocol';

/** What a save needs of the trainer: its weights and optimizer state (between epochs). */
export interface Exportable {
  exportState(): Promise<TrainerSnapshot>;
}

export class RunPersistence {
  #store: Promise<RunStore | null> | null = null;
  #failed = false;
  /** The current run's record as last stored (null before a run starts or when unsaved). */
  #record: RunRecord | null = null;
  readonly #onProblem: (notice: Notice) => void;
  readonly #open: () => Promise<RunStore | null>;
  /** Writes run one after another, so a record written later never carries older fields. */
  #writes: Promise<unknown> = Promise.resolve();

  constructor(onProblem: (notice: Notice) => void, open = () => RunStore.open()) {
    this.#onProblem = onProblem;
    this.#open = open;
  }

  /** Writes (or, on resume, updates) the run's record; returns it as stored, or null. */
  async startRun(
    identity: RunIdentity,
    config: TrainConfig,
    backend: BackendInfo,
    validationLabels: Uint8Array,
  ): Promise<RunRecord | null> {
    this.#record = null;
    return this.#write(async (store) => {
      const existing = await store.getRun(identity.id);
      // A resumed run keeps its record; only the backend it continues on changes.
      const record: RunRecord = existing
        ? { ...existing, backend, finished: false }
        : {
            id: identity.id,
            createdAt: identity.createdAt,
            config,
            backendPreference: identity.backendPreference,
            link: identity.link,
            backend,
            validationLabels: validationLabels.slice(),
            finished: false,
            earlyStop: null,
            modelEpoch: 0,
            curve: [],
            ...(identity.sweep ? { sweep: { ...identity.sweep } } : {}),
          };
      await store.putRun(record);
      this.#record = record;
      return record;
    });
  }

  /** Saves one completed epoch with the run's state after it; returns the record, or null. */
  async saveEpoch(
    metrics: EpochMetrics,
    logits: Float32Array,
    state: RunState,
    trainer: Exportable,
  ): Promise<RunRecord | null> {
    const previous = this.#record;
    if (!previous || previous.id !== state.runId) return null;
    return this.#write(async (store) => {
      const snapshot = await trainer.exportState();
      const record: RunRecord = {
        ...previous,
        backend: state.backend,
        finished: state.finished,
        earlyStop: state.earlyStop,
        modelEpoch: state.model.epoch,
        events: state.events,
        curve: [...previous.curve.slice(0, metrics.epoch - 1), curvePoint(metrics)],
      };
      const row = { runId: state.runId, epoch: metrics.epoch, metrics, logits: logits.slice() };
      await store.putEpoch(record, row, snapshot);
      this.#record = record;
      return record;
    });
  }

  /**
   * Saves the run's mid-run setting changes between epoch saves (a change made while paused),
   * so a resume after a reload continues with them; returns the record, or null.
   */
  async saveEvents(runId: string, events: SettingChangeEvent[]): Promise<RunRecord | null> {
    if (this.#record?.id !== runId) return null;
    return this.#write(async (store) => {
      const previous = this.#record;
      if (!previous || previous.id !== runId) throw new Error('The run record went away');
      const record = { ...previous, events: [...events] };
      await store.putRun(record);
      this.#record = record;
      return record;
    });
  }

  /** Marks the run finished (e.g. after divergence: it is no longer offered for Resume). */
  async finish(runId: string): Promise<RunRecord | null> {
    const previous = this.#record;
    if (!previous || previous.id !== runId) return null;
    return this.#write(async (store) => {
      const record = { ...previous, finished: true };
      await store.putRun(record);
      this.#record = record;
      return record;
    });
  }

  /** The saved state to resume `runId` from, or null when nothing usable is stored. */
  async snapshot(runId: string): Promise<TrainerSnapshot | null> {
    const store = await this.#connection();
    return store ? store.getWeights(runId) : null;
  }

  #connection(): Promise<RunStore | null> {
    this.#store ??= this.#open();
    return this.#store;
  }

  #write(action: (store: RunStore) => Promise<RunRecord>): Promise<RunRecord | null> {
    const next = this.#writes.then(() => this.#attempt(action));
    this.#writes = next;
    return next;
  }

  async #attempt(action: (store: RunStore) => Promise<RunRecord>): Promise<RunRecord | null> {
    if (this.#failed) return null;
    try {
      const store = await this.#connection();
      if (!store) throw new Error('this browser offers no storage here (IndexedDB unavailable)');
      return await action(store);
    } catch (error) {
      this.#failed = true;
      this.#onProblem({
        kind: 'storage-unavailable',
        reason: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }
}
