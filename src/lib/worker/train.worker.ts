/// <reference lib="webworker" />
// The training worker: the only place tensors live. It receives ToWorker messages, trains with
// the core Trainer, and posts small FromWorker messages (plain numbers, one epoch at a time).

import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../core/backend';
import { DatasetStore, loadPair, samplePixels } from '../core/dataset';
import { Trainer } from '../core/trainer';
import type { TrainConfig } from '../core/types';
import { assertNever, type FromWorker, type ToWorker } from './protocol';
import { tfEnvironment } from './tfEnvironment';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

let store: DatasetStore | null = null;
let backendReady: Promise<unknown> | null = null;
let trainer: Trainer | null = null;
let runConfig: TrainConfig | null = null;
/** The run's validation labels and images: sent once, with epoch 1 (they never change during a run). */
let validation: { labels: Uint8Array; images: Uint8Array } | null = null;
let validationSent = false;

// Commands run one after another on this chain. Every message gets a sequence number; a
// `pause` or `reset` stops the loop that a *earlier* command started (and cancels earlier
// queued ones), so fifty rapid clicks still leave exactly one loop in the order they were made.
let queue: Promise<void> = Promise.resolve();
let sequence = 0;
let stopBefore = 0;

function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task).catch((error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const seq = ++sequence;
  switch (message.type) {
    case 'init':
      store = new DatasetStore(message.dataUrl);
      backendReady = selectBackend(message.backend, tfEnvironment).then((info) =>
        post({ type: 'backend', info }),
      );
      enqueue(() => backendReady as Promise<void>);
      return;
    case 'preview':
      enqueue(async () => {
        const dataset = requireStore();
        const pixels = await Promise.all(
          message.classes.map((slug) => samplePixels(dataset, slug, message.perClass)),
        );
        const samples = {
          classes: message.classes,
          pixels: [pixels[0], pixels[1]] as [Uint8Array, Uint8Array],
          perClass: message.perClass,
        };
        post({ type: 'samples', samples }, [pixels[0].buffer, pixels[1].buffer]);
      });
      return;
    case 'train':
    case 'step':
      enqueue(() => runUntil(seq, message.config, message.type === 'step'));
      return;
    case 'pause':
      stopBefore = seq;
      return;
    case 'reset':
      stopBefore = seq;
      enqueue(async () => {
        disposeRun();
        postMemory();
        post({ type: 'status', status: 'idle' });
      });
      return;
    default:
      assertNever(message);
  }
};

function postMemory(): void {
  const memory = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  post({
    type: 'memory',
    memory: {
      numTensors: memory.numTensors,
      numBytes: memory.numBytes,
      numBytesInGPU: typeof memory.numBytesInGPU === 'number' ? memory.numBytesInGPU : null,
    },
  });
}

function requireStore(): DatasetStore {
  if (!store) throw new Error('The worker was not initialised (no init message)');
  return store;
}

function disposeRun(): void {
  trainer?.dispose();
  trainer = null;
  runConfig = null;
  validation = null;
  validationSent = false;
}

async function ensureRun(config: TrainConfig): Promise<Trainer> {
  if (trainer && runConfig) return trainer;
  post({ type: 'status', status: 'loading', detail: 'Loading the dataset' });
  await backendReady;
  let data;
  try {
    data = await loadPair(requireStore(), config.classes, config.trainSize, config.validationSize);
  } catch (error) {
    post({ type: 'status', status: 'idle' });
    throw error;
  }
  trainer = Trainer.create(data, config);
  runConfig = config;
  const pixels = data.validation.count * 28 * 28;
  validation = {
    labels: data.validation.labels.slice(0, data.validation.count),
    images: data.validation.images.slice(0, pixels),
  };
  return trainer;
}

/** Trains the run (creating it if needed) until the last epoch, a stop, or one epoch for Step. */
async function runUntil(seq: number, config: TrainConfig, stepOnly: boolean): Promise<void> {
  if (seq < stopBefore) return; // paused or reset before this command got its turn
  const run = await ensureRun(config);
  const epochs = (runConfig ?? config).epochs;
  if (run.epochsCompleted >= epochs || run.stoppedEarly) {
    post({ type: 'status', status: 'done' });
    return;
  }
  post({ type: 'status', status: 'training' });
  const shouldStop = () => seq < stopBefore;
  try {
    while (run.epochsCompleted < epochs && !run.stoppedEarly) {
      const outcome = await run.trainEpoch({
        shouldStop,
        onProgress: (progress) =>
          post({
            type: 'progress',
            progress: { ...progress, epoch: run.epochsCompleted + 1, epochs },
          }),
      });
      if (outcome === 'stopped') break;
      const { metrics, validationLogits, earlyStop } = await run.finishEpoch();
      const first = validationSent || !validation ? null : validation;
      validationSent = true;
      const transfer: Transferable[] = [validationLogits.buffer];
      if (first) transfer.push(first.labels.buffer, first.images.buffer);
      post(
        {
          type: 'epoch',
          metrics,
          validationLogits,
          ...(first ? { validationLabels: first.labels, validationImages: first.images } : {}),
          ...(earlyStop ? { earlyStop } : {}),
        },
        transfer,
      );
      postMemory();
      if (stepOnly || shouldStop()) break;
    }
  } catch (error) {
    disposeRun();
    post({ type: 'status', status: 'idle' });
    throw error;
  }
  if (trainer !== run) return; // reset while stopping: the reset task reports idle
  const finished = run.epochsCompleted >= epochs || run.stoppedEarly;
  post({ type: 'status', status: finished ? 'done' : 'paused' });
}
