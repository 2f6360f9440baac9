// The page's side of the calibration worker (worker/calibrate/calibrate.worker.ts): it sends the logits
// to fit, the slider's T to evaluate and the runs to rank, and keeps the latest answers in
// $state.raw fields the temperature panel reads. Large logits only: a playground run's 2000 × 2
// is fitted inline in milliseconds and keeps its instant slider (calibratesInWorker says which).
//
// Latest wins, with nothing queued behind it: while the worker fits one set of logits, a newer
// set waits (and replaces any set already waiting), and while it evaluates one T, the newest T
// asked for waits. Replies for a set or a T the page has moved past are dropped by their id.

import type { PosthocReport } from '../core/metrics';
import type { TemperatureEvaluation } from '../core/metrics';
import type { Labels, TemperatureFit } from '../core/types';
import type { FromCalibrateWorker, ToCalibrateWorker } from '../worker/calibrate/calibrateProtocol';
import { LazyWorker } from './lazyWorker';

/**
 * Up to this many logits (N × K) are fitted on the main thread. Fitting 10,000 × 2 there (86
 * golden-section passes, then Platt and isotonic) takes ≈ 20–30 ms, about the most that leaves
 * the page no long task; 20,000 × 10 took ≈ 0.4 s, a frozen page.
 */
export const INLINE_MAX_VALUES = 20_000;

/** Whether these logits are fitted in the calibration worker rather than inline. */
export function calibratesInWorker(logits: Float32Array): boolean {
  return logits.length > INLINE_MAX_VALUES;
}

function createCalibrateWorker(): Worker {
  return new Worker(new URL('../worker/calibrate/calibrate.worker.ts', import.meta.url), {
    type: 'module',
  });
}

type FitCommand = Extract<ToCalibrateWorker, { type: 'fit' }>;

/**
 * A copy of the logits for the worker, whose buffer is then transferred. Copied because the
 * page keeps reading its own; copied by `slice` rather than by postMessage because an imported
 * epoch's logits can be a view on one buffer holding every epoch, which postMessage would
 * copy whole.
 */
function ownCopy(logits: Float32Array, labels: Labels) {
  const copy = { logits: logits.slice(), labels: labels.slice() };
  return { ...copy, transfer: [copy.logits.buffer, copy.labels.buffer] };
}

export class Calibrator {
  /** The fit being computed for the current logits: its example count; null when none is. */
  fitting = $state.raw<{ examples: number } | null>(null);
  /** The current logits' fit and the evaluation half at the fitted T. */
  fitted = $state.raw<{ fit: TemperatureFit; atFitted: TemperatureEvaluation } | null>(null);
  /** Temperature, Platt and isotonic compared; it arrives after `fitted`. */
  posthoc = $state.raw<PosthocReport | null>(null);
  /** The latest answer for a T chosen on the slider (for the current logits). */
  evaluated = $state.raw<{ T: number; evaluation: TemperatureEvaluation } | null>(null);
  /** Why the current logits could not be fitted, in plain words; null otherwise. */
  problem = $state<string | null>(null);

  #worker: LazyWorker<ToCalibrateWorker, FromCalibrateWorker>;
  #nextId = 1;
  /** The fit whose answers the page shows. */
  #currentFit: number | null = null;
  /** The fit the worker is computing (until its `posthoc` or `error`). */
  #computingFit: number | null = null;
  #waitingFit: { command: FitCommand; transfer: Transferable[] } | null = null;
  #evaluating: { id: number; fitId: number } | null = null;
  #waitingT: number | null = null;
  #reports = new Map<
    number,
    { resolve: (report: PosthocReport) => void; reject: (error: Error) => void }
  >();

  constructor(createWorker: () => Worker = createCalibrateWorker) {
    this.#worker = new LazyWorker(createWorker, {
      receive: (message) => this.#receive(message),
      failed: (detail) =>
        this.#stopped(`The calibration stopped unexpectedly (${detail || 'worker error'}).`, true),
    });
  }

  /**
   * Fits these logits (the page's own are not touched); their answers replace any earlier.
   * `seed` is the run's seed, which draws the held-out split.
   */
  fit(logits: Float32Array, labels: Labels, seed: number): void {
    const id = this.#nextId++;
    this.#currentFit = id;
    this.fitting = { examples: labels.length };
    this.fitted = null;
    this.posthoc = null;
    this.evaluated = null;
    this.problem = null;
    this.#waitingT = null;
    const { transfer, ...copy } = ownCopy(logits, labels);
    const command: FitCommand = { type: 'fit', id, seed, ...copy };
    if (this.#computingFit !== null) {
      this.#waitingFit = { command, transfer };
      return;
    }
    this.#sendFit(command, transfer);
  }

  /** Evaluates the current logits at T once they are fitted; only the newest T waits its turn. */
  evaluate(T: number): void {
    const fitId = this.#currentFit;
    if (fitId === null || this.fitted === null) return;
    if (this.#evaluating !== null) {
      this.#waitingT = T;
      return;
    }
    const id = this.#nextId++;
    this.#evaluating = { id, fitId };
    this.#send({ type: 'evaluate', id, fitId, T });
  }

  /** Forgets the current logits: nothing to show. */
  clear(): void {
    this.#currentFit = null;
    this.#waitingFit = null;
    this.#waitingT = null;
    this.fitting = null;
    this.fitted = null;
    this.posthoc = null;
    this.evaluated = null;
    this.problem = null;
  }

  /** The post-hoc report of a saved run's logits, on the split its seed draws, computed in the worker. */
  report(logits: Float32Array, labels: Labels, seed: number): Promise<PosthocReport> {
    const id = this.#nextId++;
    const { transfer, ...copy } = ownCopy(logits, labels);
    return new Promise((resolve, reject) => {
      this.#reports.set(id, { resolve, reject });
      this.#send({ type: 'report', id, seed, ...copy }, transfer);
    });
  }

  dispose(): void {
    this.#worker.terminate();
    this.#stopped('The calibration worker was closed.');
  }

  #sendFit(command: FitCommand, transfer: Transferable[]): void {
    this.#computingFit = command.id;
    this.#send(command, transfer);
  }

  #send(command: ToCalibrateWorker, transfer: Transferable[] = []): void {
    this.#worker.post(command, transfer);
  }

  /** Everything in flight is lost with the worker; `showProblem` says so in the panel. */
  #stopped(reason: string, showProblem = false): void {
    this.#computingFit = null;
    this.#waitingFit = null;
    this.#evaluating = null;
    this.#waitingT = null;
    for (const pending of this.#reports.values()) pending.reject(new Error(reason));
    this.#reports.clear();
    if (showProblem && this.#currentFit !== null && this.fitting !== null) {
      this.fitting = null;
      this.problem = reason;
    }
  }

  #receive(message: FromCalibrateWorker): void {
    const report = this.#reports.get(message.replyTo);
    if (report) {
      this.#reports.delete(message.replyTo);
      if (message.type === 'posthoc') report.resolve(message.report);
      else if (message.type === 'error') report.reject(new Error(message.message));
      return;
    }
    if (this.#evaluating?.id === message.replyTo) {
      this.#evaluated(message, this.#evaluating.fitId);
      return;
    }
    const current = message.replyTo === this.#currentFit;
    switch (message.type) {
      case 'fitted':
        if (current) {
          this.fitting = null;
          this.fitted = { fit: message.fit, atFitted: message.atFitted };
        }
        return;
      case 'posthoc':
        if (current) this.posthoc = message.report;
        this.#fitDone(message.replyTo);
        return;
      case 'error':
        if (current) {
          this.fitting = null;
          this.problem = message.message;
        }
        this.#fitDone(message.replyTo);
        return;
      case 'evaluated':
        return;
      // Per-epoch fixes are asked for and read by EpochFixer (epochFixer.svelte.ts), not here.
      case 'fixes-progress':
      case 'fixes':
        return;
      default:
        return message satisfies never;
    }
  }

  /** The worker is free of fit `id`: the newest waiting set, if any, goes next. */
  #fitDone(id: number): void {
    if (id !== this.#computingFit) return;
    this.#computingFit = null;
    const waiting = this.#waitingFit;
    this.#waitingFit = null;
    if (waiting) this.#sendFit(waiting.command, waiting.transfer);
  }

  #evaluated(message: FromCalibrateWorker, fitId: number): void {
    this.#evaluating = null;
    const current = fitId === this.#currentFit;
    if (current && message.type === 'evaluated')
      this.evaluated = { T: message.T, evaluation: message.evaluation };
    const waiting = this.#waitingT;
    this.#waitingT = null;
    if (waiting !== null && !(current && message.type === 'evaluated' && message.T === waiting))
      this.evaluate(waiting);
  }
}
