import { describe, expect, it } from 'vitest';
import { ImportError } from './importError';
import { parseDescr, parseHeaderDict } from './npy';
import { decodeFloat32Into, decodeNumbers, decodeStrings } from './npyValues';

describe('parseDescr', () => {
  it('reads byte order, kind and item size', () => {
    expect(parseDescr('<f4')).toEqual({
      descr: '<f4',
      kind: 'float',
      itemBytes: 4,
      littleEndian: true,
    });
    expect(parseDescr('>i8')).toMatchObject({ kind: 'signed', itemBytes: 8, littleEndian: false });
    expect(parseDescr('|u1')).toMatchObject({ kind: 'unsigned', itemBytes: 1 });
    // 'U' counts characters of 4 bytes each.
    expect(parseDescr('>U7')).toMatchObject({
      kind: 'unicode',
      itemBytes: 28,
      littleEndian: false,
    });
    expect(parseDescr('|S12')).toMatchObject({ kind: 'bytes', itemBytes: 12 });
    // float16, as PyTorch's .half() and mixed-precision models export it.
    expect(parseDescr('>f2')).toMatchObject({ kind: 'float', itemBytes: 2, littleEndian: false });
  });

  it('returns null for what an imported run cannot use', () => {
    for (const descr of ['<c8', '|O', '<V2', '<f16', '|b1', '<M8[ns]', '<S3', '|f4', '<i3']) {
      expect(parseDescr(descr), descr).toBeNull();
    }
  });
});

describe('parseHeaderDict', () => {
  const header = (dict: string) => parseHeaderDict('logits', dict, 128);

  it('reads the dict numpy writes', () => {
    expect(header("{'descr': '>f8', 'fortran_order': False, 'shape': (3, 40, 2), }")).toEqual({
      dtype: { descr: '>f8', kind: 'float', itemBytes: 8, littleEndian: false },
      shape: [3, 40, 2],
      count: 240,
      headerBytes: 128,
    });
    expect(header("{'descr': '<i8', 'fortran_order': False, 'shape': (6,), }").shape).toEqual([6]);
    expect(header("{'descr': '<f8', 'fortran_order': False, 'shape': (), }").count).toBe(1);
  });

  it('accepts Fortran order when at most one dimension is longer than 1', () => {
    expect(header("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 5, 1), }").count).toBe(5);
    expect(() => header("{'descr': '<f4', 'fortran_order': True, 'shape': (5, 2), }")).toThrow(
      /Fortran/,
    );
  });

  it('names the dtype and the array when refusing', () => {
    expect(() => header("{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }")).toThrow(
      new ImportError('unsupported dtype <c16 in array logits'),
    );
    expect(() =>
      header("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }"),
    ).toThrow(/structured record type\) in array logits/);
    expect(() => header("{'descr': '<f4', 'shape': (2,), }")).toThrow(/damaged header/);
  });
});

describe('npy values', () => {
  it('decodes big-endian float32 and rounds float64 to float32', () => {
    // 1.5 as big-endian float32 is 3F C0 00 00; 0.1 as little-endian float64.
    const out = new Float32Array(2);
    decodeFloat32Into(new Uint8Array([0x3f, 0xc0, 0, 0]), parseDescr('>f4')!, out, 0);
    const tenth = new Uint8Array(new Float64Array([0.1]).buffer);
    decodeFloat32Into(tenth, parseDescr('<f8')!, out, 1);
    expect(Array.from(out)).toEqual([1.5, Math.fround(0.1)]);
  });

  it('decodes 64-bit integers exactly, both byte orders', () => {
    // −1 and 2^40 + 3 as big-endian int64.
    const bytes = new Uint8Array([
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0x01, 0, 0, 0, 0, 0x03,
    ]);
    expect(Array.from(decodeNumbers(bytes, parseDescr('>i8')!))).toEqual([-1, 2 ** 40 + 3]);
    expect(Array.from(decodeNumbers(bytes.slice(0, 8).reverse(), parseDescr('<u8')!))).toEqual([
      2 ** 64 - 1,
    ]);
  });

  it('decodes UTF-32 and byte strings, stopping at the zero padding', () => {
    // "é😀" in <U3: U+00E9, U+1F600, then a zero code point.
    const utf32 = new Uint8Array(new Uint32Array([0xe9, 0x1f600, 0]).buffer);
    expect(decodeStrings(utf32, parseDescr('<U3')!)).toEqual(['é😀']);
    const bytes = new TextEncoder().encode('ab\0\0cde\0');
    expect(decodeStrings(bytes, parseDescr('|S4')!)).toEqual(['ab', 'cde']);
  });
});
