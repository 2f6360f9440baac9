import { describe, expect, it } from 'vitest';
import { parseLogitsFile } from './importedRun';
import { expected, fixture, parseFixture, refused } from './logitsFixtures.fixture';

async function messageFor(name: string): Promise<string> {
  const message = refused(await parseFixture(name));
  expect(message.length).toBeLessThanOrEqual(240);
  return message;
}

describe('parseLogitsFile refuses a bad .npz with a message naming the problem', () => {
  it.each([
    ['missing_labels.npz', /no labels array \(it holds: logits, train_loss\)/],
    ['missing_logits.npz', /no logits array \(it holds: labels\)/],
    ['examples_mismatch.npz', /labels has shape \(6,\) but logits has shape \(2, 5, 2\)/],
    ['logits_1d.npz', /logits has shape \(6,\); it must be \(epochs, examples, classes\)/],
    ['float_labels.npz', /labels has dtype <f8; labels must be integers/],
    ['complex_logits.npz', /^unsupported dtype <c8 in array logits$/],
    ['object_class_names.npz', /class_names is a Python object array.*np\.array\(names\)/],
    ['fortran_logits.npz', /logits was saved in Fortran.*np\.ascontiguousarray\(logits\)/],
    ['class_names_count.npz', /class_names has shape \(3,\) but logits has 2 classes/],
    ['train_loss_length.npz', /train_loss has shape \(2,\) but logits has 3 epochs/],
    ['train_accuracy_percent.npz', /train_accuracy\[0\] is 50; accuracy must be a fraction/],
    ['truncated.npz', /not a complete zip archive.*cut short/],
    ['damaged_deflate.npz', /logits\.npy .*(damaged|could not be decompressed)/],
    ['short_logits.npz', /logits\.npy is \d+ bytes but its header .* needs \d+/],
    ['not_a_zip.npz', /neither a NumPy \.npz archive nor a JSON file/],
    ['single_array.npy', /single \.npy array.*np\.savez/],
  ])('%s', async (name, pattern) => {
    expect(await messageFor(name)).toMatch(pattern);
  });

  it.each(['label_equals_k.npz', 'label_negative.npz'])(
    '%s: counts the labels outside 0..K−1 and names the first',
    async (name) => {
      const { count, index, value } = expected.bad[name];
      const message = await messageFor(name);
      const noun = count === 1 ? 'label is' : 'labels are';
      expect(message).toContain(`${count} ${noun} not a class index in 0..1`);
      expect(message).toContain(`the first is labels[${index}] = ${value}`);
    },
  );

  it('counts NaN and ±Infinity logits and names the first by epoch, example and class', async () => {
    const { count, epochIndex, example, class: classIndex } = expected.bad['nonfinite.npz'];
    expect(await messageFor('nonfinite.npz')).toBe(
      `${count} logits are NaN or infinite; the first at epoch ${epochIndex + 1}, ` +
        `example ${example}, class ${classIndex} ` +
        `(logits[${epochIndex}, ${example}, ${classIndex}])`,
    );
  });

  it('counts float64 logits too large for float32 as infinite, and places 2-D ones', async () => {
    const { count, example, class: classIndex } = expected.bad['nonfinite_2d_f64_be.npz'];
    expect(count).toBe(2); // 1e300 and NaN, per NumPy's own float32 cast
    expect(await messageFor('nonfinite_2d_f64_be.npz')).toBe(
      `2 logits are NaN or infinite; the first at example ${example}, class ${classIndex} ` +
        `(logits[${example}, ${classIndex}])`,
    );
  });

  it('refuses a file that is cut short anywhere, never throwing', async () => {
    const whole = fixture('f64_be_compressed.npz');
    for (let length = 0; length < whole.length; length += 7) {
      const result = await parseLogitsFile('cut.npz', whole.subarray(0, length));
      expect(result.ok).toBe(false);
    }
  });

  it.each(['f32_be_int32_labels.npz', 'f64_be_compressed.npz'])(
    '%s with any one byte changed is refused, or read as the same values',
    async (name) => {
      // A changed name, size, signature, checksum or value must be caught; one in a
      // timestamp or in a header's padding may pass, harmlessly.
      const whole = fixture(name);
      const original = await parseLogitsFile('changed.npz', whole);
      for (let at = 0; at < whole.length; at++) {
        const changed = whole.slice();
        changed[at] ^= 0x5a;
        const result = await parseLogitsFile('changed.npz', changed);
        if (result.ok) expect(result).toEqual(original);
      }
    },
  );
});

describe('limits are checked from the headers, before any value is read', () => {
  // These archives hold only .npy headers: any attempt to read values would report a
  // damaged file instead of the numbers.
  it.each([
    [
      'limit_examples.npz',
      '40 epochs × 200,000 examples × 10 classes: more than the 100,000 examples the page can hold',
    ],
    [
      'limit_epochs.npz',
      '1,001 epochs × 10 examples × 2 classes: more than the 1,000 epochs the page can hold',
    ],
    [
      'limit_classes.npz',
      '2 epochs × 10 examples × 1,001 classes: more than the 1,000 classes the page can hold',
    ],
    [
      'limit_values.npz',
      '600 epochs × 10,000 examples × 10 classes = 60,000,000 logits: ' +
        'more than the 50,000,000 the page can hold',
    ],
    // One column is a single sigmoid output, two classes: within the limits, so this header-only
    // file gets as far as its missing values.
    [
      'limit_one_class.npz',
      'labels.npy is 128 bytes but its header (shape (10,), dtype <i8) needs 208: the file is damaged',
    ],
  ])('%s', async (name, message) => {
    expect(await messageFor(name)).toBe(message);
  });
});
