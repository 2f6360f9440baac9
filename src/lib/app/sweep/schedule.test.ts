import { describe, expect, it } from 'vitest';
import { sweepDefinition, sweepRuns } from '../../core/sweep';
import { parseHash } from '../../settings';
import { chosenRuns } from './job';
import { sweepProgress, sweepRow } from './rows';
import { runKey, SweepSchedule, sweepBackend, sweepPoolSize } from './schedule';

// smoothing(0, 0.1) × seeds 1, 2: four runs, (arm, seed) order.
const runs = sweepRuns(
  sweepDefinition(
    parseHash('#epochs=3&train=200&batch=50&sweep=smoothing(0,0.1)&seeds=2').settings,
  ),
);
const names = (list: readonly { arm: { name: string }; seed: number }[]) =>
  list.map((run) => `${run.arm.name}/${run.seed}`);

describe('SweepSchedule', () => {
  it('hands runs out in (arm, seed) order, each once', () => {
    const schedule = new SweepSchedule(runs);
    const taken = [schedule.take(), schedule.take(), schedule.take(), schedule.take()];
    expect(names(taken.map((run) => run!))).toEqual([
      'smoothing=0/1',
      'smoothing=0/2',
      'smoothing=0.1/1',
      'smoothing=0.1/2',
    ]);
    expect(schedule.take()).toBeNull();
    expect(schedule.settled).toBe(false); // all running
    [0, 1, 2].forEach((index) => schedule.done(index));
    schedule.failed(3);
    expect(schedule.settled).toBe(true);
  });

  it('a requeued run is taken again before later ones', () => {
    const schedule = new SweepSchedule(runs);
    schedule.take();
    schedule.take();
    schedule.requeue(0);
    expect(names([schedule.take()!])).toEqual(['smoothing=0/1']);
    expect(names([schedule.take()!])).toEqual(['smoothing=0.1/1']);
  });

  it('resuming: stored runs are done, the rest queued in order', () => {
    const stored = [
      { arm: 'smoothing=0.1', seed: 1 },
      { arm: 'smoothing=0', seed: 2 },
    ];
    const schedule = new SweepSchedule(runs, stored);
    expect(runs.map((_, index) => schedule.status(index))).toEqual([
      'queued',
      'done',
      'done',
      'queued',
    ]);
    expect(names(schedule.remaining)).toEqual(['smoothing=0/1', 'smoothing=0.1/2']);
    expect(runKey({ arm: 'a', seed: 1 })).not.toBe(runKey({ arm: 'a', seed: 11 }));
  });

  it('a shard trains only its runs', () => {
    expect(names(chosenRuns(runs, [{ arm: 'smoothing=0.1', seed: 2 }]))).toEqual([
      'smoothing=0.1/2',
    ]);
    expect(chosenRuns(runs, undefined)).toHaveLength(4);
  });
});

describe('sweepPoolSize', () => {
  it('about one worker per core on WebAssembly, one on a GPU, the link’s pool first', () => {
    const base = { pool: 0, backend: 'auto' as const, runCount: 20 };
    expect(sweepPoolSize({ ...base, cores: 1 })).toBe(1);
    expect(sweepPoolSize({ ...base, cores: 2 })).toBe(2);
    expect(sweepPoolSize({ ...base, cores: 8 })).toBe(7);
    expect(sweepPoolSize({ ...base, backend: 'webgl', cores: 8 })).toBe(1);
    expect(sweepPoolSize({ ...base, backend: 'webgpu', cores: 8, pool: 3 })).toBe(3);
    expect(sweepPoolSize({ ...base, cores: 8, runCount: 4 })).toBe(4);
  });

  it('trains on WebAssembly unless a backend is named', () => {
    expect(sweepBackend('auto')).toBe('wasm');
    expect(sweepBackend('webgpu')).toBe('webgpu');
  });
});

describe('sweepProgress', () => {
  it('images done and in all, speed and ETA', () => {
    // Each run: 3 epochs × 200 images (4 batches of 50) = 600 images.
    const rows = runs.map((run, index) => sweepRow(run, index === 0 ? 'done' : 'queued'));
    rows[1].images = 300;
    // 300 images this session in 2 s: 150 images/s; 2400 − 900 = 1500 images left: 10 s.
    expect(sweepProgress(rows, 300, 2000)).toEqual({
      doneImages: 900,
      totalImages: 2400,
      imagesPerSecond: 150,
      etaSeconds: 10,
    });
    expect(sweepProgress(rows, 0, 0).etaSeconds).toBeNaN();
  });
});
