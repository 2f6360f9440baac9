// Sweeps in progress, in IndexedDB, so a reload keeps what a sweep finished and offers to train
// the rest. A database of its own (like the own-dataset store), so the run store's schema never
// changes for sweeps. One small record per sweep: its settings as a link (which define arms ×
// seeds, core/sweep), the pool override, and each finished run's sweep@1 entry (summary and
// curves, a few kB): resuming never re-reads or re-summarises a run's logits. The runs
// themselves are ordinary stored runs (runStore.ts), tagged with the sweep's id.

import type { SweepFileRun } from '../core/sweep';
import { IdbStore, openDatabase, promised, completed, timeOrderedId } from './idbRequests';

export const SWEEPS_DATABASE = 'overconfidence-playground-sweeps';
const VERSION = 1;

export interface SweepRecord {
  id: string;
  createdAt: string;
  /** The URL hash of the sweep's settings (with `sweep`, `seeds` and `pool`). */
  link: string;
  /** Finished runs' entries, (arm, seed) order, each with its stored run's id. */
  results: SweepFileRun[];
  /** Every run is done (or the sweep was cancelled): nothing left to offer. */
  finished: boolean;
}

/** A sweep id that sorts by creation time: `sweep-<ms>-<random>`. */
export function newSweepId(now = Date.now(), random = Math.random): string {
  return timeOrderedId('sweep', now, random);
}

export class SweepStore extends IdbStore {
  /** Null where IndexedDB is missing or refused: a sweep then lasts for the page's life only. */
  static async open(factory?: IDBFactory | null): Promise<SweepStore | null> {
    const db = await openDatabase(factory, SWEEPS_DATABASE, VERSION, { sweeps: 'id' });
    return db && new SweepStore(db);
  }

  async put(record: SweepRecord): Promise<void> {
    const transaction = this.db.transaction('sweeps', 'readwrite');
    transaction.objectStore('sweeps').put(record);
    await completed(transaction);
  }

  /** The newest sweep that still has runs to train, or null. */
  async latestUnfinished(): Promise<SweepRecord | null> {
    const transaction = this.db.transaction('sweeps', 'readonly');
    const all = (await promised(transaction.objectStore('sweeps').getAll())) as SweepRecord[];
    const open = all.filter((record) => !record.finished);
    open.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return open[0] ?? null;
  }
}
