import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../core/types';
import { testConfig } from '../core/train/trainConfig.fixture';
import {
  DATABASE_NAME,
  newRunId,
  RunStore,
  type RunRecord,
  type TrainerSnapshot,
} from './runStore';

const config = testConfig({ validationSize: 4 });

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
    modelEpoch: 0,
    curve: [],
  };
}

function metrics(epoch: number): EpochMetrics {
  return {
    epoch,
    trainLoss: 1,
    trainAccuracy: 0.5,
    validationLoss: 1 / epoch,
    validationAccuracy: 0.75,
  } as EpochMetrics;
}

function snapshot(epoch: number): TrainerSnapshot {
  const weights = [{ name: 'dense/kernel', shape: [2], values: new Float32Array([epoch, -epoch]) }];
  return { epoch, model: weights, optimizer: [], best: null };
}

async function freshStore(factory = new IDBFactory()): Promise<RunStore> {
  const store = await RunStore.open(factory);
  if (!store) throw new Error('fake IndexedDB should open');
  return store;
}

const point = (epoch: number) => ({
  epoch,
  trainLoss: 1,
  trainAccuracy: 0.5,
  validationLoss: 1 / epoch,
  validationAccuracy: 0.75,
});

describe('RunStore', () => {
  it('keeps every completed epoch, the record after it and the weights of the last one', async () => {
    const store = await freshStore();
    let record = run('a', '2026-01-01T00:00:00Z');
    await store.putRun(record);
    for (let epoch = 1; epoch <= 3; epoch++) {
      const logits = new Float32Array([epoch, 0, 0, epoch, 1, 1, 2, 2]);
      record = { ...record, modelEpoch: epoch, curve: [...record.curve, point(epoch)] };
      await store.putEpoch(
        record,
        { runId: 'a', epoch, metrics: metrics(epoch), logits },
        snapshot(epoch),
      );
    }
    const epochs = await store.getEpochs('a');
    expect(epochs.map((row) => row.epoch)).toEqual([1, 2, 3]);
    expect(Array.from(epochs[1].logits)).toEqual([2, 0, 0, 2, 1, 1, 2, 2]);
    const weights = await store.getWeights('a');
    expect(weights?.epoch).toBe(3);
    expect(Array.from(weights?.model[0].values ?? [])).toEqual([3, -3]);
    const stored = await store.getRun('a');
    expect(stored?.modelEpoch).toBe(3);
    expect(stored?.curve.map((p) => p.epoch)).toEqual([1, 2, 3]);
  });

  it('lists records newest first without reading epochs, and deletes a run entirely', async () => {
    const store = await freshStore();
    await store.putRun(run('old', '2026-01-01T00:00:00Z'));
    await store.putRun(run('new', '2026-02-01T00:00:00Z'));
    const old = { ...run('old', '2026-01-01T00:00:00Z'), modelEpoch: 1, curve: [point(1)] };
    await store.putEpoch(
      old,
      { runId: 'old', epoch: 1, metrics: metrics(1), logits: new Float32Array(8) },
      snapshot(1),
    );
    const listed = await store.listRuns();
    expect(listed.map((record) => record.id)).toEqual(['new', 'old']);
    expect(listed[1].curve).toEqual([point(1)]);
    expect(listed[1]).not.toHaveProperty('epochs');
    await store.deleteRun('old');
    expect(await store.getRun('old')).toBeNull();
    expect(await store.getEpochs('old')).toEqual([]);
    expect(await store.getWeights('old')).toBeNull();
    expect((await store.listRuns()).map((record) => record.id)).toEqual(['new']);
  });

  it('upgrades version 1 records: the model epoch and the curve come from the stored epochs', async () => {
    const factory = new IDBFactory();
    const request = factory.open(DATABASE_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('runs', { keyPath: 'id' });
      db.createObjectStore('epochs', { keyPath: ['runId', 'epoch'] });
      db.createObjectStore('weights', { keyPath: 'runId' });
    };
    const v1 = await new Promise<IDBDatabase>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    const { modelEpoch: _m, curve: _c, ...oldRecord } = run('stopped', '2026-01-01T00:00:00Z');
    const write = v1.transaction(['runs', 'epochs'], 'readwrite');
    write.objectStore('runs').put({
      ...oldRecord,
      finished: true,
      earlyStop: { metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 2 },
    });
    for (const epoch of [1, 2]) {
      write
        .objectStore('epochs')
        .put({ runId: 'stopped', epoch, metrics: metrics(epoch), logits: new Float32Array(8) });
    }
    await new Promise((resolve) => (write.oncomplete = resolve));
    v1.close();

    const store = await freshStore(factory);
    const upgraded = await store.getRun('stopped');
    expect(upgraded?.modelEpoch).toBe(1); // early stopping restored epoch 1
    expect(upgraded?.curve).toEqual([point(1), point(2)]);
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
