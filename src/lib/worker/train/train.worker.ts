/// <reference lib="webworker" />
// The training worker: the only place tensors live. Thin glue: it gives the run controller the
// real backend selection, dataset, trainer, storage and `postMessage`; the controller does the
// orchestration (runController.ts).

import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../core/train/backend';
import {
  ChecksumError,
  DatasetFetchError,
  DatasetStore,
  IMAGE_PIXELS,
  loadClasses,
  samplePixels,
} from '../../core/data';
import { Trainer } from '../../core/train';
import { DeviceWatch } from './deviceWatch';
import { ownRunData } from './ownRunData';
import { RunPersistence } from './persistence';
import type { FromWorker, RunCommand, ToWorker } from './protocol';
import { RunController } from './runController';
import type { CreatedRun } from './runServices';
import { tfEnvironment } from './tfEnvironment';

declare const self: DedicatedWorkerGlobalScope;

let store: DatasetStore | null = null;
let deviceWatch: DeviceWatch | null = null;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const persistence = new RunPersistence((notice) => post({ type: 'notice', notice }));

function requireStore(): DatasetStore {
  if (!store) throw new Error('The worker was not initialised (no init message)');
  return store;
}

async function createRun(
  command: RunCommand,
  loading: (detail: string) => void,
): Promise<CreatedRun> {
  const { config, run } = command;
  const data = config.dataset
    ? await ownRunData(config)
    : await loadClasses(
        requireStore(),
        config.classes,
        config.trainSize,
        config.validationSize,
      ).catch((error: unknown) => {
        throw datasetProblem(error);
      });
  const trainer = Trainer.create(data, config);
  try {
    if (command.resume) {
      loading('Restoring the saved run');
      const snapshot = await persistence.snapshot(run.id);
      if (!snapshot) throw new Error('This run has no saved weights to resume from.');
      await trainer.restoreState(snapshot);
    }
  } catch (error) {
    trainer.dispose();
    throw error;
  }
  const count = data.validation.count;
  return {
    run: trainer,
    labels: data.validation.labels.slice(0, count),
    images: data.validation.images.slice(0, count * IMAGE_PIXELS),
  };
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

const controller = new RunController({
  post,
  async selectBackend(command) {
    store = new DatasetStore(command.dataUrl);
    const info = await selectBackend(
      command.backend,
      tfEnvironment,
      command.model ? { model: command.model } : undefined,
    );
    deviceWatch = new DeviceWatch(info.name);
    return info;
  },
  async samples(command) {
    const dataset = requireStore();
    const pixels = await Promise.all(
      command.classes.map((slug) => samplePixels(dataset, slug, command.perClass)),
    ).catch((error: unknown) => {
      throw datasetProblem(error);
    });
    return { classes: command.classes, pixels, perClass: command.perClass };
  },
  createRun,
  storage: persistence,
  device: {
    lost: () => deviceWatch?.lost ?? null,
    inject: async () => (deviceWatch ? deviceWatch.inject() : false),
  },
  memory() {
    const memory = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
    return {
      numTensors: memory.numTensors,
      numBytes: memory.numBytes,
      numBytesInGPU: typeof memory.numBytesInGPU === 'number' ? memory.numBytesInGPU : null,
    };
  },
});

self.onmessage = (event: MessageEvent<ToWorker>) => controller.handle(event.data);
