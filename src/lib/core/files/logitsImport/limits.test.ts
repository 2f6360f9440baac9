import { describe, expect, it } from 'vitest';
import { checkDimensions, checkFileBytes, formatCount } from './limits';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(50_000_000)).toBe('50,000,000');
  });
});

describe('checkDimensions', () => {
  it('accepts the largest run at every limit', () => {
    // 500 × 100,000 × 1 would be under the value cap but has one class; 5 × 100,000 × 100
    // = 50,000,000 exactly, which is allowed.
    expect(checkDimensions(5, 100_000, 100)).toBeNull();
    expect(checkDimensions(1_000, 25_000, 2)).toBeNull();
    expect(checkDimensions(1, 50, 1_000)).toBeNull();
  });

  it('names the first limit passed, with the numbers', () => {
    expect(checkDimensions(40, 200_000, 10)).toBe(
      '40 epochs × 200,000 examples × 10 classes: more than the 100,000 examples the page can hold',
    );
    expect(checkDimensions(1_001, 1, 2)).toBe(
      '1,001 epochs × 1 example × 2 classes: more than the 1,000 epochs the page can hold',
    );
    expect(checkDimensions(1, 1, 1_001)).toBe(
      '1 epoch × 1 example × 1,001 classes: more than the 1,000 classes the page can hold',
    );
    // 5 × 100,000 × 101 = 50,500,000.
    expect(checkDimensions(5, 100_000, 101)).toBe(
      '5 epochs × 100,000 examples × 101 classes = 50,500,000 logits: ' +
        'more than the 50,000,000 the page can hold',
    );
    expect(checkDimensions(2, 0, 2)).toMatch(/holds no examples$/);
  });
});

describe('checkFileBytes', () => {
  it('refuses only past the limit, in whole MiB', () => {
    const limit = 512 * 1024 * 1024;
    expect(checkFileBytes('a.npz', limit, limit)).toBeNull();
    // 600 MiB + 1 byte rounds up to 601 MiB.
    expect(checkFileBytes('a.npz', 600 * 1024 * 1024 + 1, limit)).toBe(
      'a.npz is 601 MiB: more than the 512 MiB the page can read',
    );
  });
});
