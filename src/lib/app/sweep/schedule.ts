// Which run of a sweep a free pool slot trains next, and where every run stands: plain data, so
// Node tests reach the scheduling order and the resume bookkeeping. Runs are handed out in
// (arm, seed) order; a run that a reload or a pause interrupted is queued again and retrains
// from its start (a sweep keeps only whole runs, so its results never depend on where it was
// cut), and finished runs are never retrained.

import type { BackendPreference } from '../../core/types';
import type { SweepRun } from '../../core/sweep';

export type SweepRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** A run's key wherever runs are matched across files, stores and shards. */
export function runKey(run: { arm: string; seed: number }): string {
  return `${run.arm}\u0000${run.seed}`;
}

export class SweepSchedule {
  readonly runs: readonly SweepRun[];
  #status: SweepRunStatus[];

  /** `finished`: runs already done (a resumed sweep's stored results). */
  constructor(runs: readonly SweepRun[], finished: Iterable<{ arm: string; seed: number }> = []) {
    this.runs = runs;
    const done = new Set([...finished].map(runKey));
    this.#status = runs.map((run) =>
      done.has(runKey({ arm: run.arm.name, seed: run.seed })) ? 'done' : 'queued',
    );
  }

  status(index: number): SweepRunStatus {
    return this.#status[index];
  }

  /** The first queued run in (arm, seed) order, now running; null when none is queued. */
  take(): SweepRun | null {
    const index = this.#status.indexOf('queued');
    if (index === -1) return null;
    this.#status[index] = 'running';
    return this.runs[index];
  }

  done(index: number): void {
    this.#status[index] = 'done';
  }

  failed(index: number): void {
    this.#status[index] = 'failed';
  }

  /** A running run goes back to the queue (its slot was cancelled or lost). */
  requeue(index: number): void {
    if (this.#status[index] === 'running') this.#status[index] = 'queued';
  }

  /** Runs not done yet (queued or running; failed ones are over), in (arm, seed) order. */
  get remaining(): SweepRun[] {
    return this.runs.filter((_, index) => ['queued', 'running'].includes(this.#status[index]));
  }

  /** Nothing queued or running: every run is done or failed. */
  get settled(): boolean {
    return this.remaining.length === 0;
  }
}

/** Cores left to the page itself above two: its main thread, the summary worker, the browser. */
const CORES_KEPT_FOR_THE_PAGE = 1;

/**
 * Training workers a sweep runs at once. The link's `pool` wins when set (> 0). A named GPU
 * backend gets one: runs on one GPU queue behind each other, so more workers only add memory.
 * On WebAssembly each worker computes on one thread, so about one per logical core; above two
 * cores one is left to keep the page responsive (on two, both train: the page's work between
 * epochs is small). Never more than the runs to train.
 */
export function sweepPoolSize(input: {
  pool: number;
  backend: BackendPreference;
  cores: number;
  runCount: number;
}): number {
  const { pool, backend, cores, runCount } = input;
  const gpu = backend === 'webgl' || backend === 'webgpu';
  const cpuSlots = cores > 2 ? cores - CORES_KEPT_FOR_THE_PAGE : Math.max(1, cores);
  const wanted = pool > 0 ? pool : gpu ? 1 : cpuSlots;
  return Math.max(1, Math.min(wanted, runCount));
}

/**
 * The backend a sweep's workers train on: a named GPU backend as asked; otherwise WebAssembly
 * (with one thread per worker, train.worker via its name), whose results are bit-identical
 * whatever the pool size, which `auto`'s per-machine choice could not promise.
 */
export function sweepBackend(backend: BackendPreference): BackendPreference {
  return backend === 'webgl' || backend === 'webgpu' || backend === 'cpu' ? backend : 'wasm';
}
