// The page's line to one training worker at a time (after svelte.dev's repl client): it spawns
// the Worker and keeps it private, numbers every command, tracks which run commands are still
// unanswered, and keeps what the worker says about itself (its status and backend). A backend
// is chosen once per worker, so a new backend is a fresh worker, set up like the last one. A
// worker that is replaced or dies answers nothing more: its pending commands are forgotten and
// its last words ignored. What the worker says about runs goes to `receive` untouched.

import type { BackendInfo, BackendPreference, ClassSlug, ModelPreset } from '../../core/types';
import type { CommandType, FromWorker, SampleImages, ToWorker, TrainerStatus } from './protocol';

/** The commands that start, stop or forget a run: the controls wait for their answers. */
export type RunCommandType = Extract<CommandType, 'train' | 'step' | 'pause' | 'reset'>;

/** A train or step command without its type and id (the connection adds them). */
export type RunCommandBody = Omit<Extract<ToWorker, { type: 'train' }>, 'type' | 'id'>;

/** Sample images requested per class for the dataset preview. */
export const PREVIEW_IMAGES_PER_CLASS = 8;

export interface ConnectionHandlers {
  createWorker: () => Worker;
  /** Absolute URL of the dataset folder (the worker resolves relative URLs against itself). */
  dataUrl: string;
  /**
   * Every message of the current worker, after the connection has noted its own part (the
   * answers to `requestImages` go to their requester instead).
   */
  receive(message: FromWorker): void;
  /** Something the page should show: the worker died, or a message could not be read. */
  fail(message: string): void;
}

export class TrainerConnection {
  /** What the worker last said. */
  status = $state<TrainerStatus>('idle');
  /** Optional words from the worker about the status, e.g. "Restoring the saved run". */
  statusDetail = $state<string | null>(null);
  /** The run command sent and not yet answered (controls wait for the worker's answer). */
  awaiting = $state<RunCommandType | null>(null);
  /** The backend of this worker. */
  backend = $state.raw<BackendInfo | null>(null);

  #handlers: ConnectionHandlers;
  #worker: Worker;
  #nextId = 1;
  /** Run commands sent to the current worker and not yet answered, by id. */
  #pending = new Map<number, RunCommandType>();
  #backendPreference: BackendPreference = 'auto';
  /** The model `auto` times its candidates on; unset: the worker's default preset. */
  #model: ModelPreset | undefined;
  #previewClasses: ClassSlug[] | null = null;
  #imagesRequest: { id: number; onSamples: (samples: SampleImages) => void } | null = null;

  constructor(handlers: ConnectionHandlers) {
    this.#handlers = handlers;
    this.#worker = this.#spawn();
  }

  /** The backend preference the current worker was set up with. */
  get backendPreference(): BackendPreference {
    return this.#backendPreference;
  }

  /**
   * Choose the backend; `auto` times its candidates on `model` (the selected preset: the small
   * CNN may favour another backend than the wide one). The worker answers with `backend`.
   */
  init(backend: BackendPreference, model: ModelPreset | undefined = this.#model): void {
    this.#backendPreference = backend;
    this.#model = model;
    const timedOn = model === undefined ? {} : { model };
    this.post({
      type: 'init',
      id: this.id(),
      backend,
      dataUrl: this.#handlers.dataUrl,
      ...timedOn,
    });
  }

  /** Ask for sample images of the chosen classes (again after a worker restart). */
  preview(classes: readonly ClassSlug[]): void {
    this.#previewClasses = [...classes];
    this.post({
      type: 'preview',
      id: this.id(),
      classes: this.#previewClasses,
      perClass: PREVIEW_IMAGES_PER_CLASS,
    });
  }

  /**
   * Ask for `perClass` images of each class for something other than the preview (a recorded
   * run's validation images): the reply goes to `onSamples`, unless a later request replaced it.
   */
  requestImages(
    classes: ClassSlug[],
    perClass: number,
    onSamples: (samples: SampleImages) => void,
  ): void {
    const id = this.id();
    this.#imagesRequest = { id, onSamples };
    this.post({ type: 'preview', id, classes, perClass });
  }

  /** A fresh worker on `backend`, showing the same preview; the old one holds nothing any more. */
  restart(backend: BackendPreference, model: ModelPreset | undefined = this.#model): void {
    this.#terminate();
    this.#forget();
    this.backend = null;
    this.#worker = this.#spawn();
    this.init(backend, model);
    if (this.#previewClasses !== null) this.preview(this.#previewClasses);
  }

  /** A fresh command id (ids keep counting across workers, so a stale reply never matches). */
  id(): number {
    return this.#nextId++;
  }

  post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  /** Sends a run command and awaits its answer. */
  sendRun(type: 'pause' | 'reset'): void;
  sendRun(type: 'train' | 'step', command: RunCommandBody): void;
  sendRun(type: RunCommandType, command?: RunCommandBody): void {
    const id = this.id();
    this.#pending.set(id, type);
    this.awaiting = type;
    if (type === 'train' || type === 'step') {
      if (!command) throw new Error(`${type} needs a run`);
      this.post({ type, id, ...command });
    } else {
      this.post({ type, id });
    }
  }

  dispose(): void {
    this.#terminate();
  }

  /** A reply to command `id` arrived: it is no longer awaited. */
  #answered(id: number | null): void {
    if (id === null || !this.#pending.delete(id)) return;
    this.awaiting = [...this.#pending.values()].at(-1) ?? null;
  }

  /** Nothing the worker was asked will be answered, and it holds no run. */
  #forget(): void {
    this.#pending.clear();
    this.awaiting = null;
    this.status = 'idle';
    this.statusDetail = null;
  }

  /** Notes the connection's part of a message; false when it was the answer to a request. */
  #note(message: FromWorker): boolean {
    switch (message.type) {
      case 'samples': {
        const request = this.#imagesRequest;
        if (message.replyTo !== request?.id) break;
        this.#imagesRequest = null;
        request.onSamples(message.samples);
        return false;
      }
      case 'backend':
        this.#answered(message.replyTo);
        this.backend = message.info;
        break;
      case 'status':
        this.#answered(message.replyTo);
        this.status = message.status;
        this.statusDetail = message.detail ?? null;
        break;
      case 'error':
        this.#answered(message.replyTo);
        break;
    }
    return true;
  }

  #spawn(): Worker {
    const worker = this.#handlers.createWorker();
    // Handlers check `worker === this.#worker` so a terminated worker's last words are ignored.
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (worker === this.#worker && this.#note(event.data)) this.#handlers.receive(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (worker !== this.#worker) return;
      const where = event.message ? `: ${event.message}` : ' (it may have failed to load)';
      this.#handlers.fail(`The training worker stopped with an error${where}`);
      this.#forget();
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker)
        this.#handlers.fail('A message from the training worker could not be read.');
    };
    return worker;
  }

  #terminate(): void {
    this.#worker.onmessage = null;
    this.#worker.onerror = null;
    this.#worker.onmessageerror = null;
    this.#worker.terminate();
  }
}
