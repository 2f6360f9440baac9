import { describe, expect, it } from 'vitest';
import { importedSettingsWords } from './importedSettings';

describe('importedSettingsWords', () => {
  it('names the file, its epochs, classes and examples', () => {
    expect(
      importedSettingsWords({
        name: 'cifar',
        epochs: 30,
        classNames: ['cat', 'dog', 'ship'],
        examples: 2000,
      }).holds,
    ).toBe(
      'Imported from “cifar”: 30 epochs, 3 classes: cat, dog and ship, 2,000 validation examples.',
    );
    expect(
      importedSettingsWords({ name: 'pair', epochs: 1, classNames: ['no', 'yes'], examples: null })
        .holds,
    ).toBe('Imported from “pair”: 1 epoch, 2 classes: no and yes.');
  });

  it('lists ten classes and counts the rest beyond', () => {
    const names = Array.from({ length: 12 }, (_, k) => `c${k}`);
    expect(
      importedSettingsWords({ name: 'x', epochs: 2, classNames: names, examples: 5 }).holds,
    ).toBe(
      'Imported from “x”: 2 epochs, 12 classes: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 2 more, 5 validation examples.',
    );
  });

  it('says the training settings do not apply', () => {
    expect(
      importedSettingsWords({ name: 'x', epochs: 2, classNames: ['a', 'b'], examples: 5 }).note,
    ).toBe(
      'The training settings (data, model, schedule) do not apply: this model was trained elsewhere and the file holds its logits. Press Reset to train one here.',
    );
  });
});
