import { describe, expect, it } from 'vitest';
import { IdxFormatError, parseIdx } from './idx';

/** A hand-built idx file: magic, big-endian dims, then `payload`. */
function idxBytes(dims: number[], payload: number[], magic = [0x00, 0x00, 0x08, dims.length]) {
  const bytes = new Uint8Array(4 + 4 * dims.length + payload.length);
  bytes.set(magic, 0);
  const view = new DataView(bytes.buffer);
  dims.forEach((size, i) => view.setUint32(4 + 4 * i, size, false));
  bytes.set(payload, 4 + 4 * dims.length);
  return bytes;
}

describe('parseIdx', () => {
  it('reads big-endian dims and the row-major payload', () => {
    const pixels = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];
    const { dims, data } = parseIdx(idxBytes([2, 2, 3], pixels));
    expect(dims).toEqual([2, 2, 3]);
    expect(Array.from(data)).toEqual(pixels);
  });

  it('reads sizes above 255 (all four dim bytes matter)', () => {
    const { dims, data } = parseIdx(idxBytes([1, 300], new Array(300).fill(7)));
    expect(dims).toEqual([1, 300]);
    expect(data.length).toBe(300);
  });

  it('returns a view into the input, not a copy', () => {
    const bytes = idxBytes([3], [9, 8, 7]);
    const { data } = parseIdx(bytes);
    expect(data.buffer).toBe(bytes.buffer);
    expect(data.byteOffset).toBe(8);
  });

  it('honours the byte offset of a subarray input', () => {
    const inner = idxBytes([2], [42, 43]);
    const outer = new Uint8Array(inner.length + 5);
    outer.set(inner, 5);
    expect(Array.from(parseIdx(outer.subarray(5)).data)).toEqual([42, 43]);
  });

  it('rejects a magic number that does not start with two zero bytes', () => {
    const bytes = idxBytes([1], [0], [0x1f, 0x8b, 0x08, 0x01]);
    expect(() => parseIdx(bytes)).toThrow(IdxFormatError);
    expect(() => parseIdx(bytes)).toThrow(/two zero bytes/);
  });

  it('rejects dtypes other than unsigned byte', () => {
    const float32 = idxBytes([1], [0, 0, 0, 0], [0x00, 0x00, 0x0d, 0x01]);
    expect(() => parseIdx(float32)).toThrow(/dtype 0x0d/);
  });

  it('rejects zero dimensions', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 0]))).toThrow(/ndims is 0/);
  });

  it('rejects input shorter than its header', () => {
    expect(() => parseIdx(new Uint8Array([0, 0]))).toThrow(IdxFormatError);
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]))).toThrow(/too short/);
  });

  it('rejects a truncated payload', () => {
    const bytes = idxBytes([2, 28, 28], new Array(2 * 784).fill(1));
    expect(() => parseIdx(bytes.subarray(0, bytes.length - 1))).toThrow(
      /need 1568 payload bytes, file has 1567/,
    );
  });

  it('rejects trailing bytes after the payload', () => {
    const bytes = idxBytes([2], [1, 2, 3]);
    expect(() => parseIdx(bytes)).toThrow(IdxFormatError);
  });
});
