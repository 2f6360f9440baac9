// The exact figure a hover readout shows, one format for every chart, so the loss chart, the
// calibration chart and the scoring chart agree to the last digit.

import { formatSignificant } from '../../format';

/** A hover readout's value: loss to 6 significant digits, accuracy as a percent to 0.01 %. */
export function exactValue(axis: string | undefined, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return axis === 'accuracy' ? `${(value * 100).toFixed(2)}%` : formatSignificant(value, 6);
}
