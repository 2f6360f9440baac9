import { describe, expect, it } from 'vitest';
import { createCalibrateHandler } from './calibrateHandler';
import type { FromCalibrateWorker } from './calibrateProtocol';

const LN2 = Math.log(2);
const LN3 = Math.log(3);

/**
 * calibrateHandler.test.ts's four 3-class examples (its comment works them out): the calibration
 * half is [1, 0, 0] labelled 0 and 1, so T = 1/ln 2; at that T the evaluation half costs
 * (ln 2 + ln 3) / 2. Epoch 2 is epoch 1's logits doubled: NLL of 2z at 2T is NLL of z at T,
 * so its T is 2/ln 2 with the same scaled loss.
 */
const epoch1 = Float32Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
const epoch2 = epoch1.map((value) => 2 * value);
const labels = Uint8Array.from([0, 0, 1, 2]);

describe('the calibration worker handler: fixes at every epoch', () => {
  it('posts progress after each epoch, then every epoch’s fixes, all naming the request', () => {
    const replies: FromCalibrateWorker[] = [];
    const handle = createCalibrateHandler((message) => replies.push(message));
    handle({ type: 'fixes', id: 4, epochLogits: [epoch1, epoch2], labels, seed: 1 });
    expect(replies.map((reply) => reply.type)).toEqual([
      'fixes-progress',
      'fixes-progress',
      'fixes',
    ]);
    expect(replies.every((reply) => reply.replyTo === 4)).toBe(true);
    expect(replies[1]).toEqual({ type: 'fixes-progress', replyTo: 4, done: 2, total: 2 });
    const answer = replies[2];
    if (answer.type !== 'fixes') throw new Error(answer.type);
    const [first, second] = answer.fixes;
    expect(Math.abs(first.report.temperature.T * LN2 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(second.report.temperature.T * LN2 - 2)).toBeLessThan(1e-9);
    for (const fix of answer.fixes) {
      expect(fix.report.temperature.nll).toBeCloseTo((LN2 + LN3) / 2, 7);
      expect(fix.report.platt.notApplicable).toMatch(/two classes/);
    }
    // As trained, epoch 1's calibration half: [1, 0, 0] labelled 0 costs log(e + 2) − 1, labelled
    // 1 log(e + 2); their mean is log(e + 2) − ½.
    expect(first.calibrationLoss).toBeCloseTo(Math.log(Math.E + 2) - 0.5, 7);
    expect(second.epoch).toBe(2);
  });

  it('answers logits that do not fit their labels with an error naming the request', () => {
    const replies: FromCalibrateWorker[] = [];
    const handle = createCalibrateHandler((message) => replies.push(message));
    handle({ type: 'fixes', id: 5, epochLogits: [new Float32Array(5)], labels, seed: 1 });
    expect(replies).toEqual([expect.objectContaining({ type: 'error', replyTo: 5 })]);
  });
});
