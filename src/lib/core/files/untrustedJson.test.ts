import { describe, expect, it } from 'vitest';
import { describe as describeValue, plain } from './untrustedJson';

// Every run-file error message passes through plain(message, 240), and quoted values through
// describe(): the bounds are checked here against lengths written out by hand, not against
// the constants the code cuts with.
describe('plain', () => {
  it('keeps text up to the limit and cuts longer text to the limit, ending in "…"', () => {
    expect(plain('x'.repeat(240), 240)).toBe('x'.repeat(240));
    const cut = plain('x'.repeat(241), 240);
    expect(cut).toBe(`${'x'.repeat(239)}…`);
    expect(cut).toHaveLength(240);
  });

  it('turns control, bidi-override and zero-width characters into spaces', () => {
    expect(plain('a\u0000b\u001bc\u007fd\u009fe\u200bf\u202eg\u2066h\ni', 20)).toBe(
      'a b c d e f g h i',
    );
  });
});

describe('describe', () => {
  it('quotes at most 59 characters of a string and "…"', () => {
    expect(describeValue('y'.repeat(60))).toBe(`"${'y'.repeat(60)}"`);
    expect(describeValue('y'.repeat(61))).toBe(`"${'y'.repeat(59)}…"`);
  });

  it('never quotes a whole list or object', () => {
    expect(describeValue(new Array(1000).fill(1))).toBe('a list of 1000');
    expect(describeValue({ a: 'x'.repeat(1000) })).toBe('an object');
    expect(describeValue(null)).toBe('null');
  });
});
