// The per-epoch class figures in a run file: optional (older files lack them and still open),
// whole and consistent when present.
import { describe, expect, it } from 'vitest';
import { classFigures } from '../metrics';
import { validRunFileText } from './runFileParse.fixture';
import { parseRunFile } from './runFileParse';

const labels = new Uint8Array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
const logits = new Float32Array([
  0.62, -0.52, 3, -1, 4, -4, 1, 0, 2, 1, -2, 2.5, 12, -12, -3, 3, -1, 5, 0, 0.5,
]);

/** The fixture's file with the logits' class figures in every epoch, then `edit`ed. */
function withClasses(edit: (figures: any) => void = () => {}): string {
  const doc = JSON.parse(validRunFileText);
  for (const epoch of doc.epochs) {
    epoch.classFigures = classFigures(logits, labels);
    edit(epoch.classFigures);
  }
  return JSON.stringify(doc);
}

function error(text: string): string {
  const result = parseRunFile(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('run file class figures', () => {
  it('are read back when present', () => {
    const result = parseRunFile(withClasses());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.epochs[0].classFigures).toEqual(classFigures(logits, labels));
  });

  it('are absent in files from before them, which still open', () => {
    const result = parseRunFile(validRunFileText);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.run.epochs[0].classFigures).toBeUndefined();
  });

  it('refuse a confusion that does not count the validation set', () => {
    expect(error(withClasses((f) => (f.confusion[0][0] += 1)))).toMatch(
      /epochs\[0\]\.classFigures\.confusion.*10 in total/,
    );
    expect(error(withClasses((f) => (f.confusion = [[10]])))).toMatch(/2 to 256 rows/);
    expect(error(withClasses((f) => f.confusion[1].pop()))).toMatch(/confusion\[1\]/);
  });

  it('refuse losses that do not make up validationLoss, or sit in an empty cell', () => {
    expect(error(withClasses((f) => (f.lossSum[0][0] += 0.5)))).toMatch(/make up validationLoss/);
    // The fixture's class 0 examples are all right: cell [0][1] counts none.
    expect(error(withClasses((f) => (f.lossSum[0][1] = 0.001)))).toMatch(/lossSum\[0\]\[1\]/);
    expect(error(withClasses((f) => (f.lossSum[0][0] = -1)))).toMatch(/lossSum\[0\]\[0\]/);
  });

  it('refuse confidences above the example count and an ECE outside [0, 1]', () => {
    expect(error(withClasses((f) => (f.confidenceSum[0] = 6)))).toMatch(/at most 5/);
    expect(error(withClasses((f) => (f.classwiseEce[1] = 1.5)))).toMatch(/classwiseEce\[1\]/);
  });
});
