// Reads a zip archive's central directory (the index at the end of the file), which is all
// an .npz needs: numpy writes one entry per array, stored or deflated. The layout follows
// PKWARE's APPNOTE.TXT (sections 4.3.7, 4.3.12, 4.3.14–16, 4.5.3); offsets below are its.
// Only the directory is trusted for sizes: numpy's writer (Python's zipfile, force_zip64)
// leaves 0xFFFFFFFF in the local headers' size fields.

import { refuse } from './importError';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused when the entry is opened. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's data begins in the archive (after its local header). */
  dataOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const END_BYTES = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_END_SIGNATURE = 0x06064b50;
const DIRECTORY_SIGNATURE = 0x02014b50;
const DIRECTORY_HEADER_BYTES = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
const ZIP64_EXTRA_ID = 0x0001;
/** A 16- or 32-bit field holding this says "the real value is in the zip64 record". */
const U16_ESCAPE = 0xffff;
const U32_ESCAPE = 0xffffffff;
const MAX_COMMENT_BYTES = 0xffff;
const FLAG_ENCRYPTED = 0x0001;

const CUT_SHORT = 'the file may be cut short or not be an .npz at all';

/** Reads a little-endian 64-bit size as a number, refusing what a double cannot hold exactly. */
function uint64(view: DataView, offset: number): number {
  const value = view.getBigUint64(offset, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    refuse(`a zip size is impossibly large; ${CUT_SHORT}`);
  return Number(value);
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_BYTES;
  const first = Math.max(0, last - MAX_COMMENT_BYTES);
  for (let offset = last; offset >= first; offset--) {
    if (view.getUint32(offset, true) !== END_SIGNATURE) continue;
    // The comment must reach exactly to the end, or these 4 bytes are data that look alike.
    if (offset + END_BYTES + view.getUint16(offset + 20, true) === view.byteLength) return offset;
  }
  return refuse(`not a complete zip archive (no end-of-archive record); ${CUT_SHORT}`);
}

interface DirectoryBounds {
  offset: number;
  size: number;
  count: number;
  /** The directory must end at or before this byte (the end record that located it). */
  limit: number;
}

function locateDirectory(view: DataView): DirectoryBounds {
  const end = findEndRecord(view);
  const bounds: DirectoryBounds = {
    count: view.getUint16(end + 10, true),
    size: view.getUint32(end + 12, true),
    offset: view.getUint32(end + 16, true),
    limit: end,
  };
  const locator = end - ZIP64_LOCATOR_BYTES;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR_SIGNATURE) {
    const zip64End = uint64(view, locator + 8);
    if (zip64End + 56 > locator || view.getUint32(zip64End, true) !== ZIP64_END_SIGNATURE) {
      refuse(`the zip64 end record is missing; ${CUT_SHORT}`);
    }
    bounds.count = uint64(view, zip64End + 32);
    bounds.size = uint64(view, zip64End + 40);
    bounds.offset = uint64(view, zip64End + 48);
    bounds.limit = zip64End;
  } else if (bounds.count === U16_ESCAPE || bounds.offset === U32_ESCAPE) {
    refuse(`the zip64 end record is missing; ${CUT_SHORT}`);
  }
  if (bounds.offset + bounds.size > bounds.limit) {
    refuse(`the zip directory points past the end of the file; ${CUT_SHORT}`);
  }
  return bounds;
}

interface Zip64Sizes {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Replaces escaped 32-bit fields with the 64-bit ones of the zip64 extra field, in order. */
function applyZip64Extra(view: DataView, start: number, end: number, sizes: Zip64Sizes): void {
  for (let at = start; at + 4 <= end;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      const take = (): number => {
        if (field + 8 > at + 4 + length) refuse(`a zip64 field is too short; ${CUT_SHORT}`);
        const value = uint64(view, field);
        field += 8;
        return value;
      };
      if (sizes.uncompressedSize === U32_ESCAPE) sizes.uncompressedSize = take();
      if (sizes.compressedSize === U32_ESCAPE) sizes.compressedSize = take();
      if (sizes.localHeaderOffset === U32_ESCAPE) sizes.localHeaderOffset = take();
      return;
    }
    at += 4 + length;
  }
}

/** The archive's entries, each with its data located and bounds-checked; throws ImportError. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < END_BYTES) refuse(`not a zip archive: only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = locateDirectory(view);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  const directoryEnd = directory.offset + directory.size;
  for (let index = 0; index < directory.count; index++) {
    if (
      at + DIRECTORY_HEADER_BYTES > directoryEnd ||
      view.getUint32(at, true) !== DIRECTORY_SIGNATURE
    ) {
      refuse(`the zip directory is damaged at entry ${index + 1}; ${CUT_SHORT}`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameStart = at + DIRECTORY_HEADER_BYTES;
    const extraEnd = nameStart + nameLength + extraLength;
    if (extraEnd + commentLength > directoryEnd) {
      refuse(`the zip directory is damaged at entry ${index + 1}; ${CUT_SHORT}`);
    }
    const sizes: Zip64Sizes = {
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, nameStart + nameLength, extraEnd, sizes);
    const nameBytes = bytes.subarray(nameStart, nameStart + nameLength);
    const name = names.decode(nameBytes);
    const flags = view.getUint16(at + 8, true);
    if (flags & FLAG_ENCRYPTED) refuse(`${name} in the archive is encrypted`);
    entries.push({
      name,
      flags,
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: sizes.compressedSize,
      uncompressedSize: sizes.uncompressedSize,
      dataOffset: locateData(bytes, nameBytes, sizes, directory.offset),
    });
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Skips the entry's local header (its own name and extra lengths) and checks the data fits.
 * The two copies of the name must agree, as Python's zipfile also insists: a damaged name
 * would otherwise make an array silently go missing.
 */
function locateData(
  bytes: Uint8Array,
  nameBytes: Uint8Array,
  sizes: Zip64Sizes,
  dataLimit: number,
): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = new TextDecoder().decode(nameBytes);
  const header = sizes.localHeaderOffset;
  if (header + LOCAL_HEADER_BYTES > dataLimit || view.getUint32(header, true) !== LOCAL_SIGNATURE) {
    refuse(`${name} in the archive has no valid header; ${CUT_SHORT}`);
  }
  const nameLength = view.getUint16(header + 26, true);
  const localName = bytes.subarray(
    header + LOCAL_HEADER_BYTES,
    header + LOCAL_HEADER_BYTES + nameLength,
  );
  if (nameLength !== nameBytes.length || !localName.every((byte, i) => byte === nameBytes[i])) {
    refuse(`${name} in the archive has a damaged name; ${CUT_SHORT}`);
  }
  const start = header + LOCAL_HEADER_BYTES + nameLength + view.getUint16(header + 28, true);
  if (start + sizes.compressedSize > dataLimit) {
    refuse(`${name} in the archive runs past the end of its data; ${CUT_SHORT}`);
  }
  return start;
}
