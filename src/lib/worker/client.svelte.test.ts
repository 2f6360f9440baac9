import { describe, expect, it } from 'vitest';
import type { EpochMetrics, TrainConfig } from '../core/types';
import { clientWithFakeWorkers } from './fakeWorker.fixture';
import type { FromWorker } from './protocol';

const DATA_URL = 'https://example.test/app/data/';
const setup = () => clientWithFakeWorkers(DATA_URL);

const CONFIG: TrainConfig = {
  classes: ['pullover', 'coat'],
  trainSize: 2000,
  validationSize: 200,
  epochs: 3,
  batchSize: 64,
  learningRate: 0.001,
  optimizer: 'adam',
  model: 'wide',
  seed: 1,
  labelSmoothing: 0,
  l2: 0,
  dropout: 0,
  earlyStop: 'off',
  patience: 5,
};

const START = { link: '#seed=1' };

function metrics(epoch: number): EpochMetrics {
  return {
    epoch,
    trainLoss: 0.5,
    trainAccuracy: 0.8,
    validationLoss: 0.4,
    validationAccuracy: 0.9,
    imagesPerSecond: 1000,
    logitGapHistogram: { edges: [0, 1, 2], correct: [1, 2], wrong: [1, 0] },
    validationLossCorrect: 0.1,
    validationLossWrong: 0.3,
    wrongCount: 1,
    ece: 0.05,
    mce: 0.1,
    reliability: { edges: [0, 0.5, 1], count: [0, 4], accuracy: [0, 0.75], confidence: [0, 0.8] },
  };
}

function epochMessage(epoch: number, withLabels = false): FromWorker {
  return {
    type: 'epoch',
    metrics: metrics(epoch),
    validationLogits: new Float32Array([0, 1, 1, 0]),
    ...(withLabels ? { validationLabels: new Uint8Array([1, 0]) } : {}),
  };
}

describe('TrainerClient', () => {
  it('posts init and preview and stores the answers', () => {
    const { client, worker } = setup();
    client.init('auto');
    client.preview(['bag', 'boot']);
    expect(worker().posted).toEqual([
      { type: 'init', backend: 'auto', dataUrl: DATA_URL },
      { type: 'preview', classes: ['bag', 'boot'], perClass: 8 },
    ]);
    const info = {
      name: 'webgl',
      adapter: 'test',
      fallbackReason: null,
      tfjsVersion: '4',
    } as const;
    worker().emit({ type: 'backend', info });
    expect(client.backend).toEqual(info);
  });

  it('follows a run: status, progress, epochs appended by replacement', () => {
    const { client, worker } = setup();
    client.train(CONFIG, START);
    expect(client.status).toBe('loading');
    expect(client.runConfig).toEqual(CONFIG);
    expect(worker().posted.at(-1)).toMatchObject({
      type: 'train',
      config: CONFIG,
      run: { link: '#seed=1', backendPreference: 'auto' },
    });

    worker().emit({ type: 'status', status: 'training' });
    const progress = {
      epoch: 1,
      epochs: 3,
      batch: 2,
      batchesPerEpoch: 32,
      imagesPerSecond: 1,
      elapsedMs: 5,
    };
    worker().emit({ type: 'progress', progress });
    worker().emit(epochMessage(1, true));
    const afterFirst = client.epochs;
    worker().emit(epochMessage(2));
    expect(client.status).toBe('training');
    expect(client.progress).toEqual(progress);
    expect(client.epochs.map((entry) => entry.epoch)).toEqual([1, 2]);
    expect(client.epochs).not.toBe(afterFirst);
    expect(client.validationLabels).toEqual(new Uint8Array([1, 0]));
    expect(client.latestLogits).toHaveLength(4);
    expect(client.hasRun).toBe(true);
  });

  it('resumes a paused run with the config it started with', () => {
    const { client, worker } = setup();
    client.step(CONFIG, START);
    worker().emit(epochMessage(1, true));
    worker().emit({ type: 'status', status: 'paused' });
    client.train({ ...CONFIG, epochs: 99 }, START);
    expect(worker().posted.at(-1)).toMatchObject({
      type: 'train',
      config: CONFIG,
      run: { link: '#seed=1', backendPreference: 'auto' },
    });
  });

  it('drops messages of a reset run until the worker says idle', () => {
    const { client, worker } = setup();
    client.train(CONFIG, START);
    worker().emit(epochMessage(1, true));
    client.reset();
    expect(client.epochs).toEqual([]);
    expect(client.status).toBe('idle');
    expect(client.runConfig).toBeNull();
    worker().emit(epochMessage(2));
    worker().emit({ type: 'status', status: 'training' });
    expect(client.epochs).toEqual([]);
    expect(client.status).toBe('idle');
    worker().emit({ type: 'status', status: 'idle' });
    client.train(CONFIG, START);
    worker().emit(epochMessage(1, true));
    expect(client.epochs).toHaveLength(1);
  });

  it('starts afresh after the worker dropped a run on an error', () => {
    const { client, worker } = setup();
    client.train(CONFIG, START);
    worker().emit(epochMessage(1, true));
    worker().emit({ type: 'status', status: 'idle' });
    worker().emit({ type: 'error', message: 'out of memory' });
    expect(client.epochs).toHaveLength(1); // the figures stay visible
    client.train({ ...CONFIG, seed: 2 }, START);
    expect(client.epochs).toEqual([]);
    expect(client.error).toBeNull();
    expect(client.runConfig?.seed).toBe(2);
  });

  it('restarts the worker to change backend and asks for the preview again', () => {
    const { client, workers, worker } = setup();
    client.init('auto');
    client.preview(['pullover', 'coat']);
    client.train(CONFIG, START);
    worker().emit(epochMessage(1, true));
    const first = worker();
    client.setBackend('cpu');
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(worker().posted).toEqual([
      { type: 'init', backend: 'cpu', dataUrl: DATA_URL },
      { type: 'preview', classes: ['pullover', 'coat'], perClass: 8 },
    ]);
    expect(client.epochs).toEqual([]);
    expect(client.status).toBe('idle');
    first.emit(epochMessage(2)); // a late message of the old worker changes nothing
    expect(client.epochs).toEqual([]);
  });

  it('shows worker errors and crashes without staying "training"', () => {
    const { client, worker } = setup();
    client.train(CONFIG, START);
    worker().emit({ type: 'error', message: 'dataset checksum mismatch' });
    expect(client.error).toBe('dataset checksum mismatch');
    expect(client.status).toBe('idle');

    client.train(CONFIG, START);
    expect(client.error).toBeNull();
    let prevented = false;
    const crash = { message: 'boom', preventDefault: () => (prevented = true) };
    worker().onerror?.(crash as unknown as ErrorEvent);
    expect(prevented).toBe(true);
    expect(client.error).toMatch(/boom/);

    worker().onmessageerror?.(new MessageEvent('messageerror'));
    expect(client.error).toMatch(/could not be read/);
  });
});
