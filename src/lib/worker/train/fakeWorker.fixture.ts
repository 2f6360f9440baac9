// A Worker-shaped stand-in for the client's tests: records what the page posts, and `emit`
// plays a message from the training worker.
import { TrainerClient } from './client.svelte';
import type { FromWorker, ToWorker } from './protocol';

export class FakeWorker {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(message: FromWorker): void {
    this.onmessage?.(new MessageEvent('message', { data: message }));
  }
}

/** A client whose workers are fakes: `workers` in creation order, `worker()` the current one. */
export function clientWithFakeWorkers(dataUrl = 'https://example.test/app/data/') {
  const workers: FakeWorker[] = [];
  const client = new TrainerClient({
    dataUrl,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { client, workers, worker: () => workers[workers.length - 1] };
}
