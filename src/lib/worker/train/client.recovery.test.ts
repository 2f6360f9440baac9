import { describe, expect, it } from 'vitest';
import type { EpochRecord, RunRecord } from '../../persist/runStore';
import { BACKEND, CONFIG, epochMessage, lastId, lastRunCommand, metrics } from './client.fixture';
import { clientWithFakeWorkers } from './fakeWorker.fixture';

const DATA_URL = 'https://example.test/data/';
const setup = () => clientWithFakeWorkers(DATA_URL);

describe('TrainerClient recovery', () => {
  it('moves to the next backend after a lost GPU and resumes the same run there', () => {
    const { client, workers } = setup();
    client.init('auto');
    client.train(CONFIG, { link: '#seed=7', faults: { loseDeviceAt: 1 } });
    const first = workers[0];
    const command = lastRunCommand(first.posted);
    expect(command.faults).toEqual({ loseDeviceAt: 1 });
    first.emit(epochMessage(command.run.id, 1));
    first.emit({
      type: 'device-lost',
      runId: command.run.id,
      backend: 'webgpu',
      detail: 'destroyed',
      epochsCompleted: 1,
    });

    expect(first.terminated).toBe(true);
    const second = workers[1];
    expect(second.posted[0]).toMatchObject({ type: 'init', backend: 'webgl' });
    // Same run, resumed from storage; the fault is not injected twice.
    const resumed = lastRunCommand(second.posted);
    expect(resumed).toMatchObject({
      type: 'train',
      config: CONFIG,
      run: command.run,
      resume: true,
    });
    expect(resumed.faults).toBeUndefined();
    expect(client.epochs.map((m) => m.epoch)).toEqual([1]);
    expect(client.deviceNotice).toMatch(/WebGPU.*Switched to WebGL.*continued from epoch 1/);
    second.emit(epochMessage(command.run.id, 2));
    expect(client.epochs.map((m) => m.epoch)).toEqual([1, 2]);
  });

  it('starts the run again on the next backend when nothing could be saved', () => {
    const { client, workers } = setup();
    client.init('webgl');
    client.train(CONFIG, { link: '#seed=7' });
    const runId = lastRunCommand(workers[0].posted).run.id;
    workers[0].emit({ type: 'notice', notice: { kind: 'storage-unavailable', reason: 'x' } });
    workers[0].emit(epochMessage(runId, 1));
    workers[0].emit({
      type: 'device-lost',
      runId,
      backend: 'webgl',
      detail: '',
      epochsCompleted: 1,
    });
    expect(workers[1].posted[0]).toMatchObject({ type: 'init', backend: 'wasm' });
    expect(lastRunCommand(workers[1].posted)).toMatchObject({ type: 'train', resume: false });
    expect(client.epochs).toEqual([]);
    expect(client.deviceNotice).toMatch(/started the run again/);
  });

  it('keeps the good epochs and says what happened when training diverges', () => {
    const { client, workers } = setup();
    client.init('auto');
    client.train(CONFIG, { link: '#' });
    const runId = lastRunCommand(workers[0].posted).run.id;
    workers[0].emit(epochMessage(runId, 1));
    workers[0].emit({ type: 'diverged', runId, epoch: 2, message: 'Training diverged in epoch 2' });
    workers[0].emit({
      type: 'status',
      replyTo: lastId(workers[0].posted, 'train'),
      status: 'done',
    });
    expect(client.epochs).toHaveLength(1);
    expect(client.divergence).toBe('Training diverged in epoch 2');
    expect(client.status).toBe('done');
  });

  it('retries a start that failed before its first epoch in a fresh worker', () => {
    const { client, workers } = setup();
    client.init('auto');
    client.step(CONFIG, { link: '#' });
    const id = lastId(workers[0].posted, 'step');
    workers[0].emit({ type: 'status', replyTo: id, status: 'idle' });
    workers[0].emit({ type: 'error', replyTo: id, message: 'coat-train.bin: 404 Not Found' });
    expect(client.error).toMatch(/404/);
    client.retry();
    expect(workers).toHaveLength(2);
    expect(lastRunCommand(workers[1].posted)).toMatchObject({ type: 'step', config: CONFIG });
    expect(client.error).toBeNull();
  });

  it('opens a saved run as its record describes it, without training it', () => {
    const { client, workers } = setup();
    client.init('auto');
    const posted = workers[0].posted.length;
    const record: RunRecord = {
      id: 'run-1',
      createdAt: '2026-01-01T00:00:00Z',
      config: { ...CONFIG, earlyStop: 'loss', patience: 1 },
      backendPreference: 'auto',
      link: '#',
      backend: BACKEND,
      validationLabels: new Uint8Array([0, 1]),
      finished: true,
      earlyStop: { metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 2 },
      modelEpoch: 1,
      curve: [],
    };
    const epochs: EpochRecord[] = [1, 2].map((n) => ({
      runId: 'run-1',
      epoch: n,
      metrics: metrics(n),
      logits: new Float32Array([n, 0, 0, n]),
    }));
    client.open({ record, epochs });
    expect(client.shownStatus).toBe('done');
    expect(client.status).toBe('idle'); // the worker holds no run
    expect(client.epochs.map((m) => m.epoch)).toEqual([1, 2]);
    expect(client.logitsHistory).toHaveLength(2);
    expect(client.runState?.model.epoch).toBe(1);
    expect(client.runState?.model.validationLogits).toBe(epochs[0].logits);
    expect(client.runState?.earlyStop).toEqual(record.earlyStop);
    client.train(CONFIG, { link: '#' }); // an opened run is not in the worker: Reset first
    expect(workers[0].posted).toHaveLength(posted); // nothing sent: it only shows the run
  });
});
