// The same file imported twice keeps one entry: each imported run records the SHA-256 of its
// file's bytes, and a second import of those bytes opens the stored run instead of measuring and
// storing a copy. The hash is of the whole file, not its name: a renamed copy is the same run, a
// re-exported file with other logits is not.

import { sha256Hex } from '../../core/data';
import type { RunRecord } from '../../persist/runStore';

/** The hex SHA-256 of a file's bytes. */
export function fileContentHash(bytes: Uint8Array): Promise<string> {
  return sha256Hex(bytes);
}

/** The stored run imported from a file with these bytes, if any (the newest, should there be two). */
export function importedFrom(records: readonly RunRecord[], contentHash: string): RunRecord | null {
  const matches = records.filter(
    (record) => record.source?.kind === 'imported' && record.source.contentHash === contentHash,
  );
  return matches.reduce<RunRecord | null>(
    (newest, record) => (newest === null || record.createdAt > newest.createdAt ? record : newest),
    null,
  );
}
