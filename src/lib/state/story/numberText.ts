// Number text for the explanation panels, where trailing zeros carry meaning: a loss of
// "24.0" or a probability of "1.00" says "three significant digits, all shown", which
// format.ts's formatSignificant (it drops them: "24", "1") cannot say.

import { formatSignificant } from '../../format';

const MISSING = '—';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Below this magnitude, plain decimals would need a long run of zeros: use "× 10⁻ⁿ". */
const SMALLEST_PLAIN = 1e-4;
/** From here up, toPrecision would switch to "1.23e+3": print the whole number instead. */
const LARGEST_PLAIN = 1e3;

function superscript(exponent: number): string {
  const digits = String(Math.abs(exponent))
    .split('')
    .map((digit) => SUPERSCRIPT_DIGITS[Number(digit)])
    .join('');
  return (exponent < 0 ? '⁻' : '') + digits;
}

/**
 * `digits` significant digits, trailing zeros kept: 0.27722 → "0.277", 24.00000000004 → "24.0",
 * 0.99999 → "1.00", 3.775e-11 → "3.78 × 10⁻¹¹", 1234.5 → "1235", −0.5 → "−0.500".
 */
export function formatFigure(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const sign = value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  if (magnitude === 0) return (0).toFixed(Math.max(digits - 1, 0));
  // Compare after rounding: 999.7 rounds to "1.00e+3" at three digits.
  if (Number(magnitude.toPrecision(digits)) >= LARGEST_PLAIN) {
    return sign + String(Math.round(magnitude));
  }
  if (magnitude < SMALLEST_PLAIN) {
    const [mantissa, exponent] = magnitude.toExponential(digits - 1).split('e');
    return `${sign}${mantissa} × 10${superscript(Number(exponent))}`;
  }
  return sign + magnitude.toPrecision(digits);
}

/** A logit with two decimals and a true minus sign: 12.346 → "12.35", −0.52 → "−0.52". */
export function formatLogit(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = Math.abs(value).toFixed(2);
  // No "−0.00": a value that rounds to zero has no sign worth showing.
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** A fraction as a percent to 3 significant digits: 0.38 → "38%", 0.0912 → "9.12%", 1.5 → "150%". */
export function percentText(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${formatSignificant(fraction * 100)}%`;
}

/** A change of accuracy in percentage points, signed: +0.4, −1.2, 0. */
export function pointsText(delta: number): string {
  const points = Number((delta * 100).toFixed(1));
  if (points === 0) return '0';
  return points > 0 ? `+${points}` : `−${Math.abs(points)}`;
}

/** Clauses joined "a; b; c." with the first letter capitalised. */
export function sentence(clauses: (string | null)[]): string {
  const text = clauses.filter((clause) => clause !== null).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** "1 epoch", "3 epochs". */
export function epochsText(count: number): string {
  return count === 1 ? '1 epoch' : `${count} epochs`;
}
