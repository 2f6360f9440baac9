// A run controller in Node with fakes for the trainer, storage and postMessage, shared by the
// command queue's tests (runController.test.ts) and the run policy's (runPolicy.test.ts).
import type { EpochResult, TrainHooks } from '../../core/train';
import { testConfig } from '../../core/train/trainConfig.fixture';
import type {
  AdjustableSettings,
  EpochMetrics,
  SettingChangeEvent,
  SettingChanges,
} from '../../core/types';
import type { RunRecord } from '../../persist/runStore';
import type { FromWorker, ToWorker } from './protocol';
import { RunController } from './runController';
import { CPU_BACKEND, testRunIdentity } from './runIdentity.fixture';
import type { RunStorage, TrainingRun, WorkerServices } from './runServices';

export const CONFIG = testConfig();
export const BACKEND = CPU_BACKEND;
export const RUN = testRunIdentity('run-1');
export const BATCHES = 4;

/** A trainer whose epochs take BATCHES macrotasks and report the given validation losses. */
export class FakeRun implements TrainingRun {
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

/** The worker's services around `post`, `createRun` and `storage`: a cpu backend, no GPU, no tensors. */
export function fakeServices(
  services: Pick<WorkerServices, 'post' | 'createRun' | 'storage'>,
): WorkerServices {
  return {
    ...services,
    selectBackend: async () => BACKEND,
    samples: async () => {
      throw new Error('unused');
    },
    device: { lost: () => null, inject: async () => false },
    memory: () => ({ numTensors: 0, numBytes: 0, numBytesInGPU: null }),
  };
}

/** A controller around `run` with fakes, initialised; `start` sends Train or Step for RUN. */
export function setup(run: FakeRun, { config = CONFIG, saveDelay = 0 } = {}) {
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
  const controller = new RunController(
    fakeServices({
      post: (message) => {
        messages.push(message);
        if (message.type === 'epoch') log.push(`epoch ${message.metrics.epoch} posted`);
      },
      createRun: async () => ({
        run,
        labels: new Uint8Array([0, 1]),
        images: new Uint8Array(2 * 784),
      }),
      storage,
    }),
  );
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
