// Animated PNG from PNG frames of one size (the README's replay animation). An APNG is a PNG
// whose first frame is the ordinary image, so a viewer without APNG support still shows it;
// each later frame is the same compressed pixel data in `fdAT` chunks, numbered with the
// frame controls in one sequence (https://www.w3.org/TR/png-3/#apng-frame-control).
// No re-encoding: every frame's IDAT bytes are copied as they are.

import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** fcTL's delay is a fraction; milliseconds over 1000. */
const DELAY_DENOMINATOR = 1000;

/**
 * @param {Buffer} png
 * @returns {{ type: string, data: Buffer }[]}
 */
export function readChunks(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (png.readUInt32BE(at + 8 + length) !== crc32(png.subarray(at + 4, at + 8 + length))) {
      throw new Error(`bad CRC in ${type}`);
    }
    chunks.push({ type, data });
    at += 12 + length;
  }
  return chunks;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * @param {Buffer[]} frames PNGs of one width, height, bit depth and colour type
 * @param {number[]} delaysMs how long each frame shows
 * @returns {Buffer} an APNG that loops for ever
 */
export function assembleApng(frames, delaysMs) {
  if (frames.length === 0 || frames.length !== delaysMs.length) {
    throw new Error('need one delay per frame, and at least one frame');
  }
  const parsed = frames.map(readChunks);
  const header = parsed[0].find((part) => part.type === 'IHDR')?.data;
  if (!header) throw new Error('frame 1 has no IHDR');
  parsed.forEach((chunks, index) => {
    const ihdr = chunks.find((part) => part.type === 'IHDR')?.data;
    if (!ihdr?.equals(header)) throw new Error(`frame ${index + 1} differs in size or format`);
  });
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const animationControl = Buffer.alloc(8);
  animationControl.writeUInt32BE(frames.length, 0); // num_frames; num_plays 0 = for ever

  const out = [SIGNATURE, chunk('IHDR', header), chunk('acTL', animationControl)];
  let sequence = 0;
  parsed.forEach((chunks, index) => {
    const control = Buffer.alloc(26);
    control.writeUInt32BE(sequence++, 0);
    control.writeUInt32BE(width, 4);
    control.writeUInt32BE(height, 8);
    // x and y offsets 0 (bytes 12–19); dispose 0 (none) and blend 0 (source) in bytes 24–25.
    control.writeUInt16BE(Math.round(delaysMs[index]), 20);
    control.writeUInt16BE(DELAY_DENOMINATOR, 22);
    out.push(chunk('fcTL', control));
    for (const { type, data } of chunks) {
      if (type !== 'IDAT') continue;
      if (index === 0) {
        out.push(chunk('IDAT', data));
        continue;
      }
      const numbered = Buffer.alloc(4 + data.length);
      numbered.writeUInt32BE(sequence++, 0);
      data.copy(numbered, 4);
      out.push(chunk('fdAT', numbered));
    }
  });
  out.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(out);
}
