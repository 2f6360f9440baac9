import { describe, expect, it } from 'vitest';
import { exactValue } from './readout';

describe('hover readouts', () => {
  it('give losses to 6 significant digits and accuracies to 0.01 %', () => {
    expect(exactValue('loss', 0.23456789)).toBe('0.234568');
    expect(exactValue('accuracy', 0.91234)).toBe('91.23%');
    expect(exactValue('loss', null)).toBe('—');
  });
});
