/// <reference lib="webworker" />
// The training worker: the only place tensors live. It receives ToWorker messages, trains with
// the core Trainer, and posts small FromWorker messages (plain numbers, one epoch at a time).

import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../core/backend';
import { DatasetStore, loadPair, samplePixels } from '../core/dataset';
import { Trainer, type EpochResult } from '../core/trainer';
import type { BackendInfo, TrainConfig } from '../core/types';
import { DeviceWatch } from './deviceWatch';
import { RunPersistence } from './persistence';
import {
  assertNever,
  type FromWorker,
  type RunCommand,
  type RunIdentity,
  type ToWorker,
} from './protocol';
import { tfEnvironment } from './tfEnvironment';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

let store: DatasetStore | null = null;
let backendReady: Promise<unknown> | null = null;
let backendInfo: BackendInfo | null = null;
let deviceWatch: DeviceWatch | null = null;
let trainer: Trainer | null = null;
let runConfig: TrainConfig | null = null;
let runIdentity: RunIdentity | null = null;
/** Testing aid: the epoch after which the GPU is lost on purpose (0 = never). */
let loseDeviceAt = 0;
/** The run's validation labels and images: sent once, with the first epoch (they never change). */
let validation: { labels: Uint8Array; images: Uint8Array } | null = null;
let validationSent = false;
/** A diverged run cannot continue: further Train/Step just report it done. */
let runDiverged = false;
const persistence = new RunPersistence((message) => post({ type: 'notice', message }));

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
      backendReady = selectBackend(message.backend, tfEnvironment).then((info) => {
        backendInfo = info;
        deviceWatch = new DeviceWatch(info.name);
        post({ type: 'backend', info });
      });
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
      enqueue(() => runUntil(seq, message, message.type === 'step'));
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
  try {
    trainer?.dispose();
  } catch {
    // A lost GPU can make freeing fail; the worker is discarded then anyway.
  }
  trainer = null;
  runConfig = null;
  runIdentity = null;
  runDiverged = false;
  validation = null;
  validationSent = false;
}

async function ensureRun(command: RunCommand): Promise<Trainer> {
  if (trainer && runConfig) return trainer;
  const { config, run } = command;
  post({ type: 'status', status: 'loading', detail: 'Loading the dataset' });
  await backendReady;
  let created: Trainer | null = null;
  try {
    const data = await loadPair(
      requireStore(),
      config.classes,
      config.trainSize,
      config.validationSize,
    );
    created = Trainer.create(data, config);
    if (command.resume) {
      post({ type: 'status', status: 'loading', detail: 'Restoring the saved run' });
      const snapshot = await persistence.snapshot(run.id);
      if (!snapshot) throw new Error('This run has no saved weights to resume from.');
      await created.restoreState(snapshot);
    }
    const pixels = data.validation.count * 28 * 28;
    validation = {
      labels: data.validation.labels.slice(0, data.validation.count),
      images: data.validation.images.slice(0, pixels),
    };
    if (backendInfo) await persistence.startRun(run, config, backendInfo, validation.labels);
  } catch (error) {
    created?.dispose();
    post({ type: 'status', status: 'idle' });
    throw error;
  }
  trainer = created;
  runConfig = config;
  runIdentity = run;
  loseDeviceAt = command.loseDeviceAt ?? 0;
  return created;
}

/** Tells the page the GPU is gone. The page moves to a fresh worker on the next backend. */
function reportDeviceLoss(run: Trainer): void {
  const loss = deviceWatch?.lost;
  if (!loss) return;
  post({
    type: 'device-lost',
    backend: loss.backend,
    detail: loss.detail,
    epochsCompleted: run.epochsCompleted,
  });
  disposeRun();
}

/** Trains the run (creating it if needed) until the last epoch, a stop, or one epoch for Step. */
async function runUntil(seq: number, command: RunCommand, stepOnly: boolean): Promise<void> {
  if (seq < stopBefore) return; // paused or reset before this command got its turn
  const run = await ensureRun(command);
  const epochs = (runConfig ?? command.config).epochs;
  if (run.epochsCompleted >= epochs || run.stoppedEarly || runDiverged) {
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
      if (deviceWatch?.lost) return reportDeviceLoss(run);
      if (outcome === 'stopped') break;
      if (outcome === 'diverged') return reportDivergence(run, run.epochsCompleted + 1);
      const result = await run.finishEpoch();
      if (deviceWatch?.lost) return reportDeviceLoss(run);
      if (!allFinite(result.validationLogits) || !Number.isFinite(result.metrics.validationLoss)) {
        return reportDivergence(run, result.metrics.epoch);
      }
      await publishEpoch(run, result);
      if (loseDeviceAt > 0 && run.epochsCompleted === loseDeviceAt && deviceWatch) {
        loseDeviceAt = 0;
        if (await deviceWatch.inject()) return reportDeviceLoss(run);
      }
      if (stepOnly || shouldStop()) break;
    }
  } catch (error) {
    if (deviceWatch?.lost) return reportDeviceLoss(run);
    disposeRun();
    post({ type: 'status', status: 'idle' });
    throw error;
  }
  if (trainer !== run) return; // reset while stopping: the reset task reports idle
  const finished = run.epochsCompleted >= epochs || run.stoppedEarly;
  if (finished && runIdentity) await persistence.finish(runIdentity.id, run.earlyStop);
  post({ type: 'status', status: finished ? 'done' : 'paused' });
}

/** Saves the epoch (metrics, logits, weights) and only then shows it: what the page shows is kept. */
async function publishEpoch(run: Trainer, result: EpochResult): Promise<void> {
  const { metrics, validationLogits, earlyStop } = result;
  if (runIdentity) await persistence.saveEpoch(runIdentity.id, metrics, validationLogits, run);
  const first = validationSent || !validation ? null : validation;
  validationSent = true;
  const transfer: Transferable[] = [validationLogits.buffer];
  const extra = first
    ? { validationLabels: first.labels.slice(), validationImages: first.images.slice() }
    : {};
  if (extra.validationLabels) transfer.push(extra.validationLabels.buffer);
  if (extra.validationImages) transfer.push(extra.validationImages.buffer);
  post(
    { type: 'epoch', metrics, validationLogits, ...extra, ...(earlyStop ? { earlyStop } : {}) },
    transfer,
  );
  postMemory();
}

function allFinite(values: Float32Array): boolean {
  for (const value of values) if (!Number.isFinite(value)) return false;
  return true;
}

function reportDivergence(run: Trainer, epoch: number): void {
  runDiverged = true;
  const lr = runConfig?.learningRate;
  post({
    type: 'diverged',
    epoch,
    message:
      `Training diverged in epoch ${epoch}: the loss became NaN or infinite, so the run stopped. ` +
      `The chart keeps the ${run.epochsCompleted} good epoch${run.epochsCompleted === 1 ? '' : 's'}. ` +
      `Try a smaller learning rate${lr === undefined ? '' : ` than ${lr}`} (e.g. 0.001 with Adam), then Reset and Train.`,
  });
  post({ type: 'status', status: 'done' });
  postMemory();
}
