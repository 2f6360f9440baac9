// Cells and tables of the bench's Markdown report. Every cell is a measured number or
// "n/a (reason)", never an estimate.

/** @param {number | null | undefined} v @param {number} [digits] @param {string} [unit] */
export const n = (v, digits = 1, unit = '') =>
  typeof v === 'number' && Number.isFinite(v)
    ? `${v.toFixed(digits)}${unit}`
    : 'n/a (not measured)';

/** @param {any} s a Summary @param {number} [digits] */
export const range = (s, digits = 1) =>
  s
    ? `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`
    : 'n/a (not measured)';

/** @param {string[][]} rows first row = header */
export const table = (rows) =>
  [rows[0], rows[0].map(() => '---'), ...rows.slice(1)]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');
