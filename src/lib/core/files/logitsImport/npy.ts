// The NumPy .npy format (numpy/lib/format.py, NEP 1): the magic "\x93NUMPY", a version
// byte pair, a little-endian header length (2 bytes in v1, 4 in v2 and v3), then a Python
// dict literal such as `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 40, 2), }`
// padded to a multiple of 64 bytes, then the values. Only the dtypes an imported run can use
// are understood (floats of 2, 4 or 8 bytes, integers, text); the header is read with
// patterns, never evaluated.

import { refuse } from './importError';

export type DtypeKind = 'float' | 'signed' | 'unsigned' | 'unicode' | 'bytes';

export interface Dtype {
  /** As written in the file, e.g. '<f4', for messages. */
  descr: string;
  kind: DtypeKind;
  itemBytes: number;
  littleEndian: boolean;
}

export interface NpyHeader {
  dtype: Dtype;
  shape: number[];
  /** Number of values: the product of the shape (1 for a 0-d array). */
  count: number;
  /** Bytes before the values: magic, version, length field and dict. */
  headerBytes: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
/** Magic (6) + version (2); the length field follows. */
const PREAMBLE_BYTES = 8;
/** numpy writes a few hundred bytes at most; more means the file is not what it claims. */
const MAX_DICT_BYTES = 1 << 16;

const DESCR_PATTERN = /^([<>|])([fiuUS])(\d+)$/;
const KIND_BY_CODE: Record<string, DtypeKind> = {
  f: 'float',
  i: 'signed',
  u: 'unsigned',
  U: 'unicode',
  S: 'bytes',
};

/** Reads the next bytes of the array's file; an EntryReader's readInto fits. */
export type ReadInto = (target: Uint8Array) => Promise<void>;

/** The dtype, or null when it is not one an imported run can use. */
export function parseDescr(descr: string): Dtype | null {
  const match = DESCR_PATTERN.exec(descr);
  if (!match) return null;
  const [, order, code, size] = match;
  const kind = KIND_BY_CODE[code];
  const count = Number(size);
  const itemBytes = kind === 'unicode' ? 4 * count : count;
  const sizeFits =
    kind === 'float'
      ? itemBytes === 2 || itemBytes === 4 || itemBytes === 8
      : kind === 'signed' || kind === 'unsigned'
        ? [1, 2, 4, 8].includes(itemBytes)
        : count >= 1 && count <= 4096;
  // '|' (no byte order) belongs to single bytes and byte strings only.
  const orderFits = order === '|' ? itemBytes === 1 || kind === 'bytes' : kind !== 'bytes';
  if (!sizeFits || !orderFits) return null;
  return { descr, kind, itemBytes, littleEndian: order !== '>' };
}

function unsupported(arrayName: string, descr: string): never {
  if (descr.includes('O')) {
    const hint =
      arrayName === 'class_names'
        ? 'np.savez(..., class_names=np.array(names)) gives a unicode array the page can read'
        : 'save a numeric array (e.g. np.stack of the per-epoch arrays)';
    return refuse(
      `${arrayName} is a Python object array (dtype ${descr}), which only Python can read; ${hint}`,
    );
  }
  // numpy has no bfloat16: ml_dtypes' bfloat16 (JAX, Keras) is saved as 2 raw bytes, '<V2'.
  if (/^[<>|]V2$/.test(descr)) {
    return refuse(
      `${arrayName} has dtype ${descr}, 2 raw bytes per value (how numpy saves bfloat16); ` +
        `save ${arrayName}.astype(np.float32) instead`,
    );
  }
  return refuse(`unsupported dtype ${descr} in array ${arrayName}`);
}

/** Parses the header dict text; `arrayName` is only for messages. */
export function parseHeaderDict(arrayName: string, dict: string, headerBytes: number): NpyHeader {
  const descrMatch = /['"]descr['"]\s*:\s*(['"])(.*?)\1/.exec(dict);
  if (!descrMatch) {
    if (/['"]descr['"]\s*:\s*\[/.test(dict)) {
      refuse(`unsupported dtype (a structured record type) in array ${arrayName}`);
    }
    refuse(`${arrayName}.npy has a damaged header (no dtype)`);
  }
  const descr = descrMatch[2];
  const dtype = parseDescr(descr) ?? unsupported(arrayName, descr);
  const shapeMatch = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(dict);
  const orderMatch = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(dict);
  if (!shapeMatch || !orderMatch) refuse(`${arrayName}.npy has a damaged header (no shape)`);
  const parts = shapeMatch[1]
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const shape = parts.map((part) => {
    const size = /^\d+L?$/.test(part) ? Number.parseInt(part, 10) : NaN;
    if (!Number.isSafeInteger(size)) refuse(`${arrayName}.npy has a damaged header (shape)`);
    return size;
  });
  // Column-major order only matters when two or more dimensions are longer than 1.
  if (orderMatch[1] === 'True' && shape.filter((size) => size > 1).length > 1) {
    refuse(
      `${arrayName} was saved in Fortran (column-major) order; ` +
        `save np.ascontiguousarray(${arrayName}) instead`,
    );
  }
  const count = shape.reduce((product, size) => product * size, 1);
  return { dtype, shape, count, headerBytes };
}

/** Reads and checks the header, leaving `read` at the first value. */
export async function readNpyHeader(arrayName: string, read: ReadInto): Promise<NpyHeader> {
  const preamble = new Uint8Array(PREAMBLE_BYTES);
  await read(preamble);
  if (!MAGIC.every((byte, i) => preamble[i] === byte)) {
    refuse(`${arrayName}.npy in the archive is not a NumPy array file`);
  }
  const major = preamble[6];
  if (major < 1 || major > 3) refuse(`${arrayName}.npy uses .npy format version ${major}, unknown`);
  const lengthField = new Uint8Array(major === 1 ? 2 : 4);
  await read(lengthField);
  const lengthView = new DataView(lengthField.buffer);
  const dictBytes = major === 1 ? lengthView.getUint16(0, true) : lengthView.getUint32(0, true);
  if (dictBytes > MAX_DICT_BYTES) refuse(`${arrayName}.npy has a damaged header (too long)`);
  const dict = new Uint8Array(dictBytes);
  await read(dict);
  // v1 and v2 headers are latin-1; v3 allows UTF-8. Keys and values here are ASCII either way.
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(dict);
  return parseHeaderDict(arrayName, text, PREAMBLE_BYTES + lengthField.length + dictBytes);
}
