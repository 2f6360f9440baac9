// The bench page: hosts the bench worker and exposes `window.bench` for the Node driver
// (scripts/bench/run.mjs), which calls it through Playwright. Nothing here is user-facing.

import '../app.css';
import { measureChartCost, type ChartCost } from './chartCost';
import type { BenchRequest, BenchResult, FromBenchWorker, ToBenchWorker } from './protocol';

export interface BenchApi {
  run(request: BenchRequest): Promise<BenchResult>;
  chartCost(totalEpochs: number): ChartCost;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}

const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
const pending = new Map<
  number,
  { resolve(result: BenchResult): void; reject(error: Error): void }
>();
let nextId = 1;

worker.onmessage = (event: MessageEvent<FromBenchWorker | { type: 'progress' }>) => {
  const message = event.data;
  switch (message.type) {
    case 'progress':
      return; // the app's progress messages, posted for fidelity; nothing to show
    case 'log':
      console.log(`[bench worker] ${message.text}`);
      return;
    case 'result':
    case 'error': {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if (message.type === 'result') waiter.resolve(message.result);
      else waiter.reject(new Error(message.message));
      return;
    }
    default: {
      const unknown: never = message;
      console.error('Unknown bench worker message', unknown);
    }
  }
};
worker.onerror = (event) => {
  const error = new Error(`Bench worker failed: ${event.message || 'it may have failed to load'}`);
  for (const waiter of pending.values()) waiter.reject(error);
  pending.clear();
};

const host = document.getElementById('charts');
if (host === null) throw new Error('bench.html must contain <div id="charts">');

window.bench = {
  run(request) {
    const id = nextId++;
    const message: ToBenchWorker = { id, request };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage(message);
    });
  },
  chartCost: (totalEpochs) => measureChartCost(host, totalEpochs),
};
document.body.dataset.ready = 'true';
