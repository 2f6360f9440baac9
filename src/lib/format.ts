// Human formatting for figures shown in the UI and its text alternatives. One place, so the
// charts' tables, the metrics panel and the controls all agree.

const MISSING = '—';

/** 3 significant digits: 0.693 → "0.693", 1.2345 → "1.23", 0.000123 → "0.000123". */
export function formatSignificant(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return String(Number(value.toPrecision(digits)));
}

/** A fraction as a percent with one decimal (3 significant digits from 10% up): 0.9123 → "91.2%". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return MISSING;
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Elapsed time as mm:ss, or h:mm:ss from an hour up. */
export function formatDuration(milliseconds: number | null | undefined): string {
  if (milliseconds === null || milliseconds === undefined || !Number.isFinite(milliseconds)) {
    return '00:00';
  }
  const totalSeconds = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  const paddedMinutes = String(minutes).padStart(2, '0');
  return hours > 0 ? `${hours}:${paddedMinutes}:${seconds}` : `${paddedMinutes}:${seconds}`;
}

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A throughput such as 12,345 (images per second). */
export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return MISSING;
  return WHOLE.format(perSecond);
}

/** A bin edge: at most 2 decimals, no trailing zeros (0.5, 1, 12.25). */
export function formatEdge(value: number): string {
  return String(Number(value.toFixed(2)));
}
