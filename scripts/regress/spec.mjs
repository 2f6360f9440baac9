// Reads and checks a regression spec (regress/spec.json; format in regress/README.md), so a
// typo fails in the first second with its place named, not after minutes of training.

import { METRICS } from './compare.mjs';

export const BACKENDS = ['webgpu', 'webgl', 'cpu'];
const ENTRY_KEYS = [
  'name',
  'description',
  'hash',
  'backends',
  'baseline',
  'tolerance',
  'repeat',
  'repeatTolerance',
  'expect',
  'agree',
  'timeoutSeconds',
];
/** A run that has not finished by then is a failed run (the phenomenon preset takes ~3 min). */
const DEFAULT_TIMEOUT_SECONDS = 600;

/**
 * @typedef {object} SpecEntry
 * @property {string} name
 * @property {string} description
 * @property {string} hash settings without backend/autostart (the driver adds those)
 * @property {string[]} backends
 * @property {boolean} baseline compare with regress/baselines/<name>.<backend>.json
 * @property {Record<string, Partial<import('./compare.mjs').Tolerance>>} tolerance
 * @property {number} repeat runs per backend; ≥ 2 measures run-to-run drift
 * @property {number} repeatTolerance the largest allowed drift of validationLoss between repeats
 * @property {{ lossRiseAtLeast?: number, accuracyWithinPoints?: number } | null} expect
 * @property {{ metric: string, epoch: number, tolerance: number } | null} agree
 * @property {number} timeoutSeconds
 */

/**
 * @param {boolean} condition
 * @param {string} message
 * @returns {asserts condition}
 */
function check(condition, message) {
  if (!condition) throw new Error(`regress spec: ${message}`);
}

/** @param {unknown} value */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** @param {unknown} value */
const isPositive = (value) => typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * @param {unknown} raw the parsed JSON
 * @returns {SpecEntry[]}
 */
export function parseSpec(raw) {
  check(Array.isArray(raw), 'expected a JSON list of runs');
  /** @type {Set<string>} */
  const names = new Set();
  return raw.map((item, index) => {
    const where = `entry ${index + 1}`;
    check(isObject(item), `${where} must be an object`);
    const entry = /** @type {Record<string, unknown>} */ (item);
    for (const key of Object.keys(entry)) {
      check(ENTRY_KEYS.includes(key), `${where} has an unknown key "${key}"`);
    }
    const { name, hash, backends } = entry;
    check(
      typeof name === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(name),
      `${where}: name must be lowercase letters, digits and dashes`,
    );
    check(!names.has(name), `two entries are named "${name}"`);
    names.add(name);
    check(typeof hash === 'string', `${name}: hash must be text`);
    check(
      !/(^|&)(backend|autostart)=/.test(hash),
      `${name}: leave backend and autostart out of hash (the driver sets them)`,
    );
    check(
      Array.isArray(backends) && backends.length > 0 && backends.every((b) => BACKENDS.includes(b)),
      `${name}: backends must be a list of ${BACKENDS.join(', ')}`,
    );
    check(new Set(backends).size === backends.length, `${name}: a backend is listed twice`);
    const tolerance = entry.tolerance ?? {};
    check(isObject(tolerance), `${name}: tolerance must be an object of metric → { abs, rel }`);
    for (const [metric, limit] of Object.entries(/** @type {object} */ (tolerance))) {
      check(METRICS.includes(metric), `${name}: tolerance for unknown metric "${metric}"`);
      check(
        isObject(limit) && Object.values(limit).every((v) => typeof v === 'number' && v >= 0),
        `${name}: tolerance.${metric} must be { abs?, rel? } with numbers ≥ 0`,
      );
    }
    const repeat = entry.repeat ?? 1;
    check(
      Number.isInteger(repeat) && /** @type {number} */ (repeat) >= 1,
      `${name}: repeat must be an integer ≥ 1`,
    );
    const repeatTolerance = entry.repeatTolerance ?? 1e-6;
    check(
      typeof repeatTolerance === 'number' && repeatTolerance >= 0,
      `${name}: repeatTolerance must be a number ≥ 0`,
    );
    const expectation = entry.expect ?? null;
    if (expectation !== null) {
      check(isObject(expectation), `${name}: expect must be an object`);
      const { lossRiseAtLeast, accuracyWithinPoints, ...rest } =
        /** @type {Record<string, unknown>} */ (expectation);
      check(
        Object.keys(rest).length === 0,
        `${name}: expect knows lossRiseAtLeast and accuracyWithinPoints only`,
      );
      check(
        lossRiseAtLeast === undefined || isPositive(lossRiseAtLeast),
        `${name}: expect.lossRiseAtLeast must be a number > 0 (0.2 = 20 %)`,
      );
      check(
        accuracyWithinPoints === undefined || isPositive(accuracyWithinPoints),
        `${name}: expect.accuracyWithinPoints must be a number > 0`,
      );
    }
    const agree = entry.agree ?? null;
    if (agree !== null) {
      check(isObject(agree), `${name}: agree must be an object`);
      const { metric, epoch, tolerance: limit } = /** @type {Record<string, unknown>} */ (agree);
      check(
        typeof metric === 'string' && METRICS.includes(metric),
        `${name}: agree.metric must be one of ${METRICS.join(', ')}`,
      );
      check(
        Number.isInteger(epoch) && /** @type {number} */ (epoch) >= 1,
        `${name}: agree.epoch must be an integer ≥ 1`,
      );
      check(
        typeof limit === 'number' && limit >= 0,
        `${name}: agree.tolerance must be a number ≥ 0`,
      );
      check(backends.length >= 2, `${name}: agree needs at least two backends`);
    }
    const timeoutSeconds = entry.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    check(isPositive(timeoutSeconds), `${name}: timeoutSeconds must be a number > 0`);
    const description = entry.description ?? '';
    check(typeof description === 'string', `${name}: description must be text`);
    const baseline = entry.baseline ?? true;
    check(typeof baseline === 'boolean', `${name}: baseline must be true or false`);
    return /** @type {SpecEntry} */ ({
      name,
      description,
      hash: hash.replace(/^#/, ''),
      backends,
      baseline,
      tolerance,
      repeat,
      repeatTolerance,
      expect: expectation,
      agree,
      timeoutSeconds,
    });
  });
}
