// A Worker-shaped training worker for the sweep runner's Node tests: it answers `train` with
// epochs whose logits follow from the run's seed and label smoothing alone (so the same run is
// the same wherever it trains), after a delay the test picks per run, so runs finish out of order.

import type { TrainConfig } from '../../core/types';
import type { FromWorker, ToWorker } from '../../worker/train/protocol';

const EXAMPLES = 40;

/** Deterministic made-up logits for a run's epoch: a small LCG seeded by the run. */
function logits(config: TrainConfig, epoch: number): Float32Array {
  let state =
    (config.seed * 7919 + Math.round(config.labelSmoothing * 1000) * 104729 + epoch) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Float32Array.from({ length: EXAMPLES * 2 }, () => 4 * next() - 2);
}

export class FakeTrainingWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  /** Runs this worker was asked to train, by seed and smoothing. */
  trained: string[] = [];

  constructor(private readonly delayMs: (config: TrainConfig) => number) {}

  postMessage(message: ToWorker): void {
    if (message.type !== 'train') return;
    const { config, run } = message;
    this.trained.push(`${config.labelSmoothing}/${config.seed}`);
    setTimeout(() => {
      for (let epoch = 1; epoch <= config.epochs; epoch++) {
        this.#emit({
          type: 'progress',
          runId: run.id,
          progress: {
            epoch,
            epochs: config.epochs,
            batch: 1,
            batchesPerEpoch: 1,
            imagesPerSecond: 100,
            elapsedMs: 1,
          },
        });
        this.#emit({
          type: 'epoch',
          runId: run.id,
          metrics: { epoch, trainLoss: 1 / epoch, trainAccuracy: 0.5 + epoch / 100 } as never,
          validationLogits: logits(config, epoch),
          state: { model: { epoch }, backend: { name: 'wasm' } } as never,
          ...(epoch === 1
            ? { validationLabels: Uint8Array.from({ length: EXAMPLES }, (_, k) => k % 2) }
            : {}),
        });
      }
      this.#emit({ type: 'status', replyTo: message.id, status: 'done' });
    }, this.delayMs(config));
  }

  terminate(): void {
    this.terminated = true;
  }

  #emit(message: FromWorker): void {
    if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: message }));
  }
}
