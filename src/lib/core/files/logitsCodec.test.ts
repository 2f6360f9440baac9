import { describe, expect, it } from 'vitest';
import { decodeFloat32, encodedLength, encodeFloat32 } from './logitsCodec';

/** The values' raw bits: equal bits mean bit-for-bit equal floats (−0 and NaN payloads too). */
const bitsOf = (values: Float32Array) => Array.from(new Uint32Array(values.slice().buffer));

function roundTrip(values: Float32Array): Float32Array {
  const decoded = decodeFloat32(encodeFloat32(values), values.length);
  if (typeof decoded === 'string') throw new Error(decoded);
  return decoded;
}

describe('float32 logits as little-endian base64', () => {
  it('encodes 1.0 as its little-endian bytes 00 00 80 3f', () => {
    // base64 of [0x00, 0x00, 0x80, 0x3f], checked by hand: 000000 000000 001000 000000 111111 (==)
    expect(encodeFloat32(new Float32Array([1]))).toBe('AACAPw==');
    expect(Array.from(decodeFloat32('AACAPw==', 1) as Float32Array)).toEqual([1]);
  });

  it('round-trips every awkward float32 bit for bit', () => {
    const bits = new Uint32Array([
      0x00000000, // +0
      0x80000000, // −0
      0x00000001, // smallest subnormal
      0x807fffff, // largest negative subnormal
      0x00800000, // smallest normal
      0x7f7fffff, // largest finite
      0x7f800000, // +Inf
      0xff800000, // −Inf
      0x7fc00000, // quiet NaN
      0x7fa00001, // NaN with a payload
      0xffc12345, // negative NaN with a payload
      0x3f1eb852, // 0.62
      0xbf051eb8, // −0.52
    ]);
    const values = new Float32Array(bits.buffer);
    expect(bitsOf(roundTrip(values))).toEqual(Array.from(bits));
  });

  it('round-trips every length modulo 3 (all three paddings) and the empty array', () => {
    for (let count = 0; count <= 7; count++) {
      const values = Float32Array.from({ length: count }, (_, i) => (i - 3) * 1.37e-3);
      const text = encodeFloat32(values);
      expect(text.length).toBe(encodedLength(count));
      expect(bitsOf(roundTrip(values))).toEqual(bitsOf(values));
    }
  });

  it('round-trips a whole epoch of seeded random logits; its size is the docs/run-file.md figure', () => {
    let state = 12345;
    const next = () =>
      ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 60;
    const values = Float32Array.from({ length: 4000 }, next);
    const text = encodeFloat32(values);
    expect(text.length).toBe(21_336); // 2000 examples × 2 logits × 4 bytes, × 4/3
    expect(bitsOf(roundTrip(values))).toEqual(bitsOf(values));
  });

  it('agrees with Node’s own base64 of the little-endian bytes', () => {
    const values = new Float32Array([3.5, -1e-40, 12, -12]);
    const bytes = Buffer.alloc(16);
    values.forEach((value, i) => bytes.writeFloatLE(value, 4 * i));
    expect(encodeFloat32(values)).toBe(bytes.toString('base64'));
  });

  it('names what is wrong with a bad string instead of throwing', () => {
    expect(decodeFloat32('AACAPw=', 1)).toMatch(/multiple of 4/);
    expect(decodeFloat32('AAC*Pw==', 1)).toMatch(/character 4 is not base64/);
    expect(decodeFloat32('AA=APw==', 1)).toMatch(/not base64/);
    expect(decodeFloat32('AACAPw==', 2)).toMatch(/4 bytes, expected 8/);
    expect(decodeFloat32('AACA😀==', 1)).toMatch(/not base64/);
  });
});
