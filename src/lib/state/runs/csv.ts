// The run's per-epoch figures as CSV (RFC 4180), for a spreadsheet or pandas. One row per epoch,
// the scalar metrics only: the histograms and reliability bins stay in the JSON run file.

import { fileStamp } from '../../core/files';
import type { EpochTemperature } from '../../core/metrics';
import type { EpochMetrics } from '../../core/types';
import { classColumnNames, classColumnValues } from './csvClasses';

/** Column order of the file; the header names are the EpochMetrics field names. */
export const CSV_COLUMNS = [
  'epoch',
  'trainLoss',
  'trainAccuracy',
  'validationLoss',
  'validationAccuracy',
  'validationLossCorrect',
  'validationLossWrong',
  'wrongCount',
  'ece',
  'mce',
  'imagesPerSecond',
] as const satisfies readonly (keyof EpochMetrics)[];

/** RFC 4180 ends every record with CRLF, the last one included. */
const LINE_END = '\r\n';

/** Quotes a field only when it must: it holds a comma, a double quote, CR or LF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Full precision: String(number) is the shortest text that parses back to the same double.
 * A diverged run's NaN / ±Infinity are written as such (pandas and spreadsheets read them).
 */
function numberField(value: number): string {
  return csvField(String(value));
}

/**
 * Temperature scaling at every epoch (the run file's `epochFixes`), appended when given: T, then
 * the evaluation half's NLL and ECE as trained and at T. Empty where an epoch has no fit.
 */
export const FIX_COLUMNS = {
  temperature: 'T',
  evaluationLoss: 'nllBefore',
  evaluationLossScaled: 'nllAfter',
  evaluationEce: 'eceBefore',
  evaluationEceScaled: 'eceAfter',
} as const satisfies Record<string, keyof EpochTemperature>;

/**
 * The run's figures; with `classNames`, each class's columns after them (csvClasses.ts); with
 * `fixes` (index e − 1: epoch e's fit), the FIX_COLUMNS last.
 */
export function epochsToCsv(
  epochs: readonly EpochMetrics[],
  classNames: readonly string[] = [],
  fixes: readonly (EpochTemperature | null)[] | null = null,
): string {
  const fixColumns = fixes === null ? [] : Object.entries(FIX_COLUMNS);
  const header = [
    ...CSV_COLUMNS,
    ...classColumnNames(classNames),
    ...fixColumns.map(([name]) => name),
  ]
    .map(csvField)
    .join(',');
  const rows = epochs.map((metrics) => {
    const fix = fixes?.[metrics.epoch - 1] ?? null;
    return [
      ...[
        ...CSV_COLUMNS.map((column) => metrics[column]),
        ...classColumnValues(metrics, classNames),
      ].map(numberField),
      ...fixColumns.map(([, field]) => (fix === null ? '' : numberField(fix[field]))),
    ].join(',');
  });
  return [header, ...rows].map((line) => line + LINE_END).join('');
}

/** e.g. "metrics-2026-01-31T12-00-00Z.csv": the same stamp as the run file's name. */
export function csvFileName(date: Date): string {
  return `metrics-${fileStamp(date)}.csv`;
}
