// The command queue, through the run controller in Node with fakes: every command answered by
// its id, Pause and Reset stopping the loop an earlier command started, failures reported.
import { describe, expect, it } from 'vitest';
import type { FromWorker } from './protocol';
import { RunController } from './runController';
import { CONFIG, FakeRun, RUN, fakeServices, setup } from './runController.fixture';

describe('RunController', () => {
  it('answers every command by its id and stops after the last epoch', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, statuses, of } = setup(run);
    const id = start('train');
    await controller.idle();
    expect(of('backend')[0].replyTo).toBe(1);
    // Acknowledged on arrival ('loading'), then the loop's own reports.
    expect(statuses()).toEqual([`loading@${id}`, `loading@${id}`, `training@${id}`, `done@${id}`]);
    const epochs = of('epoch');
    expect(epochs.map((m) => m.metrics.epoch)).toEqual([1, 2, 3]);
    expect(epochs.map((m) => m.state.finished)).toEqual([false, false, true]);
    expect(epochs[0].validationLabels).toEqual(new Uint8Array([0, 1])); // first epoch only
    expect(epochs[1].validationLabels).toBeUndefined();
    // A finished run trains no more: Train again is answered "done".
    const again = start('train');
    await controller.idle();
    expect(statuses().at(-1)).toBe(`done@${again}`);
  });

  it('Pause stops at a batch boundary and is answered by its own id once stopped', async () => {
    const run = new FakeRun([0.5, 0.4, 0.3]);
    const { controller, start, send, statuses, of } = setup(run);
    const trainId = start('train');
    await new Promise((resolve) => setTimeout(resolve, 2)); // a batch or two into epoch 1
    const pauseId = send({ type: 'pause' });
    await controller.idle();
    expect(of('epoch')).toHaveLength(0);
    expect(statuses().slice(-2)).toEqual([`paused@${trainId}`, `paused@${pauseId}`]);
    const resumeId = start('train'); // continues the same run
    await controller.idle();
    expect(of('epoch').map((m) => m.metrics.epoch)).toEqual([1, 2, 3]);
    expect(statuses().at(-1)).toBe(`done@${resumeId}`);
  });

  it('Reset disposes the run and answers idle; commands queued before it are cancelled', async () => {
    const run = new FakeRun(new Array(1000).fill(0.5));
    const { controller, start, send, statuses, of, messages } = setup(run, {
      config: { ...CONFIG, epochs: 1000 },
    });
    start('train');
    await expect.poll(() => of('progress').length).toBeGreaterThan(0); // the loop is running
    const queued = start('train'); // queued behind the running loop
    const resetId = send({ type: 'reset' });
    await controller.idle();
    expect(run.disposed).toBe(true);
    expect(of('epoch').length).toBeLessThan(1000);
    // The queued Train trains nothing: it is answered with where things stood at its turn.
    expect(statuses().slice(-3)).toEqual(['paused@2', `paused@${queued}`, `idle@${resetId}`]);
    expect(messages.at(-2)).toMatchObject({ type: 'memory' }); // freed, then idle
  });

  it('reports a failed start as an error naming the command, and holds no run', async () => {
    const messages: FromWorker[] = [];
    const failing = new RunController(
      fakeServices({
        post: (message) => messages.push(message),
        createRun: async () => {
          throw new Error('coat-train.bin: 404');
        },
        storage: {
          startRun: async () => null,
          saveEpoch: async () => null,
          finish: async () => null,
          saveEvents: async () => null,
        },
      }),
    );
    failing.handle({ type: 'init', id: 1, backend: 'cpu', dataUrl: 'x' });
    failing.handle({ type: 'train', id: 2, config: CONFIG, run: RUN });
    await failing.idle();
    const statuses = messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
    expect(statuses).toEqual(['loading', 'loading', 'idle']);
    expect(messages.at(-1)).toEqual({ type: 'error', replyTo: 2, message: 'coat-train.bin: 404' });
  });
});
