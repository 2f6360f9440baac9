// The worker's commands run one after another on one promise chain. Every command gets a
// sequence number; a `pause` or `reset` stops the loop that an *earlier* command started (and
// cancels earlier queued ones), so fifty rapid clicks still leave exactly one loop, in the order
// made.

export class CommandQueue {
  #queue: Promise<void> = Promise.resolve();
  #sequence = 0;
  #stopBefore = 0;
  readonly #failed: (id: number, message: string) => void;

  /** `failed`: how a command whose task threw is answered (its id and the error's words). */
  constructor(failed: (id: number, message: string) => void) {
    this.#failed = failed;
  }

  /** The sequence number of a command just received. */
  next(): number {
    return ++this.#sequence;
  }

  /** Command `seq` stops every command received before it. */
  stopEarlierThan(seq: number): void {
    this.#stopBefore = seq;
  }

  /** True once a later command stopped command `seq` (or cancelled it before its turn). */
  stopped(seq: number): boolean {
    return seq < this.#stopBefore;
  }

  /** Runs `task` after every task queued so far; if it throws, command `id` is answered so. */
  enqueue(id: number, task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      this.#failed(id, error instanceof Error ? error.message : String(error));
    });
  }

  /** Settles when every task queued so far has run. */
  idle(): Promise<void> {
    return this.#queue;
  }
}
