import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RunState } from '../core/runState';
import type { EpochMetrics, TrainConfig } from '../core/types';
import { RunStore } from '../persist/runStore';
import { RunPersistence } from './persistence';
import type { Notice } from './protocol';

const config = { epochs: 3, earlyStop: 'loss', patience: 1 } as TrainConfig;
const backend = { name: 'cpu', adapter: 'JS', fallbackReason: null, tfjsVersion: '4' } as const;
const identity = {
  id: 'r',
  createdAt: '2026-01-01T00:00:00Z',
  link: '#',
  backendPreference: 'auto',
} as const;
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
