import { describe, expect, it } from 'vitest';
import { float16ToNumber } from './float16';

// Each expected value worked out by hand from the bits: sign | 5-bit exponent | 10-bit fraction.
describe('float16ToNumber', () => {
  it.each([
    [0x0000, 0], // +0
    [0x3c00, 1], // exponent 15 (bias 15), fraction 0: 1 × 2^0
    [0xc000, -2], // sign, exponent 16: −1 × 2^1
    [0x3555, 0.333251953125], // exponent 13, fraction 341: (1 + 341/1024) × 2^-2
    [0x7bff, 65504], // largest finite: (1 + 1023/1024) × 2^15
    [0x0400, 0.00006103515625], // smallest normal: 2^-14
    [0x03ff, 0.000060975551605224609375], // largest subnormal: 1023 × 2^-24
    [0x0001, 0.000000059604644775390625], // smallest subnormal: 2^-24
    [0x8001, -0.000000059604644775390625],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('bits %i read as %s', (bits, value) => {
    expect(float16ToNumber(bits)).toBe(value);
  });

  it('keeps the sign of zero and reads every NaN pattern as NaN', () => {
    expect(Object.is(float16ToNumber(0x8000), -0)).toBe(true);
    for (const bits of [0x7e00, 0x7c01, 0xfe00, 0x7fff]) expect(float16ToNumber(bits)).toBeNaN();
  });
});
