import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assembleApng, readChunks } from './apng.mjs';

/** A 2 × 1 8-bit grayscale PNG with the given two pixel values (filter byte 0 per row). */
function grayPng(left: number, right: number, width = 2): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth; colour type 0 (gray), compression, filter and interlace 0
  const pixels = deflateSync(Buffer.from([0, left, right].slice(0, width + 1)));
  // Built with the module's own chunk writer would test it against itself: write them here.
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** CRC-32 (ISO 3309), bit by bit, as the PNG specification's sample code computes it. */
function crc(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('assembleApng', () => {
  const apng = assembleApng([grayPng(10, 20), grayPng(30, 40), grayPng(50, 60)], [400, 400, 2500]);
  const chunks = readChunks(apng);

  it('orders IHDR, acTL, then per frame fcTL and its data, and ends with IEND', () => {
    expect(chunks.map((part) => part.type)).toEqual([
      'IHDR',
      'acTL',
      'fcTL',
      'IDAT',
      'fcTL',
      'fdAT',
      'fcTL',
      'fdAT',
      'IEND',
    ]);
  });

  it('counts 3 frames looping for ever, numbers fcTL and fdAT in one sequence, keeps delays', () => {
    const acTL = chunks[1].data;
    expect([acTL.readUInt32BE(0), acTL.readUInt32BE(4)]).toEqual([3, 0]);
    const numbered = chunks.filter((part) => part.type === 'fcTL' || part.type === 'fdAT');
    expect(numbered.map((part) => part.data.readUInt32BE(0))).toEqual([0, 1, 2, 3, 4]);
    const controls = chunks.filter((part) => part.type === 'fcTL').map((part) => part.data);
    expect(controls.map((c) => [c.readUInt32BE(4), c.readUInt32BE(8)])).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
    expect(controls.map((c) => c.readUInt16BE(20) / c.readUInt16BE(22))).toEqual([0.4, 0.4, 2.5]);
  });

  it('carries each frame’s pixels unchanged, and every CRC checks against the spec’s CRC', () => {
    const idat = chunks.find((part) => part.type === 'IDAT')!.data;
    const third = chunks.filter((part) => part.type === 'fdAT')[1].data.subarray(4);
    expect([...inflateSync(idat)]).toEqual([0, 10, 20]);
    expect([...inflateSync(third)]).toEqual([0, 50, 60]);
    for (let at = 8; at < apng.length;) {
      const length = apng.readUInt32BE(at);
      expect(apng.readUInt32BE(at + 8 + length)).toBe(crc(apng.subarray(at + 4, at + 8 + length)));
      at += 12 + length;
    }
  });

  it('refuses frames of another size and a missing delay', () => {
    expect(() => assembleApng([grayPng(1, 2), grayPng(1, 2, 1)], [1, 1])).toThrow(
      /frame 2 differs/,
    );
    expect(() => assembleApng([grayPng(1, 2)], [])).toThrow(/one delay per frame/);
  });
});
