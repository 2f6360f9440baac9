import { describe, expect, it } from 'vitest';
import type { ClassFigures } from '../../core/types';
import { classCaption, namesText, problemClasses } from './classCaption';

/** Figures made by hand: `confusion` counts and each cell's loss, confidences not read here. */
function figures(confusion: number[][], lossSum: number[][]): ClassFigures {
  return {
    confusion,
    lossSum,
    confidenceSum: confusion.map(() => 0),
    classwiseEce: confusion.map(() => 0),
  };
}

const NAMES = ['cat', 'dog', 'frog', 'ship'];

describe('classCaption', () => {
  it('names the classes with twice the mean loss and the costliest confusion', () => {
    // Two classes can pass the bar only if the others are nearly loss-free, so six classes.
    const six = figures(
      [
        [10, 15, 0, 0, 0, 0],
        [12, 13, 0, 0, 0, 0],
        [0, 0, 25, 0, 0, 0],
        [0, 0, 0, 25, 0, 0],
        [0, 0, 0, 0, 25, 0],
        [0, 0, 0, 0, 0, 25],
      ],
      [
        [2, 30, 0, 0, 0, 0],
        [24, 2, 0, 0, 0, 0],
        [0, 0, 1, 0, 0, 0],
        [0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 1],
      ],
    );
    // Total 62 over 150: mean 0.4133, bar 0.8267. cat 32/25 = 1.28 ✓, dog 26/25 = 1.04 ✓, the
    // rest 0.04. cat + dog: 58/62 = 93.5% of the loss, 50/150 = 33.3% of the examples, right
    // 23/50 = 46%. Costliest: cat → dog, 15 examples, 30/62 = 48.4%.
    const names = [...NAMES, 'bird', 'deer'];
    expect(problemClasses(six).map((row) => row.classIndex)).toEqual([0, 1]);
    expect(classCaption(six, names, 7)).toBe(
      'Epoch 7: cat and dog carry 93.5% of the loss (33.3% of the examples) at 46% accuracy; ' +
        'cat → dog is the costliest confusion (15 examples, 48.4% of the loss).',
    );
  });

  it('names the single worst class when none has twice the mean', () => {
    // Losses cat 19, dog 16, frog 2, ship 2 over 100: mean 0.39, bar 0.78; cat's 0.76 misses it,
    // so the class with the largest share, cat, is named alone.
    const four = figures(
      [
        [20, 5, 0, 0],
        [0, 25, 0, 0],
        [0, 0, 25, 0],
        [0, 0, 1, 24],
      ],
      [
        [4, 15, 0, 0],
        [0, 16, 0, 0],
        [0, 0, 2, 0],
        [0, 0, 1.5, 0.5],
      ],
    );
    // cat 19/39 = 48.7% of the loss, 25 % of the examples, 20/25 = 80% right. Costliest: cat →
    // dog (loss 15) before ship → frog (1.5).
    expect(classCaption(four, NAMES, 3)).toBe(
      'Epoch 3: cat carries 48.7% of the loss (25% of the examples) at 80% accuracy; ' +
        'cat → dog is the costliest confusion (5 examples, 38.5% of the loss).',
    );
  });

  it('reads right for two classes', () => {
    // Pullover: 90 right (loss 9), 10 → Coat (loss 30); Coat: 100 right (loss 1). Total 40 over
    // 200: mean 0.2, bar 0.4; Pullover 39/100 = 0.39 ✗ → the largest share, Pullover, alone.
    const two = figures(
      [
        [90, 10],
        [0, 100],
      ],
      [
        [9, 30],
        [0, 1],
      ],
    );
    expect(classCaption(two, ['Pullover', 'Coat'], 12)).toBe(
      'Epoch 12: Pullover carries 97.5% of the loss (50% of the examples) at 90% accuracy; ' +
        'Pullover → Coat is the costliest confusion (10 examples, 75% of the loss).',
    );
  });

  it('says when nothing is misclassified, or there is no loss at all', () => {
    const right = figures(
      [
        [3, 0],
        [0, 1],
      ],
      [
        [0.3, 0],
        [0, 0.1],
      ],
    );
    // Mean 0.1, bar 0.2: neither (0.1 each) → the largest share, class 0 (75%).
    expect(classCaption(right, ['a', 'b'], 1)).toBe(
      'Epoch 1: a carries 75% of the loss (75% of the examples) at 100% accuracy; no example is misclassified.',
    );
    const free = figures(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    );
    expect(classCaption(free, ['a', 'b'], 2)).toBe(
      'Epoch 2: no loss to share out among the classes.',
    );
  });

  it('joins names', () => {
    expect(namesText(['a'])).toBe('a');
    expect(namesText(['a', 'b'])).toBe('a and b');
    expect(namesText(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
