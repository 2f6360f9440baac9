import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RunState } from '../../core/runState';
import type { EpochMetrics, TrainConfig } from '../../core/types';
import { RunStore } from '../../persist/runStore';
import { RunPersistence } from './persistence';
import type { Notice } from './protocol';
import { CPU_BACKEND, testRunIdentity } from './runIdentity.fixture';

const config = { epochs: 3, earlyStop: 'loss', patience: 1 } as TrainConfig;
const backend = CPU_BACKEND;
const identity = testRunIdentity('r');
const trainer = { exportState: async () => ({ epoch: 0, model: [], optimizer: [], best: null }) };

function metrics(epoch: number): EpochMetrics {
  return {
    epoch,
    trainLoss: 1,
    trainAccuracy: 0.5,
    validationLoss: epoch,
    validationAccuracy: 0.5,
  } as EpochMetrics;
}

function state(epoch: number, held: number, finished: boolean): RunState {
  const stopped = held !== epoch;
  return {
    runId: 'r',
    backend,
    epochsCompleted: epoch,
    model: { epoch: held, validationLogits: new Float32Array([held, 0]) },
    earlyStop: stopped ? { metric: 'loss', bestEpoch: held, stoppedAfterEpoch: epoch } : null,
    finished,
    events: [],
  };
}

describe('RunPersistence', () => {
  it('stores the run state the worker reports with each epoch and returns the record', async () => {
    const factory = new IDBFactory();
    const persistence = new RunPersistence(
      () => {},
      () => RunStore.open(factory),
    );
    const started = await persistence.startRun(identity, config, backend, new Uint8Array([0]));
    expect(started).toMatchObject({ id: 'r', modelEpoch: 0, curve: [], finished: false });
    await persistence.saveEpoch(metrics(1), new Float32Array([1, 0]), state(1, 1, false), trainer);
    const last = await persistence.saveEpoch(
      metrics(2),
      new Float32Array([2, 0]),
      state(2, 1, true),
      trainer,
    );
    expect(last).toMatchObject({
      modelEpoch: 1,
      finished: true,
      earlyStop: { metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 2 },
    });
    expect(last?.curve.map((point) => point.validationLoss)).toEqual([1, 2]);
    const store = await RunStore.open(factory);
    expect(await store?.getRun('r')).toEqual(last);
  });

  it('stores changes made between epochs, in order with the epoch saves around them', async () => {
    const factory = new IDBFactory();
    const persistence = new RunPersistence(
      () => {},
      () => RunStore.open(factory),
    );
    await persistence.startRun(identity, config, backend, new Uint8Array([0]));
    const change = {
      epoch: 2,
      batch: 0,
      batchesPerEpoch: 4,
      field: 'learningRate',
      from: 0.001,
      to: 0.01,
    } as const;
    // Not awaited one by one: a later write must not carry an earlier record's fields.
    const first = persistence.saveEpoch(
      metrics(1),
      new Float32Array([1, 0]),
      state(1, 1, false),
      trainer,
    );
    const events = persistence.saveEvents('r', [change]);
    expect(await persistence.saveEvents('other run', [change])).toBeNull();
    await first;
    const stored = await events;
    expect(stored).toMatchObject({ modelEpoch: 1, events: [change] });
    expect(stored?.curve).toHaveLength(1);
    const store = await RunStore.open(factory);
    expect((await store?.getRun('r'))?.events).toEqual([change]);
  });

  it('reports unavailable storage once, as a typed notice, and keeps going', async () => {
    const notices: Notice[] = [];
    const persistence = new RunPersistence(
      (notice) => notices.push(notice),
      async () => null,
    );
    expect(await persistence.startRun(identity, config, backend, new Uint8Array([0]))).toBeNull();
    expect(
      await persistence.saveEpoch(metrics(1), new Float32Array(2), state(1, 1, false), trainer),
    ).toBeNull();
    expect(notices).toEqual([
      {
        kind: 'storage-unavailable',
        reason: 'this browser offers no storage here (IndexedDB unavailable)',
      },
    ]);
  });
});
