// One slot of a sweep's pool: one training worker (worker/train, its own protocol), which
// trains one run at a time and keeps what the summary needs of it — each epoch's training
// figures and validation logits, the labels, the epoch the model ended with. The worker saves
// every epoch as a normal run (tagged with the sweep), so a finished run is in the Runs list.

import { runTrainingImages, type StoredEpoch } from '../../core/sweep';
import type { BackendName, BackendPreference, TrainConfig } from '../../core/types';
import type { FromWorker, RunIdentity, ToWorker } from '../../worker/train/protocol';

/** What a finished run hands to the summary, and how fast it trained. */
export interface FinishedRun {
  runId: string;
  labels: Uint8Array;
  epochs: StoredEpoch[];
  epochLogits: Float32Array[];
  heldEpoch: number;
  /** Mean training speed over the run's epochs (each epoch's last progress report). */
  imagesPerSecond: number;
  backend: BackendName;
}

export interface SlotEvents {
  /** `images`: training images of this run so far. */
  progress(epoch: number, images: number, imagesPerSecond: number): void;
  done(run: FinishedRun): void;
  failed(message: string): void;
}

export interface SlotJob {
  config: TrainConfig;
  identity: RunIdentity;
}

/** What the slot gathers from one run's messages. */
class RunRecorder {
  labels: Uint8Array | null = null;
  epochs: StoredEpoch[] = [];
  epochLogits: Float32Array[] = [];
  epochSpeeds: number[] = [];
  lastSpeed = 0;
  heldEpoch = 0;
  backend: BackendName = 'wasm';
  problem: string | null = null;
}

export class TrainingSlot {
  #worker: Worker;
  #dataUrl: string;
  #nextId = 1;
  #job: SlotJob | null = null;
  #events: SlotEvents | null = null;
  #trainId = 0;
  #recorder = new RunRecorder();
  #hadRun = false;

  constructor(createWorker: () => Worker, dataUrl: string, backend: BackendPreference) {
    this.#dataUrl = dataUrl;
    this.#worker = createWorker();
    this.#worker.onmessage = (event: MessageEvent<FromWorker>) => this.#receive(event.data);
    this.#worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.#fail(`A sweep's training worker stopped with an error: ${event.message || 'unknown'}`);
    };
    this.#post({ type: 'init', id: this.#id(), backend, dataUrl: this.#dataUrl });
  }

  get busy(): boolean {
    return this.#job !== null;
  }

  /** Trains `job` from its first epoch (the worker's previous run is reset first). */
  run(job: SlotJob, events: SlotEvents): void {
    if (this.#hadRun) this.#post({ type: 'reset', id: this.#id() });
    this.#hadRun = true;
    this.#job = job;
    this.#events = events;
    this.#recorder = new RunRecorder();
    this.#train();
  }

  /** Stops at the next batch boundary; `resume` continues the same run. */
  pause(): void {
    if (this.#job) this.#post({ type: 'pause', id: this.#id() });
  }

  resume(): void {
    if (this.#job) this.#train();
  }

  dispose(): void {
    this.#job = null;
    this.#events = null;
    this.#worker.onmessage = null;
    this.#worker.onerror = null;
    this.#worker.terminate();
  }

  #train(): void {
    const job = this.#job as SlotJob;
    this.#trainId = this.#id();
    this.#post({ type: 'train', id: this.#trainId, config: job.config, run: job.identity });
  }

  #id(): number {
    return this.#nextId++;
  }

  #post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  #receive(message: FromWorker): void {
    const job = this.#job;
    if (!job) return;
    const recorder = this.#recorder;
    const runId = job.identity.id;
    switch (message.type) {
      case 'progress': {
        if (message.runId !== runId) return;
        const { epoch, batch, imagesPerSecond } = message.progress;
        const { trainSize: train, batchSize } = job.config;
        const perEpoch = runTrainingImages({ epochs: 1, train, batch: batchSize });
        const images = (epoch - 1) * perEpoch + batch * Math.min(batchSize, train);
        recorder.lastSpeed = imagesPerSecond;
        this.#events?.progress(epoch, images, imagesPerSecond);
        return;
      }
      case 'epoch': {
        if (message.runId !== runId) return;
        const { epoch, trainLoss, trainAccuracy } = message.metrics;
        recorder.labels ??= message.validationLabels ?? null;
        recorder.epochs.push({ epoch, trainLoss, trainAccuracy });
        recorder.epochLogits.push(message.validationLogits);
        recorder.epochSpeeds.push(recorder.lastSpeed);
        recorder.heldEpoch = message.state.model.epoch;
        recorder.backend = message.state.backend.name;
        return;
      }
      case 'diverged':
      case 'device-lost':
        if (message.runId === runId) recorder.problem = this.#problem(message);
        return;
      case 'error':
        if (message.replyTo === this.#trainId || message.replyTo === null) {
          this.#fail(message.message);
        }
        return;
      case 'status':
        if (message.replyTo !== this.#trainId) return;
        if (message.status === 'done') this.#finish();
        else if (message.status === 'idle') this.#fail(recorder.problem ?? 'The run stopped.');
        return;
      default:
        return;
    }
  }

  #problem(message: Extract<FromWorker, { type: 'diverged' | 'device-lost' }>): string {
    return message.type === 'diverged' ? message.message : `The GPU was lost: ${message.detail}`;
  }

  #finish(): void {
    const recorder = this.#recorder;
    const job = this.#job as SlotJob;
    const events = this.#events as SlotEvents;
    this.#job = null;
    this.#events = null;
    if (recorder.problem !== null || recorder.labels === null) {
      events.failed(recorder.problem ?? 'The run finished without an epoch.');
      return;
    }
    const speeds = recorder.epochSpeeds;
    events.done({
      runId: job.identity.id,
      labels: recorder.labels,
      epochs: recorder.epochs,
      epochLogits: recorder.epochLogits,
      heldEpoch: recorder.heldEpoch,
      imagesPerSecond: speeds.reduce((sum, speed) => sum + speed, 0) / speeds.length,
      backend: recorder.backend,
    });
  }

  #fail(message: string): void {
    const events = this.#events;
    this.#job = null;
    this.#events = null;
    events?.failed(message);
  }
}
