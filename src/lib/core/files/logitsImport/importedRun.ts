// A practitioner's own classifier run, imported from a file of per-epoch validation logits,
// and the one entry point that reads such a file. Plain data only: it runs in a worker and
// in Node, and what it returns can be posted between threads as is.

import { plain } from '../untrustedJson';
import { runName } from './checks';
import { ImportError } from './importError';
import { checkFileBytes, MAX_FILE_BYTES, MAX_JSON_BYTES } from './limits';
import { LOGITS_JSON_FORMAT, parseLogitsJson } from './logitsJson';
import { parseNpz } from './npz';
import type { ImportedLogits } from './importedLogits';
import type { OnProgress } from './progress';

export type { DecodedLogits, ImportedLogits } from './importedLogits';

// Defined beside the JSON reader that checks it, so neither module imports the other's caller.
export { LOGITS_JSON_FORMAT };

export type ImportResult = { ok: true; run: ImportedLogits } | { ok: false; error: string };

/** Messages are one or two lines of plain text in the page. */
const MAX_MESSAGE_CHARS = 240;

type Sniffed = 'zip' | 'json' | 'npy' | 'unknown';

function sniff(bytes: Uint8Array): Sniffed {
  const [b0, b1, b2, b3] = bytes;
  // "PK\x03\x04" starts an entry; "PK\x05\x06" is an archive with none (reported as such).
  if (b0 === 0x50 && b1 === 0x4b && ((b2 === 3 && b3 === 4) || (b2 === 5 && b3 === 6))) {
    return 'zip';
  }
  if (b0 === 0x93 && b1 === 0x4e && b2 === 0x55 && b3 === 0x4d) return 'npy'; // "\x93NUM"
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  while (at < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at])) at++;
  return bytes[at] === 0x7b ? 'json' : 'unknown'; // "{"
}

async function decode(name: string, bytes: Uint8Array, onProgress?: OnProgress) {
  const kind = sniff(bytes);
  if (kind === 'zip') return { format: 'npz' as const, ...(await parseNpz(bytes, onProgress)) };
  if (kind === 'json') {
    const tooLarge = checkFileBytes(name, bytes.length, MAX_JSON_BYTES);
    if (tooLarge) throw new ImportError(`${tooLarge} as JSON; save an .npz instead`);
    const text = new TextDecoder().decode(bytes);
    return { format: 'json' as const, ...parseLogitsJson(text, onProgress) };
  }
  if (kind === 'npy') {
    throw new ImportError(
      `${name} is a single .npy array; save labels and logits together with ` +
        'np.savez(path, labels=labels, logits=logits)',
    );
  }
  throw new ImportError(
    `${name} is neither a NumPy .npz archive nor a JSON file ` +
      `{"format": "${LOGITS_JSON_FORMAT}", …}`,
  );
}

/**
 * Entry point: sniff the format (zip magic "PK\x03\x04" → npz; first non-space byte "{" →
 * JSON; else an error naming both accepted formats). `onProgress(fraction)` is called while
 * decoding large files (at least every ~5 % of the data). Never throws.
 */
export async function parseLogitsFile(
  name: string,
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
): Promise<ImportResult> {
  const shownName = plain(name, 80);
  try {
    const tooLarge = checkFileBytes(shownName, bytes.length, MAX_FILE_BYTES);
    if (tooLarge) throw new ImportError(tooLarge);
    const decoded = await decode(shownName, bytes, onProgress);
    return { ok: true, run: { name: runName(name), ...decoded } };
  } catch (error) {
    // Anything but an ImportError is a bug or the platform failing (e.g. out of memory).
    const message =
      error instanceof ImportError
        ? error.message
        : `${shownName} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, error: plain(message, MAX_MESSAGE_CHARS) };
  }
}
