// Main-thread façade over the image-decoding worker: one promise per class's files, settled by
// the reply that names its request. The worker starts on first use and is kept for the page
// (lazyWorker.ts).

import type { SkippedFile } from '../core/data';
import type { FromImagesWorker, ToImagesWorker } from '../worker/images/imagesProtocol';
import { LazyWorker } from './lazyWorker';

export type DecodeResult =
  | { ok: true; pixels: Uint8Array; count: number; skipped: SkippedFile[] }
  | { ok: false; reason: string };

interface Pending {
  resolve(result: DecodeResult): void;
  onProgress(done: number, total: number): void;
}

function createImagesWorker(): Worker {
  return new Worker(new URL('../worker/images/images.worker.ts', import.meta.url), {
    type: 'module',
  });
}

export class ImageDecoder {
  readonly #worker: LazyWorker<ToImagesWorker, FromImagesWorker>;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  constructor(createWorker: () => Worker = createImagesWorker) {
    this.#worker = new LazyWorker(createWorker, {
      receive: (message) => this.#receive(message),
      failed: (detail) =>
        this.#failAll(`The image decoder stopped with an error: ${detail || 'it failed to load'}`),
    });
  }

  decode(
    files: File[],
    className: string,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<DecodeResult> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve, onProgress });
      this.#worker.post({ type: 'decode', id, files, className });
    });
  }

  dispose(): void {
    this.#worker.terminate();
    this.#failAll('The image decoder was closed.');
  }

  #failAll(reason: string): void {
    for (const pending of this.#pending.values()) pending.resolve({ ok: false, reason });
    this.#pending.clear();
  }

  #receive(message: FromImagesWorker): void {
    const pending = this.#pending.get(message.replyTo);
    if (!pending) return;
    switch (message.type) {
      case 'progress':
        pending.onProgress(message.done, message.total);
        return;
      case 'decoded':
        this.#pending.delete(message.replyTo);
        pending.resolve({
          ok: true,
          pixels: message.pixels,
          count: message.count,
          skipped: message.skipped,
        });
        return;
      case 'refused':
        this.#pending.delete(message.replyTo);
        pending.resolve({ ok: false, reason: message.reason });
        return;
      case 'error':
        this.#pending.delete(message.replyTo);
        pending.resolve({ ok: false, reason: message.message });
        return;
      default: {
        const unhandled: never = message;
        throw new Error(`Unhandled message: ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
