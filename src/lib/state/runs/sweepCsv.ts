// The sweep's table as CSV (RFC 4180): one row per arm, and per summary figure its mean, sd,
// min and max over seeds, then its paired difference to the reference arm with the 95 %
// interval and whether it is beyond seed noise. Empty fields where there is no number (one
// seed has no sd; the reference arm has no difference).

import { SUMMARY_KEYS, type SweepTableRow } from '../../core/sweep';
import { csvField } from './csv';

const LINE_END = '\r\n';
const STATISTICS = ['mean', 'sd', 'min', 'max', 'diff', 'diffLow', 'diffHigh', 'beyondNoise'];

/** Full precision (String gives the shortest text that reads back to the same double); '' for NaN. */
function numberField(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '' : String(value);
}

export function sweepTableToCsv(rows: readonly SweepTableRow[]): string {
  const header = [
    'arm',
    'label',
    'seeds',
    ...SUMMARY_KEYS.flatMap((key) => STATISTICS.map((statistic) => `${key} ${statistic}`)),
  ];
  const lines = rows.map((row) => [
    csvField(row.arm.name),
    csvField(row.arm.label),
    String(row.seeds.length),
    ...SUMMARY_KEYS.flatMap((key) => {
      const { spread, difference } = row.cells[key];
      return [
        ...[spread.mean, spread.sd, spread.min, spread.max].map(numberField),
        ...[difference?.mean, difference?.low, difference?.high].map(numberField),
        difference === null ? '' : difference.beyondNoise ? '1' : '0',
      ];
    }),
  ]);
  return [header.map(csvField), ...lines].map((line) => line.join(',') + LINE_END).join('');
}
