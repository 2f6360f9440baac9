// The page's side of a helper worker (image decoding, logits import, calibration): started on
// first use and kept for the page; when it fails it is dropped, so the next use starts a fresh
// one. Typed both ways by the worker's protocol; what the replies mean is the owner's business.

export interface LazyWorkerHandlers<From> {
  receive(message: From): void;
  /** The worker failed (and is gone); `detail`: the browser's words, '' when it gave none. */
  failed(detail: string): void;
}

export class LazyWorker<To, From> {
  #worker: Worker | null = null;
  readonly #create: () => Worker;
  readonly #handlers: LazyWorkerHandlers<From>;

  constructor(create: () => Worker, handlers: LazyWorkerHandlers<From>) {
    this.#create = create;
    this.#handlers = handlers;
  }

  post(message: To, transfer?: Transferable[]): void {
    const worker = this.#started();
    if (transfer === undefined) worker.postMessage(message);
    else worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    worker.onmessage = (event: MessageEvent<From>) => this.#handlers.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      this.#worker = null;
      this.#handlers.failed(event.message || '');
    };
    this.#worker = worker;
    return worker;
  }
}
