/// <reference lib="webworker" />
// The training worker: the only place tensors live. It receives ToWorker messages, trains with
// the core Trainer, and posts small FromWorker messages (plain numbers, one epoch at a time).

import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../core/backend';
import {
  ChecksumError,
  DatasetFetchError,
  DatasetStore,
  loadPair,
  samplePixels,
} from '../core/dataset';
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
      backendReady = selectBackend(
        message.backend,
        tfEnvironment,
        message.model ? { model: message.model } : undefined,
      ).then((info) => {
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
        ).catch((error: unknown) => {
          throw datasetProblem(error);
        });
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
    ).catch((error: unknown) => {
      throw datasetProblem(error);
    });
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

/** A dataset download that failed, in words a workshop attendee can act on (details kept). */
function datasetProblem(error: unknown): unknown {
  if (error instanceof DatasetFetchError) {
    const why = error.status === null ? 'no network connection?' : `HTTP ${error.status}`;
    return new Error(
      `The dataset file ${error.file} could not be downloaded (${why}). ` +
        `Check the connection, then press Retry. Details: ${error.message}`,
    );
  }
  if (error instanceof ChecksumError) {
    return new Error(
      `The dataset file ${error.file} arrived damaged (it failed its checksum), so it was not used. ` +
        `Press Retry to download it again. Details: ${error.message}`,
    );
  }
  return error;
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

/** True when the run cannot train further: all epochs done, stopped early, or diverged. */
function runIsOver(run: Trainer): boolean {
  return run.epochsCompleted >= (runConfig?.epochs ?? 0) || run.stoppedEarly || runDiverged;
}

/** Trains the run (creating it if needed) until the last epoch, a stop, or one epoch for Step. */
async function runUntil(seq: number, command: RunCommand, stepOnly: boolean): Promise<void> {
  if (seq < stopBefore) {
    // Paused or reset before this command got its turn (an earlier one was still busy). The
    // page showed "loading" at the click: say where things stand, or it would wait forever.
    post({
      type: 'status',
      status: trainer === null ? 'idle' : runIsOver(trainer) ? 'done' : 'paused',
    });
    return;
  }
  const run = await ensureRun(command);
  if (runIsOver(run)) {
    post({ type: 'status', status: 'done' });
    return;
  }
  const epochs = (runConfig ?? command.config).epochs;
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
      if (outcome === 'diverged') return reportDivergence(run.epochsCompleted + 1, null);
      const result = await run.finishEpoch();
      if (deviceWatch?.lost) return reportDeviceLoss(run);
      if (!allFinite(result.validationLogits) || !Number.isFinite(result.metrics.validationLoss)) {
        return reportDivergence(result.metrics.epoch, null);
      }
      if (result.metrics.validationLoss > EXPLODED_VALIDATION_LOSS) {
        return reportDivergence(result.metrics.epoch, result.metrics.validationLoss);
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

/**
 * Above this mean validation cross-entropy (nats per example) a run has blown up even while
 * its numbers are still finite: chance is ln 2 ≈ 0.69, and a healthy run that grows
 * over-confident stays within single or low double digits. 1000 means the average example is
 * wrong by a logit gap of about 1000 — the weights exploded (a learning rate of 10 with Adam
 * gets there within the first epoch), and float32 overflow to NaN is only a matter of time.
 * Validation loss, not training loss: the latter includes the L2 penalty, which can be large.
 */
const EXPLODED_VALIDATION_LOSS = 1000;

/**
 * Ends a run that diverged in `epoch` (never shown: epochs 1 … epoch − 1 stand).
 * `explodedLoss`: the finite but exploded validation loss, or null for a NaN/Inf loss.
 */
async function reportDivergence(epoch: number, explodedLoss: number | null): Promise<void> {
  runDiverged = true;
  const good = epoch - 1;
  const lr = runConfig?.learningRate;
  const what =
    explodedLoss === null
      ? 'the loss became NaN or infinite'
      : `the validation loss exploded to ${Math.round(explodedLoss).toLocaleString('en-US')} (chance is 0.69)`;
  post({
    type: 'diverged',
    epoch,
    message:
      `Training diverged in epoch ${epoch}: ${what}, so the run stopped. ` +
      (good === 0
        ? 'No epoch had finished before it, so the charts stay empty. '
        : `The charts keep the ${good} good epoch${good === 1 ? '' : 's'}. `) +
      `Try a smaller learning rate${lr === undefined ? '' : ` than ${lr}`} (e.g. 0.001 with Adam), then Reset and Train.`,
  });
  // Nothing to resume: the stored run keeps its good epochs but is no longer offered.
  if (runIdentity) await persistence.finish(runIdentity.id, null);
  post({ type: 'status', status: 'done' });
  postMemory();
}
