// Times a sweep's pool before the sweep starts, so a first sweep on a machine that has trained
// nothing yet still gets an ETA from this machine (with no GPU the page's WASM backend is chosen
// untimed, so no speed is known). Every slot of the pool trains the sweep's first run at once;
// each slot is timed from its first progress report (data loading and warm-up left out) until
// it has crossed into the next epoch and TIMED_MS have passed, so the window holds an epoch's
// evaluation as a sweep's epochs do; the slots' speeds are summed: the pool's throughput as the
// sweep will see it, cores shared as they will be. The runs are thrown away: the workers stop
// and their stored records are deleted.

import type { SweepRun } from '../../core/sweep';
import { RunStore } from '../../persist/runStore';
import { formatHash } from '../../settings';
import { sweepJob } from './job';
import { sweepBackend, sweepPoolSize } from './schedule';
import { TrainingSlot, type SlotJob } from './trainingSlot';
import { sweepTrainingWorker } from './workers';

/** Each slot is timed for at least this long after its first report, and past an epoch's end. */
export const TIMED_MS = 3_000;
/** ...but no longer than this, for an epoch too long to wait for (training speed alone then). */
export const LONGEST_MS = 30_000;
/** A slot that reports nothing for this long (data download, a stuck backend) fails the timing. */
const SILENT_LIMIT_MS = 90_000;

/** One slot's progress reports as (time, training images so far). */
export interface SlotTrace {
  first: { at: number; images: number; epoch: number } | null;
  last: { at: number; images: number } | null;
  /** The worker's own figure at its last report: the fallback for a run too short to count. */
  reported: number;
}

/** A slot's speed: images between its first and last report over the time between them. */
export function traceSpeed(trace: SlotTrace): number {
  const { first, last } = trace;
  if (first && last && last.at > first.at) {
    return ((last.images - first.images) * 1000) / (last.at - first.at);
  }
  return trace.reported;
}

export interface TimedSpeed {
  /** All slots together. */
  imagesPerSecond: number;
  workers: number;
  /** The link of the run that was timed (model, batch and backend are what matter). */
  link: string;
}

export interface SpeedTimerOptions {
  dataUrl: string;
  createWorker?: () => Worker;
  now?: () => number;
  /** Deletes a timing run's stored record; default: this browser's run store. */
  deleteRun?: (id: string) => Promise<void>;
  /** Logical cores, for the pool size (default: the browser's). */
  cores?: number;
}

export class SweepSpeedTimer {
  /** 'idle', 'timing', 'done' or 'failed'. */
  state = $state('idle');
  result = $state.raw<TimedSpeed | null>(null);
  error = $state<string | null>(null);
  #options: SpeedTimerOptions;

  constructor(options: SpeedTimerOptions) {
    this.#options = options;
  }

  /** Times the pool a sweep of `runCount` runs would start (`pool`: the link's, 0 = automatic). */
  timePool(run: SweepRun, pool: number, runCount: number): Promise<void> {
    const cores = this.#options.cores ?? globalThis.navigator?.hardwareConcurrency ?? 1;
    const backend = run.settings.backend;
    return this.time(run, sweepPoolSize({ pool, backend, cores, runCount }));
  }

  /** Trains `run` on `workers` slots at once for a few seconds; sets `result`. */
  async time(run: SweepRun, workers: number): Promise<void> {
    if (this.state === 'timing') return;
    this.state = 'timing';
    this.error = null;
    const now = this.#options.now ?? (() => performance.now());
    const create = this.#options.createWorker ?? sweepTrainingWorker;
    const slots = Array.from(
      { length: workers },
      () => new TrainingSlot(create, this.#options.dataUrl, sweepBackend(run.settings.backend)),
    );
    const ids: string[] = [];
    try {
      const traces = await Promise.all(
        slots.map((slot, index) => {
          const job = sweepJob(run, 'timing', new Date(Date.now() + index));
          delete job.identity.sweep; // never grouped with a sweep, and deleted below
          ids.push(job.identity.id);
          return timeSlot(slot, job, now);
        }),
      );
      const imagesPerSecond = traces.reduce((sum, trace) => sum + traceSpeed(trace), 0);
      if (!(imagesPerSecond > 0)) throw new Error('The timing runs trained no images.');
      this.result = { imagesPerSecond, workers, link: formatHash(run.settings) };
      this.state = 'done';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.state = 'failed';
    } finally {
      for (const slot of slots) slot.dispose();
      await Promise.all(ids.map((id) => this.#deleteRun(id).catch(() => {})));
    }
  }

  async #deleteRun(id: string): Promise<void> {
    if (this.#options.deleteRun) return this.#options.deleteRun(id);
    const store = await RunStore.open();
    await store?.deleteRun(id);
  }
}

/**
 * Runs one slot until TIMED_MS after its first report and into a later epoch (LONGEST_MS at
 * most), or to the run's end; its trace.
 */
function timeSlot(slot: TrainingSlot, job: SlotJob, now: () => number): Promise<SlotTrace> {
  const trace: SlotTrace = { first: null, last: null, reported: 0 };
  return new Promise((resolve, reject) => {
    const silent = setTimeout(
      () => reject(new Error('A timing worker reported no progress; try again.')),
      SILENT_LIMIT_MS,
    );
    let ended = false;
    const end = () => {
      ended = true;
      clearTimeout(silent);
      resolve(trace);
    };
    slot.run(job, {
      progress: (epoch, images, imagesPerSecond) => {
        if (ended) return; // reports still on their way after the pause
        const at = now();
        trace.first ??= { at, images, epoch };
        trace.last = { at, images };
        trace.reported = imagesPerSecond;
        const timed = at - trace.first.at;
        if ((epoch > trace.first.epoch && timed >= TIMED_MS) || timed >= LONGEST_MS) {
          slot.pause();
          end();
        }
      },
      done: end,
      failed: (message) => {
        clearTimeout(silent);
        reject(new Error(message));
      },
    });
  });
}
