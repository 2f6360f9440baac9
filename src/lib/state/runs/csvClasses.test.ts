import { describe, expect, it } from 'vitest';
import type { ClassFigures, EpochMetrics } from '../../core/types';
import { epochsToCsv } from './csv';
import { classColumnNames, classColumnValues } from './csvClasses';

// cat: 3 right (loss 0.3), 1 → dog (loss 2.1); dog: 2 right (loss 0.2). Total loss 2.6.
const FIGURES: ClassFigures = {
  confusion: [
    [3, 1],
    [0, 2],
  ],
  lossSum: [
    [0.3, 2.1],
    [0, 0.2],
  ],
  confidenceSum: [3.2, 1.8],
  classwiseEce: [0.25, 0.125],
};

describe('per-class CSV columns', () => {
  it('names four columns per class', () => {
    expect(classColumnNames(['cat', 'dog'])).toEqual([
      'acc_cat',
      'nll_cat',
      'loss_share_cat',
      'ece_cat',
      'acc_dog',
      'nll_dog',
      'loss_share_dog',
      'ece_dog',
    ]);
  });

  it('reads accuracy, mean loss, share and classwise ECE per class', () => {
    const values = classColumnValues({ classFigures: FIGURES }, ['cat', 'dog']);
    const expected = [3 / 4, 2.4 / 4, 2.4 / 2.6, 0.25, 1, 0.2 / 2, 0.2 / 2.6, 0.125];
    values.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 12));
  });

  it('writes NaN for epochs without class figures, and nothing without class names', () => {
    expect(classColumnValues({}, ['a', 'b'])).toEqual(new Array(8).fill(Number.NaN));
    const epoch = { epoch: 1, classFigures: FIGURES } as unknown as EpochMetrics;
    const [header, row] = epochsToCsv([epoch], ['cat', 'dog']).split('\r\n');
    expect(
      header.endsWith(
        ',acc_cat,nll_cat,loss_share_cat,ece_cat,acc_dog,nll_dog,loss_share_dog,ece_dog',
      ),
    ).toBe(true);
    expect(row.endsWith(',0.75,0.6,0.923076923076923,0.25,1,0.1,0.07692307692307693,0.125')).toBe(
      true,
    );
    expect(epochsToCsv([epoch]).split('\r\n')[0]).not.toMatch(/acc_/);
  });
});
