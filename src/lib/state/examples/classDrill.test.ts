import { describe, expect, it } from 'vitest';
import { classDrillView, examplesOfClass } from './classDrill';

// Five 3-class rows. Losses by hand: [0, 0, ln 4] against class 0 or 1 is ln 6, against 2 ln 1.5;
// [ln 4, 0, 0] against 0 is ln 1.5, against 1 ln 6; [0, 0, 0] against any is ln 3 (predicted 0).
const L4 = Math.log(4);
const logits = Float32Array.from([0, 0, L4, L4, 0, 0, 0, 0, 0, 0, 0, L4, L4, 0, 0]);
const labels = Uint8Array.from([0, 0, 0, 1, 1]);

describe('examplesOfClass', () => {
  it('lists a class’s examples, highest loss first', () => {
    // Class 0: #0 (ln 6, predicted 2), #2 (ln 3, predicted 0), #1 (ln 1.5, predicted 0).
    const found = examplesOfClass(logits, labels, 0);
    expect(found.map((e) => e.index)).toEqual([0, 2, 1]);
    expect(found[0].loss).toBeCloseTo(Math.log(6), 6);
  });

  it('narrows to a cell of the confusion matrix', () => {
    expect(examplesOfClass(logits, labels, 0, 0).map((e) => e.index)).toEqual([2, 1]);
    expect(examplesOfClass(logits, labels, 0, 2).map((e) => e.index)).toEqual([0]);
    // Class 1: #3 predicted 2 (ln 6), #4 predicted 0 (ln 6): ties in dataset order.
    expect(examplesOfClass(logits, labels, 1, 1)).toEqual([]);
    expect(examplesOfClass(logits, labels, 1).map((e) => e.index)).toEqual([3, 4]);
  });

  it('titles the dialog with the class names', () => {
    const view = classDrillView({ epoch: 4, trueClass: 0, predicted: 2 }, logits, labels, [
      'cat',
      'dog',
      'frog',
    ]);
    expect(view.title).toBe('cat predicted as frog');
    expect(view.part).toBe('wrong only');
    expect(view.epoch).toBe(4);
    expect(
      classDrillView({ epoch: 1, trueClass: 1, predicted: null }, logits, labels, []).title,
    ).toBe('True class class 1');
  });
});
