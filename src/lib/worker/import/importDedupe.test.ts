import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../persist/runStore';
import { fileContentHash, importedFrom } from './importDedupe';
import { importLogitsRun } from './logitsImportJob';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const LOGITS_FILE = {
  format: 'overconfidence-playground/logits@1',
  classes: ['cat', 'dog'],
  labels: [0, 1],
  epochs: [
    {
      epoch: 1,
      logits: [
        [2, 0],
        [0, 1],
      ],
    },
  ],
};

function stored(id: string, createdAt: string, contentHash?: string): RunRecord {
  return {
    id,
    createdAt,
    source: contentHash === undefined ? undefined : { kind: 'imported', contentHash },
  } as unknown as RunRecord;
}

describe('fileContentHash', () => {
  it('is the SHA-256 of the bytes (the FIPS 180-2 "abc" vector)', async () => {
    expect(await fileContentHash(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('importedFrom', () => {
  it('finds the run imported from the same bytes, the newest of two, and nothing else', () => {
    const records = [
      stored('trained', '2026-01-03T00:00:00Z'),
      stored('other', '2026-01-04T00:00:00Z', 'ffff'),
      stored('first', '2026-01-01T00:00:00Z', 'abcd'),
      stored('second', '2026-01-02T00:00:00Z', 'abcd'),
    ];
    expect(importedFrom(records, 'abcd')?.id).toBe('second');
    expect(importedFrom(records, '0000')).toBeNull();
    expect(importedFrom([], 'abcd')).toBeNull();
  });

  it('matches a second import of the same file, renamed, and not a file with other logits', async () => {
    const bytes = encode(LOGITS_FILE);
    const hash = await fileContentHash(bytes);
    const first = await importLogitsRun('run.json', bytes, () => {}, new Date(), hash);
    if (!first.ok) throw new Error(first.error);
    expect(first.run.record.source?.contentHash).toBe(hash);
    const records = [first.run.record];

    // The same bytes under another name: the stored run is found, nothing is imported again.
    const again = await fileContentHash(new Uint8Array(bytes));
    expect(importedFrom(records, again)?.id).toBe(first.run.record.id);

    const changed = { ...LOGITS_FILE, labels: [1, 1] };
    expect(importedFrom(records, await fileContentHash(encode(changed)))).toBeNull();
  });

  it('leaves the hash out of a run imported without one', async () => {
    const result = await importLogitsRun('run.json', encode(LOGITS_FILE));
    if (!result.ok) throw new Error(result.error);
    expect(result.run.record.source).not.toHaveProperty('contentHash');
  });
});
