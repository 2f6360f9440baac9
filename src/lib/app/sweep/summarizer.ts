// The page's line to the sweep summary worker (worker/sweep): a finished run's logits go there
// (transferred, so the page keeps no copy) and its summary comes back, matched by id. Without a
// Worker (Node tests) the summary is computed in-process by the same function.

import {
  summarizeRun,
  type RunCurves,
  type RunSummary,
  type RunSummaryInput,
} from '../../core/sweep';
import type { FromSummaryWorker, ToSummaryWorker } from '../../worker/sweep/summaryProtocol';

type Summary = { summary: RunSummary; curves: RunCurves };

export class Summarizer {
  #worker: Worker | null;
  #nextId = 1;
  #waiting = new Map<number, { resolve(value: Summary): void; reject(error: Error): void }>();

  constructor(createWorker: (() => Worker) | null) {
    this.#worker = createWorker ? createWorker() : null;
    if (this.#worker) this.#worker.onmessage = (event) => this.#receive(event.data);
  }

  summarize(input: RunSummaryInput): Promise<Summary> {
    if (!this.#worker) return Promise.resolve().then(() => summarizeRun(input));
    const id = this.#nextId++;
    const message: ToSummaryWorker = { type: 'summarize', id, input };
    const buffers = input.epochLogits.map((logits) => logits.buffer as ArrayBuffer);
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker?.postMessage(message, [...new Set(buffers)]);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    for (const { reject } of this.#waiting.values()) reject(new Error('The sweep was stopped.'));
    this.#waiting.clear();
  }

  #receive(message: FromSummaryWorker): void {
    const waiting = this.#waiting.get(message.replyTo);
    if (!waiting) return;
    this.#waiting.delete(message.replyTo);
    if (message.type === 'summary') waiting.resolve(message);
    else waiting.reject(new Error(message.message));
  }
}
