import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { withoutVolatile } from '../core/sweep';
import { parseHash } from '../settings';
import { SweepStore } from '../persist/sweepStore';
import type { TrainConfig } from '../core/types';
import { FakeTrainingWorker } from './sweep/fakeTrainingWorker.fixture';
import { SweepRunner } from './sweepRunner.svelte';

const LINK = '#epochs=3&train=100&batch=50&sweep=smoothing(0,0.1)&seeds=2';

function runner(options: {
  pool: number;
  delay: (config: TrainConfig) => number;
  factory?: IDBFactory;
}) {
  const workers: FakeTrainingWorker[] = [];
  const factory = options.factory ?? new IDBFactory();
  const sweep = new SweepRunner({
    dataUrl: 'https://example.test/data/',
    createTrainingWorker: () => {
      const worker = new FakeTrainingWorker(options.delay);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    createSummaryWorker: null,
    cores: 2,
    openStore: () => SweepStore.open(factory),
    now: () => new Date('2026-12-01T10:00:00Z'),
  });
  const settings = { ...parseHash(LINK).settings, pool: options.pool };
  return { sweep, workers, settings };
}

function settled(sweep: SweepRunner, state = 'done'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (sweep.state === state) resolve();
      else if (Date.now() - started > 5000) reject(new Error(`still ${sweep.state}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe('SweepRunner', () => {
  it('gives the same file on a pool of 2, runs finishing out of order, as on a pool of 1', async () => {
    // Seed 1's runs take longer, so on two workers seed 2's finish first.
    const slowFirst = (config: TrainConfig) => (config.seed === 1 ? 30 : 1);
    const one = runner({ pool: 1, delay: () => 1 });
    const two = runner({ pool: 2, delay: slowFirst });
    await one.sweep.start(one.settings);
    await two.sweep.start(two.settings);
    await Promise.all([settled(one.sweep), settled(two.sweep)]);
    expect(one.sweep.poolSize).toBe(1);
    expect(two.sweep.poolSize).toBe(2);
    expect(two.workers).toHaveLength(2);
    // The second worker, free first, takes the next run in (arm, seed) order.
    expect(two.workers[0].trained).toEqual(['0/1', '0.1/2']);
    expect(two.workers[1].trained).toEqual(['0/2', '0.1/1']);
    const order = (runner: SweepRunner) => runner.results.map((run) => `${run.arm}/${run.seed}`);
    expect(order(two.sweep)).toEqual([
      'smoothing=0/1',
      'smoothing=0/2',
      'smoothing=0.1/1',
      'smoothing=0.1/2',
    ]);
    expect(withoutVolatile(two.sweep.file)).toEqual(withoutVolatile(one.sweep.file));
    expect(two.sweep.file?.runs[0].environment.pool).toBe(2);
    expect(two.sweep.progress.doneImages).toBe(4 * 3 * 100);
  });

  it('after a reload keeps the finished runs and trains only the rest', async () => {
    const factory = new IDBFactory();
    // The first page trains seed 1's runs and is left (a reload) while seed 2's never finish.
    const first = runner({ pool: 2, factory, delay: (config) => (config.seed === 1 ? 1 : 60_000) });
    await first.sweep.start(first.settings);
    await new Promise<void>((resolve) => {
      const poll = () => (first.sweep.results.length === 2 ? resolve() : setTimeout(poll, 5));
      poll();
    });
    first.sweep.dispose();
    const second = runner({ pool: 2, factory, delay: () => 1 });
    const stored = await second.sweep.checkStored();
    expect(stored?.results.map((run) => `${run.arm}/${run.seed}`)).toEqual([
      'smoothing=0/1',
      'smoothing=0.1/1',
    ]);
    await second.sweep.resumeStored();
    expect(second.sweep.runs.map((row) => row.status)).toEqual([
      'done',
      'running',
      'done',
      'running',
    ]);
    await settled(second.sweep);
    const trained = second.workers.flatMap((worker) => worker.trained).sort();
    expect(trained).toEqual(['0.1/2', '0/2']);
    const reference = runner({ pool: 1, delay: () => 1 });
    await reference.sweep.start(reference.settings);
    await settled(reference.sweep);
    expect(withoutVolatile(second.sweep.file)).toEqual(withoutVolatile(reference.sweep.file));
    expect(await second.sweep.checkStored()).toBeNull(); // done: nothing left to offer
  });

  it('a slot whose run ended during a pause takes the next run on resume', async () => {
    const { sweep, workers, settings } = runner({ pool: 1, delay: () => 1 });
    await sweep.start(settings);
    sweep.pause(); // the fake worker ignores pause: its run ends while the sweep is paused
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(workers[0].trained).toEqual(['0/1']);
    sweep.resume();
    await settled(sweep);
    expect(workers[0].trained).toEqual(['0/1', '0/2', '0.1/1', '0.1/2']);
  });

  it('pause stops every worker’s run, resume continues it, cancel ends the sweep', async () => {
    const { sweep, workers, settings } = runner({ pool: 2, delay: () => 60_000 });
    await sweep.start(settings);
    sweep.pause();
    expect(sweep.state).toBe('paused');
    sweep.resume();
    expect(sweep.state).toBe('running');
    sweep.cancel();
    expect(sweep.state).toBe('cancelled');
    expect(workers.every((worker) => worker.terminated)).toBe(true);
    expect(sweep.runs.map((row) => row.status)).toEqual(['queued', 'queued', 'queued', 'queued']);
  });
});
