import { describe, expect, it } from 'vitest';
import { createCalibrateHandler } from '../worker/calibrate/calibrateHandler';
import type { FromCalibrateWorker, ToCalibrateWorker } from '../worker/calibrate/calibrateProtocol';
import { EpochFixer } from './epochFixer.svelte';

/** A Worker-shaped stand-in: commands wait until `step` runs the real handler on the next one. */
class HandlerWorker {
  queue: { command: ToCalibrateWorker; transfer: Transferable[] }[] = [];
  onmessage: ((event: MessageEvent<FromCalibrateWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  seen: FromCalibrateWorker[] = [];
  #handle = createCalibrateHandler((message) => {
    this.seen.push(message);
    this.onmessage?.(new MessageEvent('message', { data: message }));
  });

  postMessage(command: ToCalibrateWorker, transfer: Transferable[] = []): void {
    this.queue.push({ command, transfer });
  }

  terminate(): void {}

  step(): void {
    const next = this.queue.shift();
    if (!next) throw new Error('nothing posted');
    this.#handle(next.command);
  }
}

// Two examples of two classes, one per half whatever the seed: the model is right on both at
// epoch 1 and wrong on both at epoch 2, so epoch 1 is the one stopping early keeps.
const labels = Uint8Array.from([0, 1]);
const history = [Float32Array.from([2, 0, 0, 2]), Float32Array.from([0, 3, 3, 0])];

function fixer() {
  const worker = new HandlerWorker();
  const client = new EpochFixer(() => worker as unknown as Worker);
  return { client, worker };
}

describe('EpochFixer', () => {
  it('sends copies of every epoch, shows progress, then the fixes and the verdict', () => {
    const { client, worker } = fixer();
    client.compute(history, labels, 1);
    expect(client.progress).toEqual({ done: 0, total: 2 });
    const [{ command, transfer }] = worker.queue;
    if (command.type !== 'fixes') throw new Error(command.type);
    expect(command.epochLogits[0]).not.toBe(history[0]);
    expect(Array.from(command.epochLogits[1])).toEqual([0, 3, 3, 0]);
    expect(transfer).toHaveLength(3);
    worker.step();
    expect(client.progress).toBeNull();
    expect(client.fixes?.map((fix) => fix.epoch)).toEqual([1, 2]);
    expect(client.verdict?.stopEpoch).toBe(1);
    expect(worker.seen.filter((reply) => reply.type === 'fixes-progress')).toHaveLength(2);
  });

  it('drops the answer to a request a newer one replaced', () => {
    const { client, worker } = fixer();
    client.compute(history, labels, 1);
    client.compute(history.slice(0, 1), labels, 1);
    worker.step();
    expect(client.fixes).toBeNull();
    expect(client.progress).toEqual({ done: 0, total: 1 });
    worker.step();
    expect(client.fixes).toHaveLength(1);
  });

  it('says why when the worker refuses the logits', () => {
    const { client, worker } = fixer();
    client.compute([new Float32Array(3)], labels, 1);
    worker.step();
    expect(client.fixes).toBeNull();
    expect(client.problem).toMatch(/logits/i);
  });
});
