import { describe, expect, it } from 'vitest';
import { classSizeProblem, tooFewImages, tooManyImages } from './limits';

describe('images per class', () => {
  it('refuses fewer than 10, before training, saying why', () => {
    expect(tooFewImages('cats', 9)).toBe(
      '“cats” has 9 usable images; at least 10 per class are needed to train.',
    );
    expect(tooFewImages('cats', 1)).toBe(
      '“cats” has 1 usable image; at least 10 per class are needed to train.',
    );
    expect(tooFewImages('cats', 10)).toBeNull();
  });

  it('refuses more than 20,000, before decoding, saying why', () => {
    expect(tooManyImages('dogs', 20_001)).toBe(
      '“dogs” has 20,001 images; at most 20,000 per class are accepted. Choose a smaller folder.',
    );
    expect(tooManyImages('dogs', 20_000)).toBeNull();
  });

  it('checks both ends at once', () => {
    expect(classSizeProblem('a', 9)).toMatch(/at least 10/);
    expect(classSizeProblem('a', 20_001)).toMatch(/at most 20,000/);
    expect(classSizeProblem('a', 10)).toBeNull();
    expect(classSizeProblem('a', 20_000)).toBeNull();
  });
});
