// The worker's side of "nothing lost": after every completed epoch it saves the epoch's metrics,
// logits and the weights + optimizer state it ended with, in one IndexedDB transaction.
// Storage trouble never stops training: the first failure is reported once, then ignored.

import type { Trainer } from '../core/trainer';
import type {
  BackendInfo,
  EarlyStopInfo,
  EpochMetrics,
  TrainConfig,
  TrainerSnapshot,
} from '../core/types';
import { RunStore } from '../persist/runStore';
import type { RunIdentity } from './protocol';

export class RunPersistence {
  #store: Promise<RunStore | null> | null = null;
  #failed = false;
  readonly #onProblem: (message: string) => void;

  constructor(onProblem: (message: string) => void) {
    this.#onProblem = onProblem;
  }

  async startRun(
    identity: RunIdentity,
    config: TrainConfig,
    backend: BackendInfo,
    validationLabels: Uint8Array,
  ): Promise<void> {
    await this.#write(async (store) => {
      const existing = await store.getRun(identity.id);
      // A resumed run keeps its record; only the backend it continues on is updated.
      await store.putRun({
        id: identity.id,
        createdAt: existing?.createdAt ?? identity.createdAt,
        config,
        backendPreference: identity.backendPreference,
        link: identity.link,
        backend,
        validationLabels: validationLabels.slice(),
        finished: false,
        earlyStop: null,
      });
    });
  }

  async saveEpoch(
    runId: string,
    metrics: EpochMetrics,
    logits: Float32Array,
    trainer: Trainer,
  ): Promise<void> {
    await this.#write(async (store) => {
      const snapshot = await trainer.exportState();
      await store.putEpoch(
        { runId, epoch: metrics.epoch, metrics, logits: logits.slice() },
        snapshot,
      );
    });
  }

  async finish(runId: string, earlyStop: EarlyStopInfo | null): Promise<void> {
    await this.#write((store) => store.finishRun(runId, earlyStop));
  }

  /** The saved state to resume `runId` from, or null when nothing usable is stored. */
  async snapshot(runId: string): Promise<TrainerSnapshot | null> {
    const store = await this.#open();
    return store ? store.getWeights(runId) : null;
  }

  #open(): Promise<RunStore | null> {
    this.#store ??= RunStore.open();
    return this.#store;
  }

  async #write(action: (store: RunStore) => Promise<void>): Promise<void> {
    if (this.#failed) return;
    try {
      const store = await this.#open();
      if (!store) throw new Error('this browser offers no storage here (IndexedDB unavailable)');
      await action(store);
    } catch (error) {
      this.#failed = true;
      const why = error instanceof Error ? error.message : String(error);
      this.#onProblem(
        `Runs are not being saved in this browser (${why}). Training goes on, but a reload will lose it.`,
      );
    }
  }
}
