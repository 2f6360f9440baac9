// The run controller in Node with fakes for the trainer, storage and postMessage: the command
// queue, stop rules, divergence policy and the save-then-publish ordering.
import { describe, expect, it } from 'vitest';
import type { EpochResult, TrainHooks } from '../../core/train';
import type {
  AdjustableSettings,
  EpochMetrics,
  SettingChangeEvent,
  SettingChanges,
} from '../../core/types';
import type { RunRecord } from '../../persist/runStore';
import type { FromWorker, ToWorker } from './protocol';
import { RunController, type RunStorage, type TrainingRun } from './runController';
import { testConfig } from '../../core/train/trainConfig.fixture';

const CONFIG = testConfig();
const BACKEND = { name: 'cpu', adapter: 'JS', fallbackReason: null, tfjsVersion: '4' } as const;
const RUN = {
  id: 'run-1',
  createdAt: '2026-01-01T00:00:00Z',
  link: '#',
  backendPreference: 'auto',
} as const;
const BATCHES = 4;

/** A trainer whose epochs take BATCHES macrotasks and report the given validation losses. */
class FakeRun implements TrainingRun {
  epochsCompleted = 0;
  stoppedEarly = false;
  disposed = false;
  adjustable: AdjustableSettings = { learningRate: 0.001, l2: 0, labelSmoothing: 0, focalGamma: 0 };
  /** The learning rate each trained batch used, in order. */
  learningRates: number[] = [];
  #batch = 0;
  constructor(
    readonly losses: number[],
    readonly stopAfter: { epoch: number; best: number } | null = null,
  ) {}
  async trainEpoch(hooks: TrainHooks): Promise<'complete' | 'stopped' | 'diverged'> {
    while (this.#batch < BATCHES) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (hooks.shouldStop()) return 'stopped';
      this.learningRates.push(this.adjustable.learningRate);
      this.#batch++;
      hooks.onProgress({
        batch: this.#batch,
        batchesPerEpoch: BATCHES,
        imagesPerSecond: 1,
        elapsedMs: 1,
      });
    }
    this.#batch = 0;
    return 'complete';
  }
  async finishEpoch(): Promise<EpochResult> {
    const epoch = ++this.epochsCompleted;
    const validationLogits = new Float32Array([epoch, 0, 0, epoch]);
    const metrics = { epoch, validationLoss: this.losses[epoch - 1] } as EpochMetrics;
    if (this.stopAfter?.epoch === epoch) {
      this.stoppedEarly = true;
      const best = this.stopAfter.best;
      const earlyStop = { metric: 'loss', bestEpoch: best, stoppedAfterEpoch: epoch } as const;
      const model = { epoch: best, validationLogits: new Float32Array([best, 0, 0, best]) };
      return { metrics, validationLogits, earlyStop, model };
    }
    return { metrics, validationLogits, earlyStop: null, model: { epoch, validationLogits } };
  }
  adjust(changes: SettingChanges): SettingChangeEvent[] {
    const events: SettingChangeEvent[] = [];
    for (const [field, to] of Object.entries(changes) as [keyof AdjustableSettings, number][]) {
      if (this.adjustable[field] === to) continue;
      const at = { epoch: this.epochsCompleted + 1, batch: this.#batch, batchesPerEpoch: BATCHES };
      events.push({ ...at, field, from: this.adjustable[field], to });
      this.adjustable = { ...this.adjustable, [field]: to };
    }
    return events;
  }
  async exportState() {
    return { epoch: this.epochsCompleted, model: [], optimizer: [], best: null };
  }
  dispose(): void {
    this.disposed = true;
  }
}

function setup(run: FakeRun, { config = CONFIG, saveDelay = 0 } = {}) {
  const messages: FromWorker[] = [];
  const log: string[] = [];
  const record = (epochs: number) =>
    ({ id: RUN.id, curve: new Array(epochs) }) as unknown as RunRecord;
  const storage: RunStorage = {
    startRun: async () => record(0),
    async saveEpoch(metrics) {
      log.push(`save ${metrics.epoch} started`);
      await new Promise((resolve) => setTimeout(resolve, saveDelay));
      log.push(`save ${metrics.epoch} landed`);
      return record(metrics.epoch);
    },
    finish: async () => {
      log.push('finish');
      return record(run.epochsCompleted);
    },
    saveEvents: async (_, events) => {
      log.push(`events ${events.length}`);
      return record(run.epochsCompleted);
    },
  };
  const controller = new RunController({
    post: (message) => {
      messages.push(message);
      if (message.type === 'epoch') log.push(`epoch ${message.metrics.epoch} posted`);
    },
    selectBackend: async () => BACKEND,
    samples: async () => {
      throw new Error('unused');
    },
    createRun: async () => ({
      run,
      labels: new Uint8Array([0, 1]),
      images: new Uint8Array(2 * 784),
    }),
    storage,
    device: { lost: () => null, inject: async () => false },
    memory: () => ({ numTensors: 0, numBytes: 0, numBytesInGPU: null }),
  });
  let id = 0;
  const send = (command: Record<string, unknown> & { type: ToWorker['type'] }): number => {
    id++;
    controller.handle({ ...command, id } as ToWorker);
    return id;
  };
  send({ type: 'init', backend: 'cpu', dataUrl: 'https://example.test/data/' });
  const start = (type: 'train' | 'step') => send({ type, config, run: RUN });
  const statuses = () =>
    messages.flatMap((m) => (m.type === 'status' ? [`${m.status}@${m.replyTo}`] : []));
  const of = <T extends FromWorker['type']>(type: T) =>
    messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { controller, send, start, messages, log, statuses, of };
}

describe('RunController', () => {
  it('saves each epoch before publishing it, then says the save landed', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, log, messages } = setup(run, { saveDelay: 5 });
    start('train');
    await controller.idle();
    expect(log).toEqual(
      [1, 2, 3].flatMap((e) => [`save ${e} started`, `save ${e} landed`, `epoch ${e} posted`]),
    );
    const order = messages.map((m) => m.type).filter((t) => t === 'epoch' || t === 'saved');
    // One `saved` for the new run's record, then epoch → saved for each epoch.
    expect(order).toEqual(['saved', 'epoch', 'saved', 'epoch', 'saved', 'epoch', 'saved']);
  });

  it('answers every command by its id and stops after the last epoch', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, statuses, of } = setup(run);
    const id = start('train');
    await controller.idle();
    expect(of('backend')[0].replyTo).toBe(1);
    // Acknowledged on arrival ('loading'), then the loop's own reports.
    expect(statuses()).toEqual([`loading@${id}`, `loading@${id}`, `training@${id}`, `done@${id}`]);
    const epochs = of('epoch');
    expect(epochs.map((m) => m.metrics.epoch)).toEqual([1, 2, 3]);
    expect(epochs.map((m) => m.state.finished)).toEqual([false, false, true]);
    expect(epochs[0].validationLabels).toEqual(new Uint8Array([0, 1])); // first epoch only
    expect(epochs[1].validationLabels).toBeUndefined();
    // A finished run trains no more: Train again is answered "done".
    const again = start('train');
    await controller.idle();
    expect(statuses().at(-1)).toBe(`done@${again}`);
  });

  it('Step trains exactly one epoch and pauses', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, statuses, of } = setup(run);
    const id = start('step');
    await controller.idle();
    expect(of('epoch')).toHaveLength(1);
    expect(statuses().at(-1)).toBe(`paused@${id}`);
  });

  it('Pause stops at a batch boundary and is answered by its own id once stopped', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, send, statuses, of } = setup(run);
    const trainId = start('train');
    await new Promise((resolve) => setTimeout(resolve, 2)); // a batch or two into epoch 1
    const pauseId = send({ type: 'pause' });
    await controller.idle();
    expect(of('epoch')).toHaveLength(0);
    expect(statuses().slice(-2)).toEqual([`paused@${trainId}`, `paused@${pauseId}`]);
    const resumeId = start('train'); // continues the same run
    await controller.idle();
    expect(of('epoch').map((m) => m.metrics.epoch)).toEqual([1, 2, 3]);
    expect(statuses().at(-1)).toBe(`done@${resumeId}`);
  });

  it('Reset disposes the run and answers idle; commands queued before it are cancelled', async () => {
    const run = new FakeRun(new Array(1000).fill(0.5));
    const { controller, start, send, statuses, of, messages } = setup(run, {
      config: { ...CONFIG, epochs: 1000 },
    });
    start('train');
    await expect.poll(() => of('progress').length).toBeGreaterThan(0); // the loop is running
    const queued = start('train'); // queued behind the running loop
    const resetId = send({ type: 'reset' });
    await controller.idle();
    expect(run.disposed).toBe(true);
    expect(of('epoch').length).toBeLessThan(1000);
    // The queued Train trains nothing: it is answered with where things stood at its turn.
    expect(statuses().slice(-3)).toEqual(['paused@2', `paused@${queued}`, `idle@${resetId}`]);
    expect(messages.at(-2)).toMatchObject({ type: 'memory' }); // freed, then idle
  });

  it('after early stopping publishes what the restored model holds, and ends the run', async () => {
    const run = new FakeRun([0.5, 0.4, 0.45, 0.5], { epoch: 3, best: 2 });
    const { controller, start, of } = setup(run, { config: { ...CONFIG, epochs: 10 } });
    start('train');
    await controller.idle();
    const last = of('epoch').at(-1);
    expect(last?.metrics.epoch).toBe(3);
    expect(last?.state.model.epoch).toBe(2);
    expect(Array.from(last?.state.model.validationLogits ?? [])).toEqual([2, 0, 0, 2]);
    expect(last?.state.earlyStop).toEqual({ metric: 'loss', bestEpoch: 2, stoppedAfterEpoch: 3 });
    expect(last?.state.finished).toBe(true);
    expect(of('epoch')).toHaveLength(3);
  });

  it.each([
    ['a NaN validation loss', Number.NaN, /the loss became NaN or infinite/],
    ['an exploded but finite loss', 5000, /exploded to 5,000/],
  ])(
    'stops a run on %s, keeps the good epochs and closes the stored run',
    async (_, loss, text) => {
      const run = new FakeRun([0.5, loss, 0.3]);
      const { controller, start, of, log, statuses } = setup(run);
      const id = start('train');
      await controller.idle();
      expect(of('epoch').map((m) => m.metrics.epoch)).toEqual([1]);
      const diverged = of('diverged')[0];
      expect(diverged).toMatchObject({ runId: RUN.id, epoch: 2 });
      expect(diverged.message).toMatch(text);
      expect(diverged.message).toMatch(/keep the 1 good epoch\./);
      expect(log.at(-1)).toBe('finish');
      expect(statuses().at(-1)).toBe(`done@${id}`);
    },
  );

  it('applies a mid-run change at the next batch, answers it by id and records it in the state', async () => {
    const run = new FakeRun(new Array(1000).fill(0.5));
    const { controller, start, send, of } = setup(run, { config: { ...CONFIG, epochs: 1000 } });
    start('train');
    await expect.poll(() => of('progress').length).toBeGreaterThan(0); // the loop is running
    const trained = run.learningRates.length;
    const epochsBefore = run.epochsCompleted;
    const id = send({ type: 'adjust', changes: { learningRate: 0.01, focalGamma: 2 } });
    // Answered at once, while the loop still holds the queue.
    const reply = of('adjusted')[0];
    expect(reply.replyTo).toBe(id);
    const at = {
      epoch: epochsBefore + 1,
      batch: trained - epochsBefore * BATCHES,
      batchesPerEpoch: BATCHES,
    };
    const events = [
      { ...at, field: 'learningRate', from: 0.001, to: 0.01 },
      { ...at, field: 'focalGamma', from: 0, to: 2 },
    ];
    expect(reply.events).toEqual(events);
    await expect.poll(() => of('epoch').length).toBeGreaterThan(epochsBefore + 1);
    send({ type: 'pause' });
    await controller.idle();
    // The batches before used the old rate, every batch after the new one; no reset.
    expect(run.learningRates.slice(0, trained).every((rate) => rate === 0.001)).toBe(true);
    expect(run.learningRates.slice(trained).every((rate) => rate === 0.01)).toBe(true);
    expect(run.learningRates.length).toBeGreaterThan(trained);
    // Epoch messages (and saves) before the change carry none; every one after carries it.
    const perEpoch = of('epoch').map((m) => m.state.events);
    expect(perEpoch.slice(0, epochsBefore).every((list) => list.length === 0)).toBe(true);
    expect(perEpoch.slice(epochsBefore)).toEqual(perEpoch.slice(epochsBefore).map(() => events));
  });

  it('changes a paused run; refuses out-of-bounds, fixed and run-less changes with a reason', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, send, of, messages, log } = setup(run);
    const early = send({ type: 'adjust', changes: { learningRate: 0.01 } });
    expect(messages.at(-1)).toMatchObject({ type: 'error', replyTo: early });
    start('step');
    await controller.idle();
    const outOfBounds = send({ type: 'adjust', changes: { learningRate: 100 } });
    expect(messages.at(-1)).toMatchObject({ type: 'error', replyTo: outOfBounds });
    expect(String((messages.at(-1) as { message: string }).message)).toMatch(
      /learningRate is above the maximum 10/,
    );
    const fixed = send({ type: 'adjust', changes: { batchSize: 8 } });
    expect(messages.at(-1)).toMatchObject({ type: 'error', replyTo: fixed });
    expect(run.adjustable.learningRate).toBe(0.001);
    const id = send({ type: 'adjust', changes: { l2: 0.01 } });
    expect(of('adjusted').at(-1)).toMatchObject({
      replyTo: id,
      events: [{ epoch: 2, batch: 0, field: 'l2', from: 0, to: 0.01 }],
    });
    // Made between epochs: stored at once, so a resume after a reload keeps it.
    await expect.poll(() => log.at(-1)).toBe('events 1');
    start('train');
    await controller.idle();
    expect(of('epoch').at(-1)?.state.events).toHaveLength(1);
  });

  it('a resumed run continues with its saved changes applied and recorded', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, send, of } = setup(run);
    const events: SettingChangeEvent[] = [
      {
        epoch: 1,
        batch: 2,
        batchesPerEpoch: BATCHES,
        field: 'learningRate',
        from: 0.001,
        to: 0.004,
      },
      {
        epoch: 1,
        batch: 3,
        batchesPerEpoch: BATCHES,
        field: 'learningRate',
        from: 0.004,
        to: 0.002,
      },
    ];
    send({ type: 'train', config: CONFIG, run: RUN, resume: true, events });
    await controller.idle();
    expect(run.adjustable.learningRate).toBe(0.002);
    expect(run.learningRates.every((rate) => rate === 0.002)).toBe(true);
    expect(of('epoch').at(-1)?.state.events).toEqual(events);
  });

  it('reports a failed start as an error naming the command, and holds no run', async () => {
    const messages: FromWorker[] = [];
    const failing = new RunController({
      post: (message) => messages.push(message),
      selectBackend: async () => BACKEND,
      samples: async () => {
        throw new Error('unused');
      },
      createRun: async () => {
        throw new Error('coat-train.bin: 404');
      },
      storage: {
        startRun: async () => null,
        saveEpoch: async () => null,
        finish: async () => null,
        saveEvents: async () => null,
      },
      device: { lost: () => null, inject: async () => false },
      memory: () => ({ numTensors: 0, numBytes: 0, numBytesInGPU: null }),
    });
    failing.handle({ type: 'init', id: 1, backend: 'cpu', dataUrl: 'x' });
    failing.handle({ type: 'train', id: 2, config: CONFIG, run: RUN });
    await failing.idle();
    const statuses = messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
    expect(statuses).toEqual(['loading', 'loading', 'idle']);
    expect(messages.at(-1)).toEqual({ type: 'error', replyTo: 2, message: 'coat-train.bin: 404' });
  });
});
