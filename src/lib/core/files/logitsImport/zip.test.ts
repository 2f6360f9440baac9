import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { parseLogitsFile } from './importedRun';
import { readZipDirectory } from './zip';

describe('crc32', () => {
  it('gives the standard check value', () => {
    // The CRC-32 of "123456789" is 0xCBF43926 (every CRC catalogue lists it).
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('readZipDirectory', () => {
  // An empty archive is its 22-byte end record alone: "PK\x05\x06" and 18 zero bytes.
  const empty = new Uint8Array(22);
  empty.set([0x50, 0x4b, 0x05, 0x06]);

  it('reads an empty archive as no entries', () => {
    expect(readZipDirectory(empty)).toEqual([]);
  });

  it('refuses a file with no end record', () => {
    expect(() => readZipDirectory(empty.subarray(0, 21))).toThrow(/only 21 bytes/);
    expect(() => readZipDirectory(new Uint8Array(100))).toThrow(/not a complete zip archive/);
  });

  it('says which arrays an archive lacks', async () => {
    const result = await parseLogitsFile('empty.npz', empty);
    expect(result).toEqual({
      ok: false,
      error:
        'the archive has no labels and no logits array (it holds: nothing); ' +
        'save with np.savez(path, labels=labels, logits=logits)',
    });
  });
});
