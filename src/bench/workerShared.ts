/// <reference lib="webworker" />
// What every measurement in the bench worker shares: the dataset it trains on, its log lines to
// the page, the progress messages the app worker also posts, and the timed epoch.

import { DatasetStore, loadClasses, type ClassData } from '../lib/core/data';
import { startCounting } from './counters';
import type { EpochSample, FromBenchWorker, Workload } from './protocol';
import { workloadClasses, type Runner } from './variants';

declare const self: DedicatedWorkerGlobalScope;

let store: DatasetStore | null = null;

export function post(message: FromBenchWorker): void {
  self.postMessage(message);
}

export function log(text: string): void {
  post({ type: 'log', text });
}

/** Where the dataset files are served; set by the page's `init` request. */
export function useDataset(dataUrl: string): void {
  store = new DatasetStore(dataUrl);
}

export function loadData(workload: Workload): Promise<ClassData> {
  if (!store) throw new Error('init first');
  return loadClasses(store, workloadClasses(workload), workload.trainSize, workload.validationSize);
}

export const reportProgress = (imagesPerSecond: number) => {
  // The app worker posts a progress message every PROGRESS_INTERVAL_MS; so does the bench.
  self.postMessage({ type: 'progress', imagesPerSecond });
};

/** One training epoch of `runner`, timed, then the between-epoch work (validation), timed apart. */
export async function timedEpochAndValidation(
  runner: Runner,
): Promise<{ sample: EpochSample; validationMs: number }> {
  const count = startCounting();
  const start = performance.now();
  await runner.trainEpoch();
  const ms = performance.now() - start;
  const sample = { ms, images: runner.imagesPerEpoch, counts: count() };
  const validationStart = performance.now();
  await runner.betweenEpochs();
  return { sample, validationMs: performance.now() - validationStart };
}

/** Times one training epoch of `runner` (the between-epoch work runs after, untimed). */
export async function timedEpoch(runner: Runner): Promise<EpochSample> {
  return (await timedEpochAndValidation(runner)).sample;
}
