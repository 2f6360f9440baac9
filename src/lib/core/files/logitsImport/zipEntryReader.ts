// Reads one zip entry's bytes in order, a piece at a time. Pieces let the .npy header be read
// and its shape checked against the limits before the data is inflated or allocated, and let
// progress be reported while a large array is decoded. Deflate goes through the platform's
// DecompressionStream('deflate-raw') (browsers, workers, Node ≥ 18): no inflater to ship.

import { CRC32_START, crc32Final, crc32Update } from './crc32';
import { refuse } from './importError';
import type { ZipEntry } from './zip';

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** Input is taken in pieces of this size, so the inflater never runs far ahead of the reader. */
const INPUT_CHUNK_BYTES = 1 << 20;

export interface EntryReader {
  /** Fills `target` with the entry's next target.length bytes. */
  readInto(target: Uint8Array): Promise<void>;
  /** Confirms nothing is left and the checksum matches. */
  finish(): Promise<void>;
  /** Stops inflating (after an error elsewhere); safe to call more than once. */
  cancel(): void;
}

type Pull = () => Promise<Uint8Array | null>;

function storedPieces(zip: Uint8Array, entry: ZipEntry): Pull {
  if (entry.compressedSize !== entry.uncompressedSize) {
    refuse(`${entry.name} is stored uncompressed but its two sizes in the zip directory differ`);
  }
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let offset = 0;
  // Pieces, not the whole entry at once: reading the header then checksums only its piece.
  return async () => {
    if (offset >= data.length) return null;
    const piece = data.subarray(offset, offset + INPUT_CHUNK_BYTES);
    offset += piece.length;
    return piece;
  };
}

function inflatedPieces(zip: Uint8Array, entry: ZipEntry): { pull: Pull; cancel: () => void } {
  const compressed = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let offset = 0;
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (offset >= compressed.length) {
        controller.close();
        return;
      }
      const end = Math.min(offset + INPUT_CHUNK_BYTES, compressed.length);
      const piece = compressed.subarray(offset, end);
      // Streams take no views of a SharedArrayBuffer; a File's bytes never are one.
      controller.enqueue(
        piece.buffer instanceof ArrayBuffer ? (piece as Uint8Array<ArrayBuffer>) : piece.slice(),
      );
      offset = end;
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const pull: Pull = async () => {
    try {
      const { done, value } = await reader.read();
      return done ? null : value;
    } catch {
      return refuse(`${entry.name} could not be decompressed: the file is damaged or cut short`);
    }
  };
  // A cancelled stream rejects its pending reads; nobody waits on them any more.
  const cancel = () => void reader.cancel().catch(() => undefined);
  return { pull, cancel };
}

export function openEntry(zip: Uint8Array, entry: ZipEntry): EntryReader {
  let pull: Pull;
  let cancel = () => undefined as void;
  if (entry.method === METHOD_STORED) pull = storedPieces(zip, entry);
  else if (entry.method === METHOD_DEFLATE) ({ pull, cancel } = inflatedPieces(zip, entry));
  else {
    return refuse(
      `${entry.name} uses zip compression method ${entry.method}; ` +
        'save with np.savez or np.savez_compressed',
    );
  }

  let piece: Uint8Array = new Uint8Array(0);
  let pieceOffset = 0;
  let produced = 0;
  let crc = CRC32_START;
  const tooShort = () =>
    refuse(`${entry.name} ends before its data does: the file is damaged or cut short`);

  /** The next unread bytes (at most `wanted`), or null at the end of the entry. */
  async function next(wanted: number): Promise<Uint8Array | null> {
    while (pieceOffset >= piece.length) {
      const fresh = await pull();
      if (fresh === null) return null;
      produced += fresh.length;
      if (produced > entry.uncompressedSize) {
        refuse(`${entry.name} holds more bytes than the zip directory says: the file is damaged`);
      }
      crc = crc32Update(crc, fresh);
      piece = fresh;
      pieceOffset = 0;
    }
    const taken = piece.subarray(pieceOffset, pieceOffset + wanted);
    pieceOffset += taken.length;
    return taken;
  }

  return {
    async readInto(target) {
      for (let filled = 0; filled < target.length;) {
        const bytes = await next(target.length - filled);
        if (bytes === null) return tooShort();
        target.set(bytes, filled);
        filled += bytes.length;
      }
    },
    async finish() {
      if ((await next(1)) !== null) {
        refuse(`${entry.name} holds more bytes than its header describes: the file is damaged`);
      }
      if (produced !== entry.uncompressedSize) tooShort();
      if (crc32Final(crc) !== entry.crc32) {
        refuse(`${entry.name} is damaged: its checksum does not match its contents`);
      }
    },
    cancel,
  };
}
