import { describe, expect, it } from 'vitest';
import type { EpochMetrics, TrainConfig } from '../core/types';
import { clientWithFakeWorkers } from './fakeWorker.fixture';
import type { FromWorker, ToWorker } from './protocol';

const DATA_URL = 'https://example.test/data/';
const setup = () => clientWithFakeWorkers(DATA_URL);

const CONFIG: TrainConfig = {
  classes: ['pullover', 'coat'],
  trainSize: 64,
  validationSize: 2,
  epochs: 3,
  batchSize: 32,
  learningRate: 0.001,
  optimizer: 'adam',
  model: 'small',
  seed: 7,
  labelSmoothing: 0,
  l2: 0,
  dropout: 0,
  earlyStop: 'off',
  patience: 5,
};

function epoch(n: number): FromWorker {
  return {
    type: 'epoch',
    metrics: { epoch: n, validationLoss: 0.5, validationAccuracy: 0.9 } as EpochMetrics,
    validationLogits: new Float32Array([n, 0, 0, n]),
    ...(n === 1 ? { validationLabels: new Uint8Array([0, 1]) } : {}),
  };
}

describe('TrainerClient recovery', () => {
  it('moves to the next backend after a lost GPU and resumes the same run there', () => {
    const { client, workers } = setup();
    client.init('auto');
    client.train(CONFIG, { link: '#seed=7', loseDeviceAt: 1 });
    const first = workers[0];
    const run = (first.posted.at(-1) as Extract<ToWorker, { type: 'train' }>).run;
    expect(first.posted.at(-1)).toMatchObject({ type: 'train', loseDeviceAt: 1 });
    first.emit(epoch(1));
    first.emit({ type: 'device-lost', backend: 'webgpu', detail: 'destroyed', epochsCompleted: 1 });

    expect(first.terminated).toBe(true);
    const second = workers[1];
    expect(second.posted[0]).toMatchObject({ type: 'init', backend: 'webgl' });
    // Same run, resumed from storage; the fault is not injected twice.
    expect(second.posted.at(-1)).toEqual({ type: 'train', config: CONFIG, run, resume: true });
    expect(client.epochs.map((m) => m.epoch)).toEqual([1]);
    expect(client.deviceNotice).toMatch(/WebGPU.*Switched to WebGL.*continued from epoch 1/);
    second.emit(epoch(2));
    expect(client.epochs.map((m) => m.epoch)).toEqual([1, 2]);
  });

  it('starts the run again on the next backend when nothing could be saved', () => {
    const { client, workers } = setup();
    client.init('webgl');
    client.train(CONFIG, { link: '#seed=7' });
    workers[0].emit({ type: 'notice', message: 'Runs are not being saved in this browser (x).' });
    workers[0].emit(epoch(1));
    workers[0].emit({ type: 'device-lost', backend: 'webgl', detail: '', epochsCompleted: 1 });
    expect(workers[1].posted[0]).toMatchObject({ type: 'init', backend: 'cpu' });
    expect(workers[1].posted.at(-1)).toMatchObject({ type: 'train', resume: false });
    expect(client.epochs).toEqual([]);
    expect(client.deviceNotice).toMatch(/started the run again/);
  });

  it('keeps the good epochs and says what happened when training diverges', () => {
    const { client, workers } = setup();
    client.init('auto');
    client.train(CONFIG, { link: '#' });
    workers[0].emit(epoch(1));
    workers[0].emit({ type: 'diverged', epoch: 2, message: 'Training diverged in epoch 2' });
    workers[0].emit({ type: 'status', status: 'done' });
    expect(client.epochs).toHaveLength(1);
    expect(client.divergence).toBe('Training diverged in epoch 2');
    expect(client.status).toBe('done');
  });

  it('retries a start that failed before its first epoch in a fresh worker', () => {
    const { client, workers } = setup();
    client.init('auto');
    client.step(CONFIG, { link: '#' });
    workers[0].emit({ type: 'error', message: 'coat-train.bin: 404 Not Found' });
    expect(client.error).toMatch(/404/);
    client.retry();
    expect(workers).toHaveLength(2);
    expect(workers[1].posted.at(-1)).toMatchObject({ type: 'step', config: CONFIG });
    expect(client.error).toBeNull();
  });

  it('opens a saved run for viewing without training it', () => {
    const { client, workers } = setup();
    client.init('auto');
    const posted = workers[0].posted.length;
    const identity = {
      id: 'run-1',
      createdAt: '2026-01-01T00:00:00Z',
      link: '#',
      backendPreference: 'auto' as const,
    };
    const rows = [1, 2].map((n) => ({
      runId: 'run-1',
      epoch: n,
      metrics: { epoch: n } as EpochMetrics,
      logits: new Float32Array([n, 0, 0, n]),
    }));
    client.open({
      identity,
      config: CONFIG,
      epochs: rows,
      validationLabels: new Uint8Array([0, 1]),
    });
    expect(client.status).toBe('done');
    expect(client.epochs.map((m) => m.epoch)).toEqual([1, 2]);
    expect(client.logitsHistory).toHaveLength(2);
    expect(workers[0].posted).toHaveLength(posted); // nothing sent: it only shows the run
  });
});
