// Per-epoch validation logits in a run file: float32, little-endian, base64 (RFC 4648, with
// padding). A 2000-example epoch is 16,000 bytes → 21,336 characters, a third of what the same
// numbers cost as JSON text, and exact: the bytes are the Float32Array's own (−0, subnormals and
// NaN payloads survive). Plain data only, no tfjs, no DOM: it runs in Node, the worker and the page.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BYTES_PER_FLOAT = 4;
/** Each base64 character's 6-bit value, or -1 for anything outside the alphabet. */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

/** The run file's name for this encoding. */
export const LOGITS_ENCODING = 'float32le-base64';

/** Base64 characters for `count` float32 values (what docs/run-file.md quotes per epoch). */
export function encodedLength(count: number): number {
  return 4 * Math.ceil((count * BYTES_PER_FLOAT) / 3);
}

/** The values' bytes, little-endian whatever the machine's own order. */
function littleEndianBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * BYTES_PER_FLOAT);
  const view = new DataView(bytes.buffer);
  // Through the raw bits so a NaN's payload is copied, never canonicalised by a float read.
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  for (let i = 0; i < bits.length; i++) view.setUint32(i * BYTES_PER_FLOAT, bits[i], true);
  return bytes;
}

export function encodeFloat32(values: Float32Array): string {
  const bytes = littleEndianBytes(values);
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const triple =
      (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
    text += ALPHABET[(triple >> 18) & 63] + ALPHABET[(triple >> 12) & 63];
    text += rest > 1 ? ALPHABET[(triple >> 6) & 63] : '=';
    text += rest > 2 ? ALPHABET[triple & 63] : '=';
  }
  return text;
}

function base64Bytes(text: string): Uint8Array | string {
  if (text.length % 4 !== 0) return 'its length is not a multiple of 4';
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let written = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const at = i + j;
      const isPadding = at >= text.length - padding;
      const code = text.charCodeAt(at);
      const value = isPadding ? 0 : code < 128 ? SEXTET[code] : -1;
      if (value < 0) return `character ${at + 1} is not base64`;
      triple = (triple << 6) | value;
    }
    for (let k = 16; k >= 0 && written < bytes.length; k -= 8)
      bytes[written++] = (triple >> k) & 255;
  }
  return bytes;
}

/**
 * The values `text` encodes, or a reason it does not encode `expectedCount` float32 values.
 * Never throws: the text comes from a file a person dropped on the page.
 */
export function decodeFloat32(text: string, expectedCount: number): Float32Array | string {
  const bytes = base64Bytes(text);
  if (typeof bytes === 'string') return bytes;
  if (bytes.length !== expectedCount * BYTES_PER_FLOAT) {
    return `it holds ${bytes.length} bytes, expected ${expectedCount * BYTES_PER_FLOAT} (${expectedCount} float32 values)`;
  }
  const view = new DataView(bytes.buffer);
  const bits = new Uint32Array(expectedCount);
  for (let i = 0; i < expectedCount; i++) bits[i] = view.getUint32(i * BYTES_PER_FLOAT, true);
  return new Float32Array(bits.buffer);
}
