// Turns the raw value bytes of a .npy array into JavaScript values, for the dtypes that
// `parseDescr` accepts. Big-endian and unaligned data go through DataView; aligned
// little-endian floats are copied as a block (the common case, and ~10× faster).

import { float16ToNumber } from './float16';
import type { Dtype } from './npy';

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Writes `bytes` (whole float16, float32 or float64 values) into `out` from `outOffset`. float16
 * widens exactly; float64 is rounded to float32 here, and values beyond ±3.4e38 become ±Infinity
 * and are then reported as non-finite, which for a logit they effectively are.
 */
export function decodeFloat32Into(
  bytes: Uint8Array,
  dtype: Dtype,
  out: Float32Array,
  outOffset: number,
): void {
  const count = bytes.length / dtype.itemBytes;
  const aligned = bytes.byteOffset % dtype.itemBytes === 0;
  if (dtype.itemBytes === 2) {
    const data = view(bytes);
    for (let i = 0; i < count; i++) {
      out[outOffset + i] = float16ToNumber(data.getUint16(2 * i, dtype.littleEndian));
    }
    return;
  }
  if (dtype.littleEndian && aligned) {
    const values =
      dtype.itemBytes === 4
        ? new Float32Array(bytes.buffer, bytes.byteOffset, count)
        : new Float64Array(bytes.buffer, bytes.byteOffset, count);
    out.set(values, outOffset);
    return;
  }
  const data = view(bytes);
  const little = dtype.littleEndian;
  if (dtype.itemBytes === 4) {
    for (let i = 0; i < count; i++) out[outOffset + i] = data.getFloat32(4 * i, little);
  } else {
    for (let i = 0; i < count; i++) out[outOffset + i] = data.getFloat64(8 * i, little);
  }
}

/** One integer; 64-bit values beyond ±2^53 lose their last digits, which range checks catch. */
function readInteger(data: DataView, at: number, dtype: Dtype): number {
  const little = dtype.littleEndian;
  const signed = dtype.kind === 'signed';
  switch (dtype.itemBytes) {
    case 1:
      return signed ? data.getInt8(at) : data.getUint8(at);
    case 2:
      return signed ? data.getInt16(at, little) : data.getUint16(at, little);
    case 4:
      return signed ? data.getInt32(at, little) : data.getUint32(at, little);
    default:
      return Number(signed ? data.getBigInt64(at, little) : data.getBigUint64(at, little));
  }
}

function readFloat(data: DataView, at: number, dtype: Dtype): number {
  const little = dtype.littleEndian;
  if (dtype.itemBytes === 2) return float16ToNumber(data.getUint16(at, little));
  return dtype.itemBytes === 4 ? data.getFloat32(at, little) : data.getFloat64(at, little);
}

/** Every value of a numeric (float or integer) array, in float64. */
export function decodeNumbers(bytes: Uint8Array, dtype: Dtype): Float64Array {
  const count = bytes.length / dtype.itemBytes;
  const values = new Float64Array(count);
  const data = view(bytes);
  for (let i = 0; i < count; i++) {
    const at = i * dtype.itemBytes;
    if (dtype.kind === 'float') {
      values[i] = readFloat(data, at, dtype);
    } else {
      values[i] = readInteger(data, at, dtype);
    }
  }
  return values;
}

/**
 * Every string of a fixed-width text array: 'U' holds UTF-32 code points, 'S' holds bytes
 * (read as UTF-8). numpy pads short strings with zeros, which end the string here too.
 */
export function decodeStrings(bytes: Uint8Array, dtype: Dtype): string[] {
  const count = bytes.length / dtype.itemBytes;
  const strings: string[] = [];
  const data = view(bytes);
  const utf8 = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const start = i * dtype.itemBytes;
    if (dtype.kind === 'bytes') {
      let end = start + dtype.itemBytes;
      while (end > start && bytes[end - 1] === 0) end--;
      strings.push(utf8.decode(bytes.subarray(start, end)));
      continue;
    }
    let text = '';
    for (let at = start; at < start + dtype.itemBytes; at += 4) {
      const codePoint = data.getUint32(at, dtype.littleEndian);
      if (codePoint === 0) break;
      const valid = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
      text += String.fromCodePoint(valid ? codePoint : 0xfffd);
    }
    strings.push(text);
  }
  return strings;
}
