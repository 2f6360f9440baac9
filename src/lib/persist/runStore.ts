// Durable runs in IndexedDB, so a reload or a crashed tab loses no completed epoch.
// Plain data only (no tfjs): the worker writes, the page reads and deletes. One database,
// three stores:
//   runs    — one small record per run: config, environment, the run's state as the worker
//             last reported it (backend, early stopping, which epoch the model holds) and its
//             per-epoch headline figures; what lists and overlays need, nothing heavy
//   epochs  — one row per completed epoch: metrics + that epoch's validation logits
//   weights — per run, the newest completed epoch's model + optimizer state (overwritten)
// An epoch's row, the run record and the weights it ends with are written in ONE transaction,
// so after any crash they agree, and Resume is exact.

import { curvePoint, type CurvePoint } from '../core/runState';
import type { RunSource } from '../core/runSource';
import type {
  BackendInfo,
  BackendPreference,
  EarlyStopInfo,
  EpochMetrics,
  Labels,
  SettingChangeEvent,
  TrainConfig,
  TrainerSnapshot,
} from '../core/types';
import { completed, IdbStore, openDatabase, promised, timeOrderedId } from './idbRequests';

export type { NamedArray, TrainerSnapshot } from '../core/types';

export const DATABASE_NAME = 'overconfidence-playground';
/** 2: run records carry the run's state and curve (version 1 records are upgraded on open). */
const DATABASE_VERSION = 2;

/** Which sweep trained a run, and which of its runs it is (core/sweep: arm name and seed). */
export interface SweepTag {
  id: string;
  arm: string;
  seed: number;
}

export interface RunRecord {
  id: string;
  createdAt: string;
  config: TrainConfig;
  backendPreference: BackendPreference;
  /** The URL hash that reproduces the settings. */
  link: string;
  backend: BackendInfo;
  /** Validation labels, dataset order (fixed for the run); 16-bit only for over 256 classes. */
  validationLabels: Labels;
  /** True once the last epoch (or early stopping) finished; anything else can be resumed. */
  finished: boolean;
  earlyStop: EarlyStopInfo | null;
  /**
   * The epoch whose weights the run's model holds (the restored best after early stopping), as
   * the worker reported it; that epoch's row holds the model's validation logits. 0 = none yet.
   */
  modelEpoch: number;
  /** Each completed epoch's headline figures, in order (what lists and overlays draw). */
  curve: CurvePoint[];
  /** Settings changed mid-run (RunState.events) as of the last save; absent in older records. */
  events?: SettingChangeEvent[];
  /**
   * Set for a run imported from a logits file (its config then holds only its epoch and example
   * counts; nothing was trained here); absent for runs trained in this page.
   */
  source?: RunSource;
  /** Set for a run a sweep trained (app/sweepRunner); absent otherwise, and in older records. */
  sweep?: SweepTag;
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

/** A run id that sorts by creation time: `run-<ms>-<random>`. */
export function newRunId(now = Date.now(), random = Math.random): string {
  return timeOrderedId('run', now, random);
}

export class RunStore extends IdbStore {
  /**
   * Opens (and creates or upgrades) the database. Resolves null where IndexedDB is missing or
   * refused (some private modes): the app then works without persistence.
   */
  static async open(factory?: IDBFactory | null): Promise<RunStore | null> {
    const keyPaths = { runs: 'id', epochs: ['runId', 'epoch'], weights: 'runId' };
    const db = await openDatabase(
      factory,
      DATABASE_NAME,
      DATABASE_VERSION,
      keyPaths,
      (from, transaction) => {
        if (from === 1) void upgradeVersion1(transaction);
      },
    );
    return db && new RunStore(db);
  }

  async putRun(run: RunRecord): Promise<void> {
    const transaction = this.db.transaction('runs', 'readwrite');
    transaction.objectStore('runs').put(run);
    await completed(transaction);
  }

  /** One completed epoch, the run's record after it and the weights it ended with, atomically. */
  async putEpoch(run: RunRecord, epoch: EpochRecord, weights: TrainerSnapshot): Promise<void> {
    const transaction = this.db.transaction(['runs', 'epochs', 'weights'], 'readwrite');
    transaction.objectStore('runs').put(run);
    transaction.objectStore('epochs').put(epoch);
    transaction.objectStore('weights').put({ ...weights, runId: epoch.runId });
    await completed(transaction);
  }

  /** A finished run that arrives whole (an imported file): its record and every epoch, atomically. */
  async putWholeRun(run: RunRecord, epochs: readonly EpochRecord[]): Promise<void> {
    const transaction = this.db.transaction(['runs', 'epochs'], 'readwrite');
    transaction.objectStore('runs').put(run);
    const rows = transaction.objectStore('epochs');
    for (const epoch of epochs) rows.put(epoch);
    await completed(transaction);
  }

  async getRun(id: string): Promise<RunRecord | null> {
    const transaction = this.db.transaction('runs', 'readonly');
    return ((await promised(transaction.objectStore('runs').get(id))) as RunRecord) ?? null;
  }

  /** The run's epochs in order, with their logits. */
  async getEpochs(runId: string): Promise<EpochRecord[]> {
    const transaction = this.db.transaction('epochs', 'readonly');
    const range = IDBKeyRange.bound([runId, 0], [runId, Number.MAX_SAFE_INTEGER]);
    return (await promised(transaction.objectStore('epochs').getAll(range))) as EpochRecord[];
  }

  async getWeights(runId: string): Promise<WeightsRecord | null> {
    const transaction = this.db.transaction('weights', 'readonly');
    return (
      ((await promised(transaction.objectStore('weights').get(runId))) as WeightsRecord) ?? null
    );
  }

  /** Every stored run's record (no epochs' logits, no weights), newest first. */
  async listRuns(): Promise<RunRecord[]> {
    const transaction = this.db.transaction('runs', 'readonly');
    const runs = (await promised(transaction.objectStore('runs').getAll())) as RunRecord[];
    return runs.sort(newestFirst);
  }

  async deleteRun(id: string): Promise<void> {
    const transaction = this.db.transaction(['runs', 'epochs', 'weights'], 'readwrite');
    transaction.objectStore('runs').delete(id);
    transaction
      .objectStore('epochs')
      .delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
    transaction.objectStore('weights').delete(id);
    await completed(transaction);
  }
}

/** Sort order of run lists. */
export function newestFirst(a: RunRecord, b: RunRecord): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

/**
 * Version 1 records lacked `modelEpoch` and `curve`. Version 1 kept the early-stopping record,
 * and its model held the best epoch after early stopping and the last one otherwise; that rule
 * is applied here once, to old data, never at read time.
 */
async function upgradeVersion1(transaction: IDBTransaction): Promise<void> {
  const runs = transaction.objectStore('runs');
  const epochs = transaction.objectStore('epochs');
  for (const run of (await promised(runs.getAll())) as RunRecord[]) {
    const range = IDBKeyRange.bound([run.id, 0], [run.id, Number.MAX_SAFE_INTEGER]);
    const rows = (await promised(epochs.getAll(range))) as EpochRecord[];
    runs.put({
      ...run,
      modelEpoch: run.earlyStop?.bestEpoch ?? rows.length,
      curve: rows.map((row) => curvePoint(row.metrics)),
    });
  }
}
