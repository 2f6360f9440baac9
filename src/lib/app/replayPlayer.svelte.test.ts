import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validRunFileText } from '../core/files/runFileParse.fixture';
import { CONFIG } from '../worker/train/client.fixture';
import { clientWithFakeWorkers } from '../worker/train/fakeWorker.fixture';
import { ReplayPlayer } from './replayPlayer.svelte';

// The fixture run: 2 epochs of 10 validation images (5 per class), webgl, early-stopped at epoch 2.
function setup() {
  const { client, worker } = clientWithFakeWorkers();
  client.init('auto');
  const player = new ReplayPlayer(client, async () => validRunFileText);
  return { client, worker, player };
}

describe('ReplayPlayer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('plays the shipped run epoch by epoch into the client’s own fields, then stops', async () => {
    const { client, player } = setup();
    expect(await player.playShipped()).toBe(true);
    expect(player.active).toBe(true);
    expect(client.opened).toBe(true);
    expect(client.shownStatus).toBe('done');
    expect(client.epochs).toHaveLength(1);
    expect(client.logitsHistory).toHaveLength(1);
    expect(client.runConfig?.validationSize).toBe(10);
    expect(player.playing).toBe(true);
    await vi.advanceTimersByTimeAsync(1000 / player.speed);
    expect(client.epochs).toHaveLength(2);
    expect(client.runState?.earlyStop).toEqual({
      metric: 'loss',
      bestEpoch: 1,
      stoppedAfterEpoch: 2,
    });
    expect(player.playing).toBe(false); // the last epoch: nothing more to play
  });

  it('pauses, scrubs and plays again from the start after the end', async () => {
    const { client, player } = setup();
    await player.playShipped();
    player.pause();
    await vi.advanceTimersByTimeAsync(5000);
    expect(client.epochs).toHaveLength(1);
    player.seek(2);
    expect(player.epoch).toBe(2);
    expect(client.epochs).toHaveLength(2);
    player.seek(99); // clamped
    expect(player.epoch).toBe(2);
    player.resume(); // at the end: from epoch 1 again
    expect(player.epoch).toBe(1);
    expect(player.playing).toBe(true);
  });

  it('asks the worker for the validation images (a preview of ⌈v/2⌉ per class) and keeps v of them', async () => {
    const { client, worker, player } = setup();
    await player.playShipped();
    const request = worker().posted.at(-1);
    expect(request).toMatchObject({ type: 'preview', classes: ['pullover', 'coat'], perClass: 5 });
    const pixels = 784;
    const image = (value: number) => new Uint8Array(5 * pixels).fill(value);
    worker().emit({
      type: 'samples',
      replyTo: (request as { id: number }).id,
      samples: { classes: ['pullover', 'coat'], pixels: [image(1), image(2)], perClass: 5 },
    });
    expect(client.validationImages?.length).toBe(10 * pixels);
    expect(client.validationImages?.[5 * pixels]).toBe(2);
    expect(client.samples).toBeNull(); // the dataset preview is left alone
  });

  it('never replaces a live run, and Reset ends the replay', async () => {
    const { client, player } = setup();
    client.train(CONFIG, { link: '#seed=1' });
    expect(await player.playShipped()).toBe(false);
    expect(player.problem).toMatch(/Reset first/);
    client.reset();
    expect(await player.playShipped()).toBe(true);
    client.reset();
    expect(player.active).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(client.epochs).toHaveLength(0);
  });

  it('says why a recording could not be loaded', async () => {
    const { client } = clientWithFakeWorkers();
    const broken = new ReplayPlayer(client, async () => '{"format":"something/else"}');
    expect(await broken.playShipped()).toBe(false);
    expect(broken.problem).toMatch(/could not be loaded \(not a run file/);
  });
});
