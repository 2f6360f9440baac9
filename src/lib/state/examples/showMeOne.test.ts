import { describe, expect, it } from 'vitest';
import { confidentlyWrong, sliderLogits } from './showMeOne';

describe('show me one', () => {
  const labels = Uint8Array.from([0, 0, 1, 1]);
  // Example 1 wrong by 6, example 2 wrong by 24 (the (12, −12) case), the others right.
  const logits = Float32Array.from([3, -3, -1, 5, 12, -12, 0, 2]);

  it('lists the wrong examples, highest loss first', () => {
    const wrong = confidentlyWrong(logits, labels);
    expect(wrong.map((example) => example.index)).toEqual([2, 1]);
    expect(wrong[0].loss).toBeCloseTo(24, 6);
    expect(wrong[0].label).toBe(1);
  });

  it('keeps logits that fit; centres ones that do not, keeping the gap', () => {
    expect(sliderLogits(12, -12)).toEqual({ z0: 12, z1: -12, shifted: false, narrowed: false });
    expect(sliderLogits(-7.31953, 6.749271)).toEqual({
      z0: -7.32,
      z1: 6.75,
      shifted: false,
      narrowed: false,
    });
    expect(sliderLogits(20, 4)).toEqual({ z0: 8, z1: -8, shifted: true, narrowed: false });
    expect(sliderLogits(-30, 10)).toEqual({ z0: -15, z1: 15, shifted: true, narrowed: true });
  });
});
