// The import limits as docs/export-logits.md and the README state them, against the constants
// the import checks (core/files/logitsImport/limits.ts).
import { describe, expect, it } from 'vitest';
import {
  MAX_CLASSES,
  MAX_EPOCHS,
  MAX_EXAMPLES,
  MAX_FILE_BYTES,
  MAX_JSON_BYTES,
  MAX_LOGIT_VALUES,
  MIN_CLASSES,
  formatCount,
} from '../../src/lib/core/files/logitsImport/limits';
import { oneLine, readDoc, section } from './markdown';

const MIB = 1024 * 1024;

describe('import limits in the docs', () => {
  it('docs/export-logits.md states each limit the import enforces', () => {
    const limits = oneLine(section(readDoc('docs/export-logits.md'), 'Limits and checks'));
    // Checked limit by limit: the sentence may say more between them.
    expect(limits).toContain(`At most ${formatCount(MAX_EXAMPLES)} examples, `);
    expect(limits).toContain(`, ${formatCount(MAX_EPOCHS)} epochs, `);
    expect(limits).toContain(`, ${formatCount(MAX_CLASSES)} classes (at least ${MIN_CLASSES}`);
    expect(limits).toContain(`, ${MAX_LOGIT_VALUES / 1e6} million logits in all (E × N × K)`);
    expect(limits).toContain(
      `a ${MAX_FILE_BYTES / MIB} MiB file (${MAX_JSON_BYTES / MIB} MiB for JSON)`,
    );
  });

  it('the README and export-logits.md give the class range the import accepts', () => {
    const range = `${MIN_CLASSES} to ${formatCount(MAX_CLASSES)} classes`;
    expect(oneLine(readDoc('README.md'))).toContain(range);
    expect(oneLine(readDoc('docs/export-logits.md'))).toContain(
      `classes from ${MIN_CLASSES} to ${formatCount(MAX_CLASSES)} works`,
    );
  });
});
