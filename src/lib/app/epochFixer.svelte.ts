// The page's side of the per-epoch fixes: it sends every epoch's logits to the calibration
// worker (worker/calibrate/calibrate.worker.ts, a `fixes` command) and keeps the progress, the
// fixes and the verdict in $state.raw fields a panel reads. A worker of its own, beside the
// Calibrator's, so a 30-epoch import's fixes never hold up the temperature slider.
//
// Latest wins: a newer `compute` replaces the answer the page waits for, and replies naming an
// older request are dropped by their id.

import { chooseVerdict, type EpochFix, type FixVerdict } from '../core/metrics';
import type { Labels } from '../core/types';
import type { FromCalibrateWorker, ToCalibrateWorker } from '../worker/calibrate/calibrateProtocol';
import { LazyWorker } from './lazyWorker';

function createCalibrateWorker(): Worker {
  return new Worker(new URL('../worker/calibrate/calibrate.worker.ts', import.meta.url), {
    type: 'module',
  });
}

export class EpochFixer {
  /** Epochs done of those asked for, while computing; null otherwise. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  /** Every epoch's fixes (index e − 1: epoch e) for the latest request; null until they arrive. */
  fixes = $state.raw<EpochFix[] | null>(null);
  /** "Stop early, or rescale?" over those fixes (core/metrics chooseVerdict). */
  verdict = $state.raw<FixVerdict | null>(null);
  /** Why they could not be computed, in plain words; null otherwise. */
  problem = $state<string | null>(null);

  #worker: LazyWorker<ToCalibrateWorker, FromCalibrateWorker>;
  #nextId = 1;
  #current: number | null = null;

  constructor(createWorker: () => Worker = createCalibrateWorker) {
    this.#worker = new LazyWorker(createWorker, {
      receive: (message) => this.#receive(message),
      failed: (detail) => {
        if (this.#current === null) return;
        this.#current = null;
        this.progress = null;
        this.problem = `The calibration stopped unexpectedly (${detail || 'worker error'}).`;
      },
    });
  }

  /**
   * Fits every epoch of `epochLogits` (index e − 1: epoch e) on the split `seed` draws. The
   * page's arrays are copied (`slice`: an imported epoch can be a view on one buffer holding
   * every epoch), and the copies transferred.
   */
  compute(epochLogits: readonly Float32Array[], labels: Labels, seed: number): void {
    const id = this.#nextId++;
    this.#current = id;
    this.fixes = null;
    this.verdict = null;
    this.problem = null;
    this.progress = { done: 0, total: epochLogits.length };
    const copies = epochLogits.map((logits) => logits.slice());
    const labelsCopy = labels.slice();
    this.#worker.post({ type: 'fixes', id, epochLogits: copies, labels: labelsCopy, seed }, [
      ...copies.map((logits) => logits.buffer),
      labelsCopy.buffer,
    ]);
  }

  /** Forgets the current request and its answer. */
  clear(): void {
    this.#current = null;
    this.progress = null;
    this.fixes = null;
    this.verdict = null;
    this.problem = null;
  }

  dispose(): void {
    this.#worker.terminate();
    this.clear();
  }

  #receive(message: FromCalibrateWorker): void {
    if (message.replyTo !== this.#current) return;
    switch (message.type) {
      case 'fixes-progress':
        this.progress = { done: message.done, total: message.total };
        return;
      case 'fixes':
        this.#current = null;
        this.progress = null;
        this.fixes = message.fixes;
        this.verdict = chooseVerdict(message.fixes);
        return;
      case 'error':
        this.#current = null;
        this.progress = null;
        this.problem = message.message;
        return;
      // Answers to the Calibrator's commands, never to ours.
      case 'fitted':
      case 'posthoc':
      case 'evaluated':
        return;
      default:
        return message satisfies never;
    }
  }
}
