import { describe, expect, it } from 'vitest';
import {
  defaultClassName,
  draftsProblem,
  emptyClass,
  emptySide,
  initialDrafts,
  resized,
  type DraftClass,
} from './draftClasses';

/** A class of `count` decoded images named `name`. */
const filled = (name: string, count: number): DraftClass => ({
  ...emptyClass(name),
  pixels: new Uint8Array(count * 784),
  count,
});

describe('the classes being added', () => {
  it('start as two empty classes named A and B, and name up to J', () => {
    expect(initialDrafts().map((draft) => [draft.name, draft.pixels])).toEqual([
      ['Class A', null],
      ['Class B', null],
    ]);
    expect(defaultClassName(9)).toBe('Class J');
  });

  it('grow and shrink within 2 to 10, keeping the first ones', () => {
    const three = resized([filled('cats', 12)], 3);
    expect(three.map((draft) => draft.name)).toEqual(['cats', 'Class B', 'Class C']);
    expect(resized(three, 1)).toHaveLength(2);
    expect(resized(three, 14)).toHaveLength(10);
  });

  it('put a lone folder on the first empty class, or a new one when all have images', () => {
    expect(emptySide([filled('a', 10), emptyClass('b'), emptyClass('c')])).toBe(1);
    expect(emptySide([filled('a', 10), filled('b', 10)])).toBe(2);
    expect(emptySide(Array.from({ length: 10 }, (_, i) => filled(`c${i}`, 10)))).toBe(9);
  });

  it('say why they cannot be saved: a class without images, too few images, a repeated name', () => {
    const three = [filled('cats', 12), filled('dogs', 13), emptyClass('birds')];
    expect(draftsProblem(three)).toBe(
      'Add images for every class (class 2 has none), or remove it.',
    );
    expect(draftsProblem([three[0], three[1], filled('birds', 9)])).toBe(
      '“birds” has 9 usable images; at least 10 per class are needed to train.',
    );
    expect(draftsProblem([three[0], three[1], filled('cats', 10)])).toBe(
      'Two classes are named “cats”: each needs its own name.',
    );
    expect(draftsProblem([three[0], three[1], filled('birds', 10)])).toBeNull();
  });
});
