import { describe, expect, it } from 'vitest';
import { accepted, expected, type ExpectedRun, parseFixture } from './logitsFixtures.fixture';

/** Float32 rounding of NumPy's value: the parser stores float32 (float64 input is rounded). */
function expectRun(name: string, want: ExpectedRun, run: ReturnType<typeof accepted>) {
  expect(run.name).toBe(name.replace(/\.[^.]+$/, ''));
  expect(Array.from(run.labels)).toEqual(want.labels);
  expect(run.epochLogits).toHaveLength(want.logits.length);
  run.epochLogits.forEach((logits, e) => {
    expect(Array.from(logits)).toEqual(want.logits[e].flat().map(Math.fround));
  });
  expect(run.trainLoss).toEqual(want.trainLoss);
  expect(run.trainAccuracy).toEqual(want.trainAccuracy);
}

describe('parseLogitsFile on the .npz files NumPy wrote', () => {
  const cleanNames = Object.keys(expected.good).filter(
    (name) => name.endsWith('.npz') && name !== 'messy_class_names.npz',
  );

  it.each(cleanNames)('%s matches NumPy', async (name) => {
    const run = accepted(await parseFixture(name));
    expect(run.format).toBe('npz');
    expectRun(name, expected.good[name], run);
    expect(run.classNames).toEqual(expected.good[name].classNames);
  });

  it('covers the dtypes, byte orders and zip methods the brief names', () => {
    // A guard on the fixture list itself: if the script drops one, this says which.
    expect(cleanNames.sort()).toEqual([
      'f32_be_int32_labels.npz', // >f4 logits, <i4 labels, stored
      'f32_le_stored.npz', // <f4, <i8, <U3 names, both curves, stored
      'f64_be_compressed.npz', // >f8, >i8, >U4 names, deflate
      'f64_le_2d_compressed.npz', // 2-D <f8 (one epoch), |u1 labels, 0-d train_loss, deflate
      'npy_versions_2_3.npz', // .npy header versions 2.0 and 3.0, >i2 labels
      'ten_classes_compressed.npz', // K = 10, |S names, deflate
      'zip64_directory.npz', // every size and offset in zip64 extra fields
    ]);
  });

  it('reads a 2-D logits array as one epoch, and a 0-d train_loss as its one value', async () => {
    const run = accepted(await parseFixture('f64_le_2d_compressed.npz'));
    expect(run.epochLogits).toHaveLength(1);
    expect(run.epochLogits[0]).toHaveLength(7 * 2);
    expect(run.trainLoss).toEqual([0.3125]);
    expect(run.trainAccuracy).toEqual([0.875]);
  });

  it('names absent classes "class 0" … "class K−1"', async () => {
    const run = accepted(await parseFixture('f32_be_int32_labels.npz'));
    expect(run.classNames).toEqual(['class 0', 'class 1']);
  });

  it('trims class names, turns control characters into spaces and cuts long ones', async () => {
    const name = 'messy_class_names.npz';
    const run = accepted(await parseFixture(name));
    expectRun(name, expected.good[name], run);
    // "  dog\tbreed  " → tab to space, trimmed; 70 × "x" → 59 × "x" + "…" (60 characters);
    // "   " → empty after trimming → the default name for its index.
    expect(run.classNames).toEqual(['dog breed', `${'x'.repeat(59)}…`, 'class 2']);
  });

  it('reports progress in steps of at most 5 %, rising, ending at 1', async () => {
    const fractions: number[] = [];
    accepted(await parseFixture('ten_classes_compressed.npz', (f) => fractions.push(f)));
    expect(fractions.at(-1)).toBe(1);
    const steps = fractions.map((f, i) => f - (i === 0 ? 0 : fractions[i - 1]));
    expect(Math.min(...steps)).toBeGreaterThan(0);
    expect(Math.max(...steps)).toBeLessThanOrEqual(0.05);
  });
});
