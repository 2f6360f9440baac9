// A run on the user's own images: its run file names the dataset (name, class names, split
// counts, content hash) inside `config`, and the parser reads it back with the same care as
// every other field. The file never holds the images.
import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../../files';
import { validRunFile } from '../../files/runFileParse.fixture';
import type { OwnDatasetRef } from './ownDataset';

const dataset: OwnDatasetRef = {
  id: 'dataset-00000001-abc',
  name: 'Stripes',
  classNames: ['vertical', 'horizontal'],
  hash: '755b6620c213af1b7803cf67714629ebdbda6a7581060fa3cfc4b5e66f64c45e',
  // 10 validation examples, as many as the fixture's labels.
  counts: { train: [20, 18], validation: [5, 5] },
};

function fileWith(ref: unknown, validationSize = 2000): string {
  return JSON.stringify({
    ...validRunFile,
    config: { ...validRunFile.config, validationSize, dataset: ref },
  });
}

describe('a run file’s own dataset', () => {
  it('is read back field for field, and sets how many validation examples the file has', () => {
    // validationSize (a Fashion-MNIST setting) does not apply: the split's 5 + 5 do.
    const result = parseRunFile(fileWith(dataset));
    expect(result.ok && result.run.config.dataset).toEqual(dataset);
    const mismatched = parseRunFile(
      fileWith({ ...dataset, counts: { train: [20, 18], validation: [6, 5] } }),
    );
    expect(!mismatched.ok && mismatched.error).toMatch(
      /logitGapHistogram counts must be 11 in total/,
    );
  });

  it('refuses a bad hash, names or counts, saying which field', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...dataset, hash: 'abc' }, /config\.dataset\.hash must be a SHA-256/],
      [{ ...dataset, classNames: ['one'] }, /config\.dataset\.classNames must be a list of 2/],
      [{ ...dataset, classNames: ['', 'b'] }, /classNames\[0\] must be a name of 1 to 100/],
      [{ ...dataset, name: 'x'.repeat(101) }, /config\.dataset\.name must be a name/],
      [
        { ...dataset, counts: { train: [4, 18], validation: [5, 5] } },
        /class 0\) must be 10 to 20000 images in all, got 9/,
      ],
      [
        { ...dataset, counts: { train: [20, 0], validation: [5, 5] } },
        /counts\.train\[1\] must be an integer in \[1, 20000\]/,
      ],
      [{ ...dataset, id: 3 }, /config\.dataset\.id must be text/],
    ];
    for (const [ref, pattern] of cases) {
      const result = parseRunFile(fileWith(ref));
      expect(result.ok, JSON.stringify(ref)).toBe(false);
      if (!result.ok) expect(result.error).toMatch(pattern);
    }
  });

  it('is absent from a Fashion-MNIST run’s file and its parsed config', () => {
    const result = parseRunFile(JSON.stringify(validRunFile));
    expect(result.ok && 'dataset' in result.run.config).toBe(false);
  });
});
