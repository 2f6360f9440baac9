// The run policy, through the run controller in Node with fakes: the stop rules (last epoch,
// Step, early stopping), the divergence policy, mid-run changes and the save-then-publish order.
import { describe, expect, it } from 'vitest';
import type { SettingChangeEvent } from '../../core/types';
import { BATCHES, CONFIG, FakeRun, RUN, setup } from './runController.fixture';

describe('RunPolicy', () => {
  it('saves each epoch before publishing it, then says the save landed', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, log, messages } = setup(run, { saveDelay: 5 });
    start('train');
    await controller.idle();
    expect(log).toEqual(
      [1, 2, 3].flatMap((e) => [`save ${e} started`, `save ${e} landed`, `epoch ${e} posted`]),
    );
    const order = messages.map((m) => m.type).filter((t) => t === 'epoch' || t === 'saved');
    // One `saved` for the new run's record, then epoch → saved for each epoch.
    expect(order).toEqual(['saved', 'epoch', 'saved', 'epoch', 'saved', 'epoch', 'saved']);
  });

  it('Step trains exactly one epoch and pauses', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, statuses, of } = setup(run);
    const id = start('step');
    await controller.idle();
    expect(of('epoch')).toHaveLength(1);
    expect(statuses().at(-1)).toBe(`paused@${id}`);
  });

  it('after early stopping publishes what the restored model holds, and ends the run', async () => {
    const run = new FakeRun([0.5, 0.4, 0.45, 0.5], { epoch: 3, best: 2 });
    const { controller, start, of } = setup(run, { config: { ...CONFIG, epochs: 10 } });
    start('train');
    await controller.idle();
    const last = of('epoch').at(-1);
    expect(last?.metrics.epoch).toBe(3);
    expect(last?.state.model.epoch).toBe(2);
    expect(Array.from(last?.state.model.validationLogits ?? [])).toEqual([2, 0, 0, 2]);
    expect(last?.state.earlyStop).toEqual({ metric: 'loss', bestEpoch: 2, stoppedAfterEpoch: 3 });
    expect(last?.state.finished).toBe(true);
    expect(of('epoch')).toHaveLength(3);
  });

  it.each([
    ['a NaN validation loss', Number.NaN, /the loss became NaN or infinite/],
    ['an exploded but finite loss', 5000, /exploded to 5,000/],
  ])(
    'stops a run on %s, keeps the good epochs and closes the stored run',
    async (_, loss, text) => {
      const run = new FakeRun([0.5, loss, 0.3]);
      const { controller, start, of, log, statuses } = setup(run);
      const id = start('train');
      await controller.idle();
      expect(of('epoch').map((m) => m.metrics.epoch)).toEqual([1]);
      const diverged = of('diverged')[0];
      expect(diverged).toMatchObject({ runId: RUN.id, epoch: 2 });
      expect(diverged.message).toMatch(text);
      expect(diverged.message).toMatch(/keep the 1 good epoch\./);
      expect(log.at(-1)).toBe('finish');
      expect(statuses().at(-1)).toBe(`done@${id}`);
    },
  );

  it('applies a mid-run change at the next batch, answers it by id and records it in the state', async () => {
    const run = new FakeRun(new Array(1000).fill(0.5));
    const { controller, start, send, of } = setup(run, { config: { ...CONFIG, epochs: 1000 } });
    start('train');
    await expect.poll(() => of('progress').length).toBeGreaterThan(0); // the loop is running
    const trained = run.learningRates.length;
    const epochsBefore = run.epochsCompleted;
    const id = send({ type: 'adjust', changes: { learningRate: 0.01, focalGamma: 2 } });
    // Answered at once, while the loop still holds the queue.
    const reply = of('adjusted')[0];
    expect(reply.replyTo).toBe(id);
    const at = {
      epoch: epochsBefore + 1,
      batch: trained - epochsBefore * BATCHES,
      batchesPerEpoch: BATCHES,
    };
    const events = [
      { ...at, field: 'learningRate', from: 0.001, to: 0.01 },
      { ...at, field: 'focalGamma', from: 0, to: 2 },
    ];
    expect(reply.events).toEqual(events);
    await expect.poll(() => of('epoch').length).toBeGreaterThan(epochsBefore + 1);
    send({ type: 'pause' });
    await controller.idle();
    // The batches before used the old rate, every batch after the new one; no reset.
    expect(run.learningRates.slice(0, trained).every((rate) => rate === 0.001)).toBe(true);
    expect(run.learningRates.slice(trained).every((rate) => rate === 0.01)).toBe(true);
    expect(run.learningRates.length).toBeGreaterThan(trained);
    // Epoch messages (and saves) before the change carry none; every one after carries it.
    const perEpoch = of('epoch').map((m) => m.state.events);
    expect(perEpoch.slice(0, epochsBefore).every((list) => list.length === 0)).toBe(true);
    expect(perEpoch.slice(epochsBefore)).toEqual(perEpoch.slice(epochsBefore).map(() => events));
  });

  it('changes a paused run; refuses out-of-bounds, fixed and run-less changes with a reason', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, send, of, messages, log } = setup(run);
    const early = send({ type: 'adjust', changes: { learningRate: 0.01 } });
    expect(messages.at(-1)).toMatchObject({ type: 'error', replyTo: early });
    start('step');
    await controller.idle();
    const outOfBounds = send({ type: 'adjust', changes: { learningRate: 100 } });
    expect(messages.at(-1)).toMatchObject({ type: 'error', replyTo: outOfBounds });
    expect(String((messages.at(-1) as { message: string }).message)).toMatch(
      /learningRate is above the maximum 10/,
    );
    const fixed = send({ type: 'adjust', changes: { batchSize: 8 } });
    expect(messages.at(-1)).toMatchObject({ type: 'error', replyTo: fixed });
    expect(run.adjustable.learningRate).toBe(0.001);
    const id = send({ type: 'adjust', changes: { l2: 0.01 } });
    expect(of('adjusted').at(-1)).toMatchObject({
      replyTo: id,
      events: [{ epoch: 2, batch: 0, field: 'l2', from: 0, to: 0.01 }],
    });
    // Made between epochs: stored at once, so a resume after a reload keeps it.
    await expect.poll(() => log.at(-1)).toBe('events 1');
    start('train');
    await controller.idle();
    expect(of('epoch').at(-1)?.state.events).toHaveLength(1);
  });

  it('a resumed run continues with its saved changes applied and recorded', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, send, of } = setup(run);
    const events: SettingChangeEvent[] = [
      {
        epoch: 1,
        batch: 2,
        batchesPerEpoch: BATCHES,
        field: 'learningRate',
        from: 0.001,
        to: 0.004,
      },
      {
        epoch: 1,
        batch: 3,
        batchesPerEpoch: BATCHES,
        field: 'learningRate',
        from: 0.004,
        to: 0.002,
      },
    ];
    send({ type: 'train', config: CONFIG, run: RUN, resume: true, events });
    await controller.idle();
    expect(run.adjustable.learningRate).toBe(0.002);
    expect(run.learningRates.every((rate) => rate === 0.002)).toBe(true);
    expect(of('epoch').at(-1)?.state.events).toEqual(events);
  });
});
