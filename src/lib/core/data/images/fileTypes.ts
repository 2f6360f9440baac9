// Which files count as images. The browser's MIME type decides when it gives one; files with
// none (some drag-and-drop and folder pickers) are judged by their extension. Everything else
// (a README, a .DS_Store, a video) is skipped and counted, never an error.

import { MAX_FILE_BYTES } from './limits';

/** The accepted formats: what createImageBitmap decodes in every current browser. */
const IMAGE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/bmp': ['bmp'],
  'image/x-ms-bmp': ['bmp'],
};

const EXTENSIONS = new Set(Object.values(IMAGE_TYPES).flat());

/** For `<input accept>`: the types and extensions above. */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(IMAGE_TYPES),
  ...[...EXTENSIONS].map((extension) => `.${extension}`),
].join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function isAcceptedImage(name: string, mimeType: string): boolean {
  if (mimeType !== '') return Object.hasOwn(IMAGE_TYPES, mimeType.toLowerCase());
  return EXTENSIONS.has(extensionOf(name));
}

/** A file that was not used, and why, in words for the list the page shows on request. */
export interface SkippedFile {
  name: string;
  reason: string;
}

export const NOT_AN_IMAGE = 'not a PNG, JPEG, WebP, GIF or BMP image';
export const TOO_LARGE = `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
export const UNDECODABLE = 'could not be decoded';

/** Just what the sorting needs of a File (tests pass plain objects). */
export interface FileLike {
  name: string;
  type: string;
  size: number;
  /** Set by folder pickers: "cats/sub/a.png". */
  webkitRelativePath?: string;
}

export function pathOf(file: FileLike): string {
  return file.webkitRelativePath || file.name;
}

/**
 * The files to decode, in path order (a folder gives the same dataset, and so the same hash,
 * however the browser listed it), and the ones skipped before decoding.
 */
export function sortFiles<F extends FileLike>(
  files: readonly F[],
): { images: F[]; skipped: SkippedFile[] } {
  const images: F[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    if (!isAcceptedImage(file.name, file.type))
      skipped.push({ name: pathOf(file), reason: NOT_AN_IMAGE });
    else if (file.size > MAX_FILE_BYTES) skipped.push({ name: pathOf(file), reason: TOO_LARGE });
    else images.push(file);
  }
  images.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
  return { images, skipped };
}

/**
 * A class's name from its files: the top folder of a folder pick ("cats/a.png" → "cats"),
 * else null (loose files: the user names the class).
 */
export function folderName(files: readonly FileLike[]): string | null {
  for (const file of files) {
    const path = file.webkitRelativePath ?? '';
    const slash = path.indexOf('/');
    if (slash > 0) return path.slice(0, slash);
  }
  return null;
}
