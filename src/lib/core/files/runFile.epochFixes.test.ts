import { describe, expect, it } from 'vitest';
import { epochFixes, epochTemperature } from '../metrics';
import { validRunFile, validRunFileText } from './runFileParse.fixture';
import { parseRunFile } from './runFileParse';
import { decodeFloat32 } from './logitsCodec';

/** The fixture's labels and per-epoch logits, read back from the file itself. */
function history() {
  const labels = Uint8Array.from(validRunFile.validation.labels);
  const logits = validRunFile.epochLogits!.epochs.map((text) => {
    const decoded = decodeFloat32(text, 2 * labels.length);
    if (typeof decoded === 'string') throw new Error(decoded);
    return decoded;
  });
  return { labels, logits };
}

describe('the run file’s temperature at every epoch', () => {
  it('holds, per epoch, the fit the page’s per-epoch fixes give on the same split', () => {
    const { labels, logits } = history();
    const page = epochFixes(logits, labels, validRunFile.config.seed).map(epochTemperature);
    expect(validRunFile.epochFixes).toEqual(page);
    expect(validRunFile.epochFixes?.map((fix) => fix?.epoch)).toEqual([1, 2]);
  });

  it('reads back as written, and files from before it read as null', () => {
    const parsed = parseRunFile(validRunFileText);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.run.epochFixes).toEqual(validRunFile.epochFixes);
    const { epochFixes: _, ...older } = validRunFile;
    const olderParsed = parseRunFile(JSON.stringify(older));
    expect(olderParsed.ok && olderParsed.run.epochFixes).toBeNull();
  });

  it('refuses an entry for the wrong epoch or the wrong number of entries, naming the field', () => {
    const fixes = validRunFile.epochFixes!;
    const shuffled = { ...validRunFile, epochFixes: [fixes[1], fixes[0]] };
    expect(parseRunFile(JSON.stringify(shuffled))).toEqual({
      ok: false,
      error: expect.stringContaining('epochFixes[0].epoch'),
    });
    const short = { ...validRunFile, epochFixes: [fixes[0]] };
    expect(parseRunFile(JSON.stringify(short))).toEqual({
      ok: false,
      error: expect.stringContaining('epochFixes'),
    });
  });
});
