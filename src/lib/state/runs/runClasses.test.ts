import { describe, expect, it } from 'vitest';
import { testConfig } from '../../core/train/trainConfig.fixture';
import { petsDataset } from './petsDataset.fixture';
import { classesLabel, runClassNames } from './runClasses';

describe('runClassNames', () => {
  it('names the Fashion-MNIST pair, an own dataset’s classes, or an imported file’s K classes', () => {
    const fashion = testConfig({ classes: ['pullover', 'coat'] });
    expect(runClassNames(fashion, null)).toEqual(['Pullover', 'Coat']);
    const own = testConfig({
      dataset: petsDataset({ train: [8, 8], validation: [2, 2] }),
    });
    expect(runClassNames(own, null)).toEqual(['cats', 'dogs']);
    expect(classesLabel(own)).toBe('cats vs dogs (your images: Pets)');
    const imported = {
      kind: 'imported' as const,
      name: 'cifar',
      format: 'npz' as const,
      classNames: ['plane', 'car', 'bird'],
      hasTrainCurve: false,
    };
    expect(runClassNames(fashion, imported)).toEqual(['plane', 'car', 'bird']);
  });
});
