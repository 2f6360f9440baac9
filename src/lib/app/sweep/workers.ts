// The workers a sweep starts: its pool's training workers and the summary worker.

import { SINGLE_THREAD_WORKER_NAME } from '../../worker/train/protocol';

export function sweepTrainingWorker(): Worker {
  // The name makes the worker compute on one WebAssembly thread (worker/train/tfEnvironment.ts).
  return new Worker(new URL('../../worker/train/train.worker.ts', import.meta.url), {
    type: 'module',
    name: SINGLE_THREAD_WORKER_NAME,
  });
}

export function sweepSummaryWorker(): Worker {
  return new Worker(new URL('../../worker/sweep/summary.worker.ts', import.meta.url), {
    type: 'module',
  });
}
