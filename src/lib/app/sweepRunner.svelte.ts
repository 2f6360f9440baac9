// A sweep trained on a pool of training workers (issue 24, part 2). Each slot trains one run at
// a time, handed out in (arm, seed) order by the schedule (sweep/schedule.ts); a finished run's
// logits go to the summary worker, its summary joins `results` in (arm, seed) order, and the
// sweep's stored record (persist/sweepStore) is updated, so a reload keeps every finished run
// and offers the rest. Which slot trained a run never shows in its result: every worker trains
// on one WebAssembly thread (or the one named GPU backend) from the run's own seed.

import {
  buildSweepFile,
  compareRuns,
  runTrainingImages,
  sweepDefinition,
  sweepRuns,
  type SweepDefinition,
  type SweepFile,
  type SweepFileRun,
  type SweepRun,
} from '../core/sweep';
import { formatHash, parseHash, type Settings } from '../settings';
import { chosenRuns, sweepJob } from './sweep/job';
import { newSweepId, SweepStore, type SweepRecord } from '../persist/sweepStore';
import { SweepSchedule, sweepBackend, sweepPoolSize } from './sweep/schedule';
import { Summarizer } from './sweep/summarizer';
import { TrainingSlot, type FinishedRun } from './sweep/trainingSlot';
import { sweepProgress, sweepRow, type SweepProgress, type SweepRunRow } from './sweep/rows';
import { sweepSummaryWorker, sweepTrainingWorker } from './sweep/workers';

export type { SweepRunStatus } from './sweep/schedule';
export type { SweepProgress, SweepRunRow } from './sweep/rows';
export { SweepSpeedTimer } from './sweep/speedTimer.svelte';

export type SweepState = 'idle' | 'running' | 'paused' | 'done' | 'cancelled';

export interface SweepRunnerOptions {
  /** Absolute URL of the dataset folder (the workers resolve relative URLs against themselves). */
  dataUrl: string;
  createTrainingWorker?: () => Worker;
  /** null: summarise in-process (Node tests). */
  createSummaryWorker?: (() => Worker) | null;
  cores?: number;
  /** null: no storage (a sweep then lasts for the page's life). */
  openStore?: () => Promise<SweepStore | null>;
  now?: () => Date;
  /** Train only these runs (one shard of a headless sweep); the rest are left out. */
  only?: readonly { arm: string; seed: number }[];
}

export class SweepRunner {
  definition = $state.raw<SweepDefinition | null>(null);
  runs = $state<SweepRunRow[]>([]);
  poolSize = $state(0);
  state = $state<SweepState>('idle');
  /** Finished runs' entries in (arm, seed) order. */
  results = $state.raw<SweepFileRun[]>([]);
  /** An unfinished sweep from an earlier visit, offered to resume (see checkStored). */
  stored = $state.raw<SweepRecord | null>(null);
  error = $state<string | null>(null);
  #elapsedMs = $state(0);
  #sessionImages = $state(0);

  #options: SweepRunnerOptions;
  #store: Promise<SweepStore | null> | null = null;
  #record: SweepRecord | null = null;
  #schedule: SweepSchedule | null = null;
  #slots: TrainingSlot[] = [];
  #summarizer: Summarizer | null = null;
  #startedAt = 0;

  constructor(options: SweepRunnerOptions) {
    this.#options = options;
  }

  /** Images done and in all, the measured speed and the ETA. */
  get progress(): SweepProgress {
    return sweepProgress(this.runs, this.#sessionImages, this.#elapsedMs);
  }

  /** The sweep@1 file of the runs finished so far; null before the first. */
  get file(): SweepFile | null {
    if (!this.definition || this.results.length === 0) return null;
    // A run's id names a record in this browser only: the shared file leaves it out, so two
    // machines' files of one sweep are identical (volatile fields aside).
    const runs = this.results.map(({ runId: _runId, ...run }) => run);
    return buildSweepFile({ definition: this.definition, runs, createdAt: this.#now() });
  }

  /** Looks for an unfinished sweep of an earlier visit; sets `stored`. */
  async checkStored(): Promise<SweepRecord | null> {
    const store = await this.#openStore();
    this.stored = (await store?.latestUnfinished().catch(() => null)) ?? null;
    return this.stored;
  }

  /** Starts the sweep `settings` define (their `sweep`, `seeds`, `seed` and `pool`). */
  async start(settings: Settings): Promise<void> {
    const now = this.#now();
    const record: SweepRecord = {
      id: newSweepId(now.getTime()),
      createdAt: now.toISOString(),
      link: formatHash(settings),
      results: [],
      finished: false,
    };
    await this.#begin(settings, record);
  }

  /** Trains what the stored sweep still lacks; its finished runs are kept as they are. */
  async resumeStored(): Promise<void> {
    const record = this.stored ?? (await this.checkStored());
    if (!record) return;
    const { settings } = parseHash(record.link);
    await this.#begin(settings, { ...record, results: [...record.results] });
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.#tick();
    this.state = 'paused';
    for (const slot of this.#slots) slot.pause();
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.#startedAt = performance.now();
    // A slot whose run ended during the pause was left without one: it takes the next.
    for (const slot of this.#slots) {
      if (slot.busy) slot.resume();
      else this.#feed(slot);
    }
    void this.#settleIfDone();
  }

  /** Stops every worker; finished runs stay saved, and the sweep is no longer offered. */
  cancel(): void {
    if (this.state !== 'running' && this.state !== 'paused') return;
    this.#tick();
    this.#stopWorkers();
    this.#schedule = null;
    for (const row of this.runs) if (row.status === 'running') row.status = 'queued';
    this.state = 'cancelled';
    if (this.#record) void this.#save({ ...this.#record, finished: true });
  }

  dispose(): void {
    this.#stopWorkers();
  }

  async #begin(settings: Settings, record: SweepRecord): Promise<void> {
    this.#stopWorkers();
    this.#schedule = null;
    const definition = sweepDefinition(settings);
    if (definition.arms.length === 0)
      throw new Error('These settings define no sweep (sweep=off).');
    const runs = chosenRuns(sweepRuns(definition), this.#options.only);
    this.#record = record;
    this.definition = definition;
    this.results = [...record.results].sort(compareRuns(definition));
    this.#schedule = new SweepSchedule(runs, record.results);
    this.runs = runs.map((run, index) => sweepRow(run, this.#schedule!.status(index)));
    this.poolSize = sweepPoolSize({
      pool: settings.pool,
      backend: settings.backend,
      cores: this.#options.cores ?? globalThis.navigator?.hardwareConcurrency ?? 1,
      runCount: this.#schedule.remaining.length,
    });
    this.error = null;
    this.stored = null;
    this.#elapsedMs = 0;
    this.#sessionImages = 0;
    this.#startedAt = performance.now();
    this.state = 'running';
    await this.#save(record);
    const create = this.#options.createSummaryWorker;
    this.#summarizer = new Summarizer(create === undefined ? sweepSummaryWorker : create);
    const backend = sweepBackend(settings.backend);
    const createWorker = this.#options.createTrainingWorker ?? sweepTrainingWorker;
    for (let k = 0; k < this.poolSize; k++) {
      this.#slots.push(new TrainingSlot(createWorker, this.#options.dataUrl, backend));
    }
    for (const slot of this.#slots) this.#feed(slot);
    void this.#settleIfDone();
  }

  /** Gives a free slot the next queued run, if any. */
  #feed(slot: TrainingSlot): void {
    const schedule = this.#schedule;
    const record = this.#record;
    if (!schedule || !record || this.state !== 'running') return;
    const run = schedule.take();
    if (!run) return;
    const index = schedule.runs.indexOf(run);
    const row = this.runs[index];
    row.status = 'running';
    slot.run(sweepJob(run, record.id, this.#now()), {
      progress: (epoch, images, imagesPerSecond) => {
        this.#sessionImages += images - row.images;
        Object.assign(row, { epoch, images, imagesPerSecond });
        this.#tick();
      },
      done: (finished) => void this.#finished(slot, run, index, finished),
      failed: (message) => {
        schedule.failed(index);
        row.status = 'failed';
        this.error = `${run.arm.name}, seed ${run.seed}: ${message}`;
        this.#feed(slot);
        void this.#settleIfDone();
      },
    });
  }

  async #finished(slot: TrainingSlot, run: SweepRun, index: number, finished: FinishedRun) {
    const schedule = this.#schedule as SweepSchedule;
    const row = this.runs[index];
    // Early stopping may end a run before its last epoch: it trained its epochs' images only.
    const images = runTrainingImages({ ...run.settings, epochs: finished.epochs.length });
    this.#sessionImages += images - row.images;
    Object.assign(row, { epoch: finished.epochs.length, images, totalImages: images });
    // The slot trains its next run while the summary worker reads this one's logits.
    this.#feed(slot);
    const summarizer = this.#summarizer as Summarizer;
    try {
      const { summary, curves } = await summarizer.summarize({
        seed: run.seed,
        labels: finished.labels,
        epochs: finished.epochs,
        epochLogits: finished.epochLogits,
        heldEpoch: finished.heldEpoch,
      });
      if (this.#schedule !== schedule) return; // cancelled or restarted meanwhile
      const entry: SweepFileRun = {
        arm: run.arm.name,
        seed: run.seed,
        summary,
        curves,
        imagesPerSecond: finished.imagesPerSecond,
        environment: {
          backend: finished.backend,
          pool: this.poolSize,
          userAgent: globalThis.navigator?.userAgent ?? 'unknown',
        },
        runId: finished.runId,
      };
      const order = compareRuns(this.definition!);
      this.#record = { ...this.#record!, results: [...this.#record!.results, entry].sort(order) };
      // Save, then publish: what the page shows as finished survives a reload. The run counts
      // as done only then, so the sweep settles after its last run is published.
      await this.#save(this.#record);
      schedule.done(index);
      row.status = 'done';
      this.results = [...this.results, entry].sort(order);
    } catch (error) {
      if (this.#schedule !== schedule) return;
      schedule.failed(index);
      row.status = 'failed';
      this.error = `${run.arm.name}, seed ${run.seed}: ${(error as Error).message}`;
    }
    void this.#settleIfDone();
  }

  /** Once every run is done or failed: workers stop, and the stored sweep is no longer offered. */
  async #settleIfDone(): Promise<void> {
    if (!this.#schedule?.settled || this.state !== 'running' || !this.#record) return;
    this.#tick();
    this.#stopWorkers();
    this.#record = { ...this.#record, finished: true };
    this.state = 'done';
    await this.#save(this.#record);
  }

  /** Adds the wall time since the last tick to the sweep's training time. */
  #tick(): void {
    if (this.state !== 'running') return;
    const now = performance.now();
    this.#elapsedMs += now - this.#startedAt;
    this.#startedAt = now;
  }

  #stopWorkers(): void {
    for (const slot of this.#slots) slot.dispose();
    this.#slots = [];
    this.#summarizer?.dispose();
    this.#summarizer = null;
  }

  async #save(record: SweepRecord): Promise<void> {
    const store = await this.#openStore();
    await store?.put($state.snapshot(record) as SweepRecord).catch(() => {});
  }

  #openStore(): Promise<SweepStore | null> {
    this.#store ??= (this.#options.openStore ?? (() => SweepStore.open()))();
    return this.#store;
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }
}
