import { describe, expect, it } from 'vitest';
import { createCalibrateHandler } from '../worker/calibrate/calibrateHandler';
import type { FromCalibrateWorker, ToCalibrateWorker } from '../worker/calibrate/calibrateProtocol';
import { Calibrator, calibratesInWorker, INLINE_MAX_VALUES } from './calibrator.svelte';

/**
 * A Worker-shaped stand-in running the real handler: commands wait in `queue` (the worker is
 * busy) until `step` handles the next one and delivers its replies, as a worker would.
 */
class HandlerWorker {
  queue: { command: ToCalibrateWorker; transfer: Transferable[] }[] = [];
  onmessage: ((event: MessageEvent<FromCalibrateWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  #handle = createCalibrateHandler((message) =>
    this.onmessage?.(new MessageEvent('message', { data: message })),
  );

  postMessage(command: ToCalibrateWorker, transfer: Transferable[] = []): void {
    this.queue.push({ command, transfer });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Handles the oldest waiting command; returns its type. */
  step(): string {
    const next = this.queue.shift();
    if (!next) throw new Error('nothing posted');
    this.#handle(next.command);
    return next.command.type;
  }
}

function calibrator() {
  const workers: HandlerWorker[] = [];
  const client = new Calibrator(() => {
    const worker = new HandlerWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, worker: () => workers[workers.length - 1], workers };
}

// Two 2-class sets, one 3 times the other. The calibration half (even positions) is 2 and 2
// ahead and 1 behind: T ≈ 1.27136 for the first (core/metrics/temperature.test.ts works it out), so
// 3 × that for the second (NLL of 3·z at 3T is NLL of z at T).
const labels = Uint8Array.from([0, 1, 0, 1, 1, 0]);
/** The run's seed; seed 8 puts examples 0, 2 and 4 in the calibration half (heldOutSplit). */
const SEED = 8;
const small = Float32Array.from([2, 0, 0, 1, 2, 0, 1, 0, 1, 0, 0, 1]);
const large = small.map((value) => 3 * value);

describe('Calibrator', () => {
  it('sends the page a copy of its logits and transfers only the copy', () => {
    const { client, worker } = calibrator();
    client.fit(small, labels, SEED);
    expect(client.fitting).toEqual({ examples: 6 });
    const [{ command, transfer }] = worker().queue;
    if (command.type !== 'fit') throw new Error(command.type);
    expect(command.logits).not.toBe(small);
    expect(command.logits).toEqual(small);
    expect(transfer).toContain(command.logits.buffer);
    expect(transfer).not.toContain(small.buffer);
  });

  it('shows the fit, then the post-hoc report, and clears "fitting"', () => {
    const { client, worker } = calibrator();
    client.fit(small, labels, SEED);
    worker().step();
    expect(client.fitting).toBeNull();
    expect(client.fitted?.fit.calibrationCount).toBe(3);
    expect(client.fitted?.atFitted.nll).toBe(client.fitted?.fit.nllAfter);
    expect(client.posthoc?.temperature.T).toBe(client.fitted?.fit.T);
  });

  it('fits only the newest of several sets that arrive while the worker is busy', () => {
    const { client, worker } = calibrator();
    client.fit(small, labels, SEED);
    client.fit(large, labels, SEED);
    client.fit(small, labels, SEED);
    client.fit(large, labels, SEED);
    // The first went out; the others waited, and only the last of them is sent after it.
    expect(worker().queue).toHaveLength(1);
    worker().step();
    // The first set's answers are stale: the page asked for another since.
    expect(client.fitted).toBeNull();
    expect(client.fitting).toEqual({ examples: 6 });
    expect(worker().queue).toHaveLength(1);
    worker().step();
    expect(worker().queue).toHaveLength(0);
    const reference = calibrator();
    reference.client.fit(large, labels, SEED);
    reference.worker().step();
    expect(client.fitted?.fit.T).toBe(reference.client.fitted?.fit.T);
    expect(client.fitted?.fit.T).toBeCloseTo(3 * 1.27136, 4);
  });

  it('evaluates one T at a time, skipping to the newest T asked for meanwhile', () => {
    const { client, worker } = calibrator();
    client.evaluate(2); // nothing fitted yet: nothing to evaluate
    client.fit(small, labels, SEED);
    worker().step();
    client.evaluate(0.5);
    client.evaluate(0.7);
    client.evaluate(0.9);
    client.evaluate(1.5);
    const sent = () =>
      worker().queue.map(({ command }) => (command.type === 'evaluate' ? command.T : null));
    expect(sent()).toEqual([0.5]);
    worker().step();
    expect(client.evaluated?.T).toBe(0.5);
    expect(sent()).toEqual([1.5]);
    worker().step();
    expect(client.evaluated?.T).toBe(1.5);
    expect(worker().queue).toHaveLength(0);
  });

  it('drops an evaluation for logits the page has replaced', () => {
    const { client, worker } = calibrator();
    client.fit(small, labels, SEED);
    worker().step();
    client.evaluate(0.5);
    client.fit(large, labels, SEED);
    worker().step(); // the evaluation of the old set: answered, but not shown
    expect(client.evaluated).toBeNull();
    worker().step(); // the new set
    expect(client.fitted).not.toBeNull();
    expect(client.evaluated).toBeNull();
  });

  it('ranks a saved run through the worker and says when the worker failed', async () => {
    const { client, worker } = calibrator();
    const pending = client.report(small, labels, SEED);
    worker().step();
    const report = await pending;
    expect(report.calibrationCount).toBe(3);

    client.fit(small, labels, SEED);
    const lost = client.report(large, labels, SEED);
    const crash = { message: 'out of memory', preventDefault: () => undefined };
    worker().onerror?.(crash as unknown as ErrorEvent);
    await expect(lost).rejects.toThrow(/out of memory/);
    expect(worker().terminated).toBe(true);
    expect(client.fitting).toBeNull();
    expect(client.problem).toMatch(/out of memory/);
    // The next fit starts a fresh worker.
    client.fit(small, labels, SEED);
    expect(worker().queue).toHaveLength(1);
  });

  it('keeps a playground run inline and sends an imported 20,000 × 10 one to the worker', () => {
    expect(calibratesInWorker(new Float32Array(2000 * 2))).toBe(false);
    expect(calibratesInWorker(new Float32Array(INLINE_MAX_VALUES))).toBe(false);
    expect(calibratesInWorker(new Float32Array(20_000 * 10))).toBe(true);
  });
});
