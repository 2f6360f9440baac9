import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classDownload } from './downloadSize';
import { parseManifest } from './manifest';

const manifest = parseManifest(
  JSON.parse(
    readFileSync(new URL('../../../../static/data/manifest.json', import.meta.url), 'utf8'),
  ),
);

describe('classDownload', () => {
  it('counts nothing for the pair stored offline', () => {
    expect(classDownload(manifest, ['pullover', 'coat'], ['pullover', 'coat'])).toEqual({
      slugs: [],
      bytes: 0,
    });
  });

  it('adds the train and test files of each class not stored (manifest sizes, by hand)', () => {
    // tshirt: 1,504,084 + 502,452; trouser: 992,784 + 332,490 (static/data/manifest.json).
    expect(
      classDownload(manifest, ['tshirt', 'pullover', 'trouser'], ['pullover', 'coat']),
    ).toEqual({
      slugs: ['tshirt', 'trouser'],
      bytes: 1_504_084 + 502_452 + 992_784 + 332_490,
    });
  });
});
