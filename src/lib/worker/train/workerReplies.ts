// What the worker says to the page, in the protocol's shapes: shared by the command queue's
// answers and the run policy's reports, so the last status said is known to both.

import type { RunRecord } from '../../persist/runStore';
import type { FromWorker, TrainerStatus } from './protocol';
import type { WorkerServices } from './runServices';

export class WorkerReplies {
  readonly #services: WorkerServices;
  #lastStatus: TrainerStatus = 'idle';

  constructor(services: WorkerServices) {
    this.#services = services;
  }

  /** The status said last (a new Train while training is answered "training" at once). */
  get lastStatus(): TrainerStatus {
    return this.#lastStatus;
  }

  post(message: FromWorker, transfer: Transferable[] = []): void {
    this.#services.post(message, transfer);
  }

  status(replyTo: number, status: TrainerStatus, detail?: string): void {
    this.#lastStatus = status;
    this.post({ type: 'status', replyTo, status, ...(detail === undefined ? {} : { detail }) });
  }

  error(replyTo: number, message: string): void {
    this.post({ type: 'error', replyTo, message });
  }

  memory(): void {
    this.post({ type: 'memory', memory: this.#services.memory() });
  }

  saved(record: RunRecord | null): void {
    if (record) this.post({ type: 'saved', record });
  }
}
