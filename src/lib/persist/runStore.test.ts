import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { EpochMetrics, TrainConfig } from '../core/types';
import { newRunId, RunStore, type RunRecord, type TrainerSnapshot } from './runStore';

const config: TrainConfig = {
  classes: ['pullover', 'coat'],
  trainSize: 64,
  validationSize: 4,
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

function run(id: string, createdAt: string): RunRecord {
  return {
    id,
    createdAt,
    config,
    backendPreference: 'auto',
    link: '#seed=7',
    backend: { name: 'cpu', adapter: 'JS', fallbackReason: null, tfjsVersion: '4.22.0' },
    validationLabels: new Uint8Array([0, 0, 1, 1]),
    finished: false,
    earlyStop: null,
  };
}

function metrics(epoch: number): EpochMetrics {
  return { epoch, validationLoss: 1 / epoch } as EpochMetrics;
}

function snapshot(epoch: number): TrainerSnapshot {
  const weights = [{ name: 'dense/kernel', shape: [2], values: new Float32Array([epoch, -epoch]) }];
  return { epoch, model: weights, optimizer: [], best: null };
}

async function freshStore(): Promise<RunStore> {
  const store = await RunStore.open(new IDBFactory());
  if (!store) throw new Error('fake IndexedDB should open');
  return store;
}

describe('RunStore', () => {
  it('keeps every completed epoch and the weights of the last one', async () => {
    const store = await freshStore();
    await store.putRun(run('a', '2026-01-01T00:00:00Z'));
    for (let epoch = 1; epoch <= 3; epoch++) {
      const logits = new Float32Array([epoch, 0, 0, epoch, 1, 1, 2, 2]);
      await store.putEpoch({ runId: 'a', epoch, metrics: metrics(epoch), logits }, snapshot(epoch));
    }
    const epochs = await store.getEpochs('a');
    expect(epochs.map((row) => row.epoch)).toEqual([1, 2, 3]);
    expect(Array.from(epochs[1].logits)).toEqual([2, 0, 0, 2, 1, 1, 2, 2]);
    const weights = await store.getWeights('a');
    expect(weights?.epoch).toBe(3);
    expect(Array.from(weights?.model[0].values ?? [])).toEqual([3, -3]);
  });

  it('lists runs newest first with their metrics, and deletes a run entirely', async () => {
    const store = await freshStore();
    await store.putRun(run('old', '2026-01-01T00:00:00Z'));
    await store.putRun(run('new', '2026-02-01T00:00:00Z'));
    await store.putEpoch(
      { runId: 'old', epoch: 1, metrics: metrics(1), logits: new Float32Array(8) },
      snapshot(1),
    );
    const listed = await store.listRuns();
    expect(listed.map((summary) => summary.run.id)).toEqual(['new', 'old']);
    expect(listed[1].epochs.map((m) => m.epoch)).toEqual([1]);
    await store.finishRun('new', null);
    expect((await store.getRun('new'))?.finished).toBe(true);
    await store.deleteRun('old');
    expect(await store.getRun('old')).toBeNull();
    expect(await store.getEpochs('old')).toEqual([]);
    expect(await store.getWeights('old')).toBeNull();
    expect((await store.listRuns()).map((summary) => summary.run.id)).toEqual(['new']);
  });

  it('opens as null where IndexedDB is missing', async () => {
    expect(await RunStore.open(null)).toBeNull();
  });

  it('makes ids that sort by creation time', () => {
    const first = newRunId(1_000, () => 0.9);
    const second = newRunId(2_000, () => 0.1);
    expect(first < second).toBe(true);
  });
});
