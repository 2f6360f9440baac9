// Durable runs in IndexedDB, so a reload or a crashed tab loses no completed epoch.
// Plain data only (no tfjs): the worker writes, the page reads and deletes. One database,
// three stores:
//   runs    — one record per run: its config and environment, written when the run starts
//   epochs  — one row per completed epoch: metrics + that epoch's validation logits
//   weights — per run, the newest completed epoch's model + optimizer state (overwritten)
// An epoch's row and the weights it ends with are written in ONE transaction, so after any
// crash the stored weights always belong to the last stored epoch, and Resume is exact.

import type {
  BackendInfo,
  BackendPreference,
  EarlyStopInfo,
  EpochMetrics,
  TrainConfig,
  TrainerSnapshot,
} from '../core/types';

export type { NamedArray, TrainerSnapshot } from '../core/types';

export const DATABASE_NAME = 'overconfidence-playground';
const DATABASE_VERSION = 1;

export interface RunRecord {
  id: string;
  createdAt: string;
  config: TrainConfig;
  backendPreference: BackendPreference;
  /** The URL hash that reproduces the settings. */
  link: string;
  backend: BackendInfo;
  /** Validation labels, dataset order (fixed for the run). */
  validationLabels: Uint8Array;
  /** 'done' once the last epoch (or early stopping) finished; anything else can be resumed. */
  finished: boolean;
  earlyStop: EarlyStopInfo | null;
}

export interface EpochRecord {
  runId: string;
  epoch: number;
  metrics: EpochMetrics;
  logits: Float32Array;
}

export interface WeightsRecord extends TrainerSnapshot {
  runId: string;
}

/** A run as the Runs panel lists it (no logits, no weights). */
export interface RunSummary {
  run: RunRecord;
  epochs: EpochMetrics[];
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function completed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
  });
}

/** A run id that sorts by creation time: `run-<ms>-<random>`. */
export function newRunId(now = Date.now(), random = Math.random): string {
  return `run-${now.toString(36).padStart(9, '0')}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

export class RunStore {
  readonly #db: IDBDatabase;

  private constructor(db: IDBDatabase) {
    this.#db = db;
  }

  /**
   * Opens (and creates or upgrades) the database. Resolves null where IndexedDB is missing or
   * refused (some private modes): the app then works without persistence.
   */
  static async open(
    factory: IDBFactory | null = globalThis.indexedDB ?? null,
  ): Promise<RunStore | null> {
    if (!factory) return null;
    try {
      const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('runs')) db.createObjectStore('runs', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('epochs')) {
          db.createObjectStore('epochs', { keyPath: ['runId', 'epoch'] });
        }
        if (!db.objectStoreNames.contains('weights')) {
          db.createObjectStore('weights', { keyPath: 'runId' });
        }
      };
      const db = await promised(request);
      // Another tab upgrading the schema must not be blocked by this connection.
      db.onversionchange = () => db.close();
      return new RunStore(db);
    } catch {
      return null;
    }
  }

  close(): void {
    this.#db.close();
  }

  async putRun(run: RunRecord): Promise<void> {
    const transaction = this.#db.transaction('runs', 'readwrite');
    transaction.objectStore('runs').put(run);
    await completed(transaction);
  }

  /** Marks a run finished (last epoch trained or early-stopped). */
  async finishRun(id: string, earlyStop: EarlyStopInfo | null): Promise<void> {
    const transaction = this.#db.transaction('runs', 'readwrite');
    const runs = transaction.objectStore('runs');
    const run = (await promised(runs.get(id))) as RunRecord | undefined;
    if (run) runs.put({ ...run, finished: true, earlyStop });
    await completed(transaction);
  }

  /** One completed epoch and the weights it ended with, atomically. */
  async putEpoch(epoch: EpochRecord, weights: TrainerSnapshot): Promise<void> {
    const transaction = this.#db.transaction(['epochs', 'weights'], 'readwrite');
    transaction.objectStore('epochs').put(epoch);
    transaction.objectStore('weights').put({ ...weights, runId: epoch.runId });
    await completed(transaction);
  }

  async getRun(id: string): Promise<RunRecord | null> {
    const transaction = this.#db.transaction('runs', 'readonly');
    return ((await promised(transaction.objectStore('runs').get(id))) as RunRecord) ?? null;
  }

  /** The run's epochs in order, with their logits. */
  async getEpochs(runId: string): Promise<EpochRecord[]> {
    const transaction = this.#db.transaction('epochs', 'readonly');
    const range = IDBKeyRange.bound([runId, 0], [runId, Number.MAX_SAFE_INTEGER]);
    return (await promised(transaction.objectStore('epochs').getAll(range))) as EpochRecord[];
  }

  async getWeights(runId: string): Promise<WeightsRecord | null> {
    const transaction = this.#db.transaction('weights', 'readonly');
    return (
      ((await promised(transaction.objectStore('weights').get(runId))) as WeightsRecord) ?? null
    );
  }

  /** Every stored run with its epochs' metrics, newest first. */
  async listRuns(): Promise<RunSummary[]> {
    const transaction = this.#db.transaction(['runs', 'epochs'], 'readonly');
    const runs = (await promised(transaction.objectStore('runs').getAll())) as RunRecord[];
    const epochs = transaction.objectStore('epochs');
    const summaries = await Promise.all(
      runs.map(async (run) => {
        const range = IDBKeyRange.bound([run.id, 0], [run.id, Number.MAX_SAFE_INTEGER]);
        const rows = (await promised(epochs.getAll(range))) as EpochRecord[];
        return { run, epochs: rows.map((row) => row.metrics) };
      }),
    );
    return summaries.sort((a, b) => (a.run.createdAt < b.run.createdAt ? 1 : -1));
  }

  async deleteRun(id: string): Promise<void> {
    const transaction = this.#db.transaction(['runs', 'epochs', 'weights'], 'readwrite');
    transaction.objectStore('runs').delete(id);
    transaction
      .objectStore('epochs')
      .delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
    transaction.objectStore('weights').delete(id);
    await completed(transaction);
  }
}
