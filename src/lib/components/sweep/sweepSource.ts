// What the Sweep view reads of a running sweep and the commands it gives: the worker pool
// (app/sweepRunner.svelte.ts) satisfies this, and tests and the view's own development use a
// fake. Reactive fields are read in the view's markup, so a runner with $state fields updates it.

import type { SweepDefinition, SweepFile, SweepFileRun, SweepRun } from '../../core/sweep';
import type { Settings } from '../../settings';

/** One run of the sweep as the pool sees it. */
export interface SweepRunView {
  arm: string;
  seed: number;
  /** 'queued', 'running', 'done' or 'failed'. */
  status: string;
  epoch: number;
  totalEpochs: number;
  imagesPerSecond: number;
}

/** The sweep as a whole: training images done of all runs', and the time left at its speed. */
export interface SweepProgressView {
  doneImages: number;
  totalImages: number;
  /** All workers together, measured since the sweep (re)started; 0 until measured. */
  imagesPerSecond: number;
  /** Seconds left at that speed; NaN until measured. */
  etaSeconds: number;
}

export interface SweepSource {
  readonly definition: SweepDefinition | null;
  readonly runs: readonly SweepRunView[];
  /** Training workers at once. */
  readonly poolSize: number;
  readonly progress: SweepProgressView;
  readonly results: readonly SweepFileRun[];
  /** The sweep so far as a sweep@1 file (without this browser's run ids); null before a run. */
  readonly file: SweepFile | null;
  /** 'idle', 'running', 'paused', 'done' or 'cancelled'. */
  readonly state: string;
  /** An unfinished sweep of an earlier visit, which resumeStored() continues; null if none. */
  readonly stored: unknown;
  /** Why the sweep stopped, in words; null when it did not fail. */
  readonly error: string | null;
  start(settings: Settings): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** Trains the runs a stored, unfinished sweep still lacks (after a reload). */
  resumeStored(): void;
  /** Looks for a stored, unfinished sweep (sets `stored`). */
  checkStored?(): unknown;
}

/** A timing of the pool before a sweep starts (app/sweep/speedTimer.svelte.ts). */
export interface PoolTiming {
  /** 'idle', 'timing', 'done' or 'failed'. */
  readonly state: string;
  readonly error: string | null;
  /** All workers together, on the run whose link it names. */
  readonly result: { imagesPerSecond: number; workers: number; link: string } | null;
}

/** What times the pool: its timing, and the command (the pool's size is the sweep's rule). */
export interface PoolTimer extends PoolTiming {
  timePool(run: SweepRun, pool: number, runCount: number): unknown;
}

export type SweepPhase = 'idle' | 'running' | 'paused' | 'finished';

/** What the view's buttons may do now: the runner's state, a finished or cancelled one alike. */
export function sweepPhase(source: Pick<SweepSource, 'state'>): SweepPhase {
  if (source.state === 'running' || source.state === 'paused') return source.state;
  return source.state === 'idle' ? 'idle' : 'finished';
}
