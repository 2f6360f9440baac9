import { describe, expect, it } from 'vitest';
import { sweepDefinition, sweepRuns } from '../../core/sweep';
import { parseHash } from '../../settings';
import type { FromWorker, ToWorker } from '../../worker/train/protocol';
import { SweepSpeedTimer, traceSpeed } from './speedTimer.svelte';

// Batch 64 of 2,000 training images: a progress report at batch b of epoch 1 is b · 64 images.
const [RUN] = sweepRuns(
  sweepDefinition(parseHash('#train=2000&batch=64&epochs=3&sweep=remedies&seeds=1').settings),
);

/**
 * A worker that answers `train` with progress reports at set times [ms, epoch, batch] (31
 * batches of 64 images an epoch), then `end` (`done`: one whole epoch first).
 */
class ScriptedWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;

  constructor(
    private readonly clock: { now: number },
    private readonly reports: [number, number, number][],
    private readonly end: 'done' | 'error' | 'none' = 'none',
  ) {}

  postMessage(message: ToWorker): void {
    if (message.type !== 'train') return;
    queueMicrotask(() => {
      for (const [at, epoch, batch] of this.reports) {
        this.clock.now = at;
        this.#emit({
          type: 'progress',
          runId: message.run.id,
          progress: {
            epoch,
            epochs: 3,
            batch,
            batchesPerEpoch: 31,
            imagesPerSecond: 123,
            elapsedMs: at,
          },
        });
      }
      if (this.end === 'done') {
        this.#emit({
          type: 'epoch',
          runId: message.run.id,
          metrics: { epoch: 1, trainLoss: 1, trainAccuracy: 0.5 } as never,
          validationLogits: new Float32Array(4),
          validationLabels: Uint8Array.of(0, 1),
          state: { model: { epoch: 1 }, backend: { name: 'wasm' } } as never,
        });
        this.#emit({ type: 'status', replyTo: message.id, status: 'done' });
      }
      if (this.end === 'error') {
        this.#emit({
          type: 'error',
          replyTo: message.id,
          message: 'WASM failed to start',
        } as never);
      }
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  #emit(message: FromWorker): void {
    if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: message }));
  }
}

function timer(scripts: ConstructorParameters<typeof ScriptedWorker>[1][], end?: 'done' | 'error') {
  const clock = { now: 0 };
  const workers: ScriptedWorker[] = [];
  const deleted: string[] = [];
  const speedTimer = new SweepSpeedTimer({
    dataUrl: 'https://example.test/data/',
    createWorker: () => {
      const worker = new ScriptedWorker(clock, scripts[workers.length], end);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    now: () => clock.now,
    cores: 2,
    deleteRun: async (id) => void deleted.push(id),
  });
  return { speedTimer, workers, deleted };
}

describe('timing a sweep pool', () => {
  it('sums the slots’ speeds, each from its first report into the next epoch, 3 s or more', async () => {
    const { speedTimer, workers, deleted } = timer([
      // From epoch 1 batch 1 (64 images) to epoch 2 batch 20 (31 · 64 + 20 · 64 = 3,264): 3,200
      // images in 4 s, 800 images/s. The report at 2.5 s, still in epoch 1, does not end it.
      [
        [1000, 1, 1],
        [3500, 1, 30],
        [5000, 2, 20],
        [6000, 2, 30],
      ],
      // Into epoch 2 at 1.5 s, too soon; at 4 s: 50 batches − 6 = 44 (2,816 images), 704/s.
      [
        [1100, 1, 1],
        [2600, 2, 1],
        [5100, 2, 14],
      ],
    ]);
    await speedTimer.time(RUN, 2);
    expect(speedTimer.state).toBe('done');
    expect(speedTimer.result?.imagesPerSecond).toBeCloseTo(1504, 9);
    expect(speedTimer.result?.workers).toBe(2);
    expect(speedTimer.result?.link).toContain('model=wide');
    // The timing runs leave nothing behind: workers stopped, their two records deleted.
    expect(workers.every((worker) => worker.terminated)).toBe(true);
    expect(new Set(deleted).size).toBe(2);
  });

  it('stops at 30 s inside one long epoch', async () => {
    const { speedTimer } = timer([
      [
        [0, 1, 1],
        [30_000, 1, 11],
        [40_000, 2, 1],
      ],
    ]);
    await speedTimer.time(RUN, 1);
    expect(speedTimer.result?.imagesPerSecond).toBeCloseTo((10 * 64) / 30, 9);
  });

  it('takes the worker’s own figure for a run that ends after one report', async () => {
    const { speedTimer } = timer([[[1000, 1, 3]]], 'done');
    await speedTimer.time(RUN, 1);
    expect(speedTimer.result?.imagesPerSecond).toBe(123);
  });

  it('times as many workers as the sweep would start', async () => {
    const { speedTimer, workers } = timer([[[0, 1, 1]], [[0, 1, 1]]], 'done');
    await speedTimer.timePool(RUN, 0, 21); // 2 cores: both train
    expect(workers).toHaveLength(2);
    const one = timer([[[0, 1, 1]], [[0, 1, 1]]], 'done');
    await one.speedTimer.timePool(RUN, 0, 1); // never more workers than runs
    expect(one.workers).toHaveLength(1);
  });

  it('says why when a worker fails', async () => {
    const { speedTimer, workers } = timer([[]], 'error');
    await speedTimer.time(RUN, 1);
    expect(speedTimer.state).toBe('failed');
    expect(speedTimer.error).toBe('WASM failed to start');
    expect(speedTimer.result).toBeNull();
    expect(workers[0].terminated).toBe(true);
  });

  it('a slot speed: images over time between its first and last report', () => {
    const first = { at: 0, images: 64, epoch: 1 };
    expect(traceSpeed({ first, last: { at: 2000, images: 1664 }, reported: 5 })).toBe(800);
    expect(traceSpeed({ first, last: first, reported: 5 })).toBe(5);
  });
});
