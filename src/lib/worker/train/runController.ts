// The training worker's orchestration, with no postMessage and no tfjs: each command is answered
// by its id and put on the command queue (commandQueue.ts); what a run does on its turn — stop
// rules, divergence, save-then-publish — is the run policy's (runPolicy.ts). The worker file
// wires it to the real trainer, storage and `postMessage`; Node tests wire it to fakes.

import { assertNever, type ToWorker } from './protocol';
import { CommandQueue } from './commandQueue';
import { RunPolicy } from './runPolicy';
import type { WorkerServices } from './runServices';
import { WorkerReplies } from './workerReplies';

export class RunController {
  readonly #services: WorkerServices;
  readonly #replies: WorkerReplies;
  readonly #queue: CommandQueue;
  readonly #policy: RunPolicy;

  constructor(services: WorkerServices) {
    this.#services = services;
    this.#replies = new WorkerReplies(services);
    this.#queue = new CommandQueue((id, message) => this.#replies.error(id, message));
    this.#policy = new RunPolicy(services, this.#replies);
  }

  /** Settles when every command received so far has been handled (for tests). */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  handle(command: ToWorker): void {
    const seq = this.#queue.next();
    switch (command.type) {
      case 'init':
        this.#policy.chooseBackend(command);
        this.#queue.enqueue(command.id, () => this.#policy.backendReady);
        return;
      case 'preview':
        this.#queue.enqueue(command.id, async () => {
          const samples = await this.#services.samples(command);
          const buffers = samples.pixels.map((pixels) => pixels.buffer);
          this.#replies.post({ type: 'samples', replyTo: command.id, samples }, buffers);
        });
        return;
      case 'train':
      case 'step':
        // Answered at once, even when an earlier task keeps the queue busy: the run is on its
        // way ('loading'), so the page can offer Pause at once; the loop reports from then on.
        if (this.#replies.lastStatus !== 'training') {
          this.#replies.status(command.id, 'loading', 'Waiting for the worker');
        } else {
          this.#replies.status(command.id, 'training');
        }
        this.#queue.enqueue(command.id, () =>
          this.#policy.train(command, () => this.#queue.stopped(seq)),
        );
        return;
      case 'pause':
        this.#queue.stopEarlierThan(seq);
        // Answered once the loop it stops has stopped: with where things then stand.
        this.#queue.enqueue(command.id, async () =>
          this.#replies.status(command.id, this.#policy.standing()),
        );
        return;
      case 'adjust':
        // Not queued: the training loop holds the queue, and the change is meant for its next
        // batch. Batches run synchronously, so applying it now is applying it at a boundary.
        this.#policy.adjust(command);
        return;
      case 'reset':
        this.#queue.stopEarlierThan(seq);
        this.#queue.enqueue(command.id, async () => {
          this.#policy.disposeRun();
          this.#replies.memory();
          this.#replies.status(command.id, 'idle');
        });
        return;
      default:
        assertNever(command);
    }
  }
}
