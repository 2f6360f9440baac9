// Parser for the idx format (http://yann.lecun.com/exdb/mnist/), unsigned-byte variant only.
// Layout: 0x00 0x00 <dtype> <ndims>, then ndims big-endian uint32 sizes, then the payload.
// We only ship uint8 pixels, so any other dtype is a corrupt or foreign file, not a feature gap.

const DTYPE_UNSIGNED_BYTE = 0x08;
const MAGIC_BYTES = 4;
const DIM_BYTES = 4;

export class IdxFormatError extends Error {
  constructor(message: string) {
    super(`Invalid idx file: ${message}`);
    this.name = 'IdxFormatError';
  }
}

export interface IdxArray {
  /** Sizes, outermost first (e.g. [count, 28, 28]). */
  dims: number[];
  /** Row-major payload: a view into the input bytes, not a copy. */
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < MAGIC_BYTES) {
    throw new IdxFormatError(`${bytes.length} bytes is shorter than the 4-byte magic number`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new IdxFormatError(
      `magic must start with two zero bytes, got 0x${hexByte(bytes[0])} 0x${hexByte(bytes[1])}`,
    );
  }
  const dtype = bytes[2];
  if (dtype !== DTYPE_UNSIGNED_BYTE) {
    throw new IdxFormatError(`dtype 0x${hexByte(dtype)} is not unsigned byte (0x08)`);
  }
  const ndims = bytes[3];
  if (ndims === 0) {
    throw new IdxFormatError('ndims is 0');
  }
  const headerBytes = MAGIC_BYTES + DIM_BYTES * ndims;
  if (bytes.length < headerBytes) {
    throw new IdxFormatError(
      `${bytes.length} bytes is too short for a header with ${ndims} dimensions (${headerBytes} bytes)`,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) {
    dims.push(view.getUint32(MAGIC_BYTES + DIM_BYTES * i, false));
  }
  // Product in float64 is exact up to 2^53, far beyond any buffer we could be handed.
  const expectedPayload = dims.reduce((product, size) => product * size, 1);
  const actualPayload = bytes.length - headerBytes;
  if (actualPayload !== expectedPayload) {
    throw new IdxFormatError(
      `dims ${dims.join('×')} need ${expectedPayload} payload bytes, file has ${actualPayload}`,
    );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

function hexByte(value: number): string {
  return value.toString(16).padStart(2, '0');
}
