// The JSON logits format, for people without NumPy:
//   {"format": "overconfidence-playground/logits@1", "classes": [K names], "labels": [N],
//    "epochs": [{"epoch": 1, "logits": [[K numbers] × N], "trainLoss"?: x,
//                "trainAccuracy"?: y}, …]}
// JSON has no NaN or Infinity, so a null logit stands for one and is reported as non-finite.

import { describe, plain } from '../untrustedJson';
import { checkClassNames, checkCurve, checkLabels, NonFiniteTally } from './checks';
import type { DecodedLogits } from './importedLogits';
import { refuse } from './importError';
import { indicesFromOneHot, labelsNotes } from './labelsForm';
import { checkDimensions } from './limits';
import { readLogitsForm } from './logitsForm';
import { type OnProgress, progressReporter } from './progress';

/** Written as the file's "format"; re-exported by importedRun.ts, where the other formats meet. */
export const LOGITS_JSON_FORMAT = 'overconfidence-playground/logits@1';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(parent: Json, key: string, path: string): unknown[] {
  if (!Object.hasOwn(parent, key)) refuse(`${path} is missing`);
  const value = parent[key];
  if (!Array.isArray(value)) refuse(`${path} must be a list, got ${describe(value)}`);
  return value;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (/\bNaN\b|\bInfinity\b/.test(text)) {
      refuse(
        'not valid JSON: it contains NaN or Infinity, which JSON cannot hold; write null ' +
          "instead (Python's json.dump writes them unless allow_nan=False)",
      );
    }
    return refuse(`not valid JSON: ${plain(error instanceof Error ? error.message : '', 120)}`);
  }
}

function readRoot(value: unknown): Json {
  const example = `{"format": "${LOGITS_JSON_FORMAT}", …}`;
  if (!isObject(value)) refuse(`the JSON must be one object, ${example}`);
  if (!Object.hasOwn(value, 'format')) refuse(`format is missing; the file must begin ${example}`);
  if (value.format !== LOGITS_JSON_FORMAT) {
    refuse(`format must be "${LOGITS_JSON_FORMAT}", got ${describe(value.format)}`);
  }
  return value;
}

/** Reads `epochs[e].<key>` from every epoch, or none: a curve with holes cannot be drawn. */
function readCurve(epochs: Json[], key: 'trainLoss' | 'trainAccuracy'): number[] | null {
  const holding = epochs.filter((epoch) => Object.hasOwn(epoch, key)).length;
  if (holding === 0) return null;
  const values = epochs.map((epoch, e) => {
    if (!Object.hasOwn(epoch, key)) {
      refuse(`epochs[${e}].${key} is missing; give ${key} for every epoch or for none`);
    }
    const value = epoch[key];
    if (typeof value !== 'number')
      refuse(`epochs[${e}].${key} must be a number, got ${describe(value)}`);
    return value;
  });
  return checkCurve(
    values,
    key === 'trainLoss' ? 'loss' : 'accuracy',
    (e) => `epochs[${e}].${key}`,
  );
}

function readEpochLogits(rowsValue: unknown, e: number, examples: number, classes: number) {
  // `classes` here is the row length: 1 for a single sigmoid output.
  const path = `epochs[${e}].logits`;
  if (!Array.isArray(rowsValue))
    refuse(`${path} must be a list of rows, got ${describe(rowsValue)}`);
  if (rowsValue.length !== examples) {
    refuse(`${path} has ${rowsValue.length} rows but labels has ${examples}: one row per example`);
  }
  const logits = new Float32Array(examples * classes);
  rowsValue.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== classes) {
      refuse(
        `${path}[${i}] must be a list of ${classes} numbers, one per class, got ${describe(row)}`,
      );
    }
    for (let k = 0; k < classes; k++) {
      const value: unknown = row[k];
      if (value === null) logits[i * classes + k] = NaN;
      else if (typeof value === 'number') logits[i * classes + k] = value;
      else refuse(`${path}[${i}][${k}] must be a number or null, got ${describe(value)}`);
    }
  });
  return logits;
}

/** One-hot label rows ([0, 1, 0] per example) as class indices; refused unless each is one-hot. */
function oneHotLabels(rows: unknown[], classes: number): number[] {
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== classes) {
      refuse(`labels[${i}] must be a one-hot list of ${classes} numbers, got ${describe(row)}`);
    }
  });
  const value = (i: number, k: number) => (rows[i] as unknown[])[k];
  const numeric = (i: number, k: number) => {
    const entry = value(i, k);
    return typeof entry === 'number' ? entry : Number.NaN;
  };
  return Array.from(indicesFromOneHot(numeric, rows.length, classes, 'labels'));
}

/**
 * Two classes written as one number per row (a single sigmoid output) give rows of length 1;
 * otherwise a row holds one logit per class.
 */
function rowLength(epochs: Json[], classes: number): number {
  const rows = epochs[0]?.logits;
  const first = Array.isArray(rows) ? rows[0] : undefined;
  return classes === 2 && Array.isArray(first) && first.length === 1 ? 1 : classes;
}

/** The logits of a JSON file's text, checked; throws ImportError. */
export function parseLogitsJson(text: string, onProgress?: OnProgress): DecodedLogits {
  const root = readRoot(parseText(text));
  const classesValue = list(root, 'classes', 'classes');
  const labelsValue = list(root, 'labels', 'labels');
  const epochsValue = list(root, 'epochs', 'epochs');
  const classes = classesValue.length;
  const examples = labelsValue.length;
  const tooLarge = checkDimensions(epochsValue.length, examples, classes);
  if (tooLarge) refuse(tooLarge);

  const names = classesValue.map((name, k) => {
    if (typeof name !== 'string') refuse(`classes[${k}] must be text, got ${describe(name)}`);
    return name;
  });
  const classNames = checkClassNames('classes', names, classes);
  const oneHot = labelsValue.length > 0 && Array.isArray(labelsValue[0]);
  const labelNumbers = oneHot ? oneHotLabels(labelsValue, classes) : labelsValue;
  labelNumbers.forEach((label, i) => {
    if (typeof label !== 'number')
      refuse(`labels[${i}] must be a class index, got ${describe(label)}`);
  });
  const labels = checkLabels(
    examples,
    (i) => labelNumbers[i] as number,
    classes,
    (i) => `labels[${i}]`,
  );

  const epochs = epochsValue.map((epoch, e) => {
    if (!isObject(epoch)) refuse(`epochs[${e}] must be an object, got ${describe(epoch)}`);
    if (epoch.epoch !== e + 1) {
      const found = Object.hasOwn(epoch, 'epoch') ? describe(epoch.epoch) : 'missing';
      refuse(
        `epochs[${e}].epoch is ${found} but should be ${e + 1}: ` +
          'epochs must be numbered 1, 2, 3, … in order',
      );
    }
    return epoch;
  });
  const trainLoss = readCurve(epochs, 'trainLoss');
  const trainAccuracy = readCurve(epochs, 'trainAccuracy');

  const advance = progressReporter(epochs.length, onProgress);
  const tally = new NonFiniteTally(
    classes,
    (e, i, k) => `epoch ${e + 1}, example ${i}, class ${k} (epochs[${e}].logits[${i}][${k}])`,
    'null or infinite',
  );
  const columns = rowLength(epochs, classes);
  const read = epochs.map((epoch, e) => {
    if (!Object.hasOwn(epoch, 'logits')) refuse(`epochs[${e}].logits is missing`);
    const logits = readEpochLogits(epoch.logits, e, examples, columns);
    tally.add(e, logits);
    advance(e + 1);
    return logits;
  });
  tally.check();
  const { epochLogits, notes } = readLogitsForm(read, columns);
  const labelNotes = labelsNotes(oneHot ? 'one-hot' : 'indices', examples, classes);
  return {
    classNames,
    labels,
    epochLogits,
    trainLoss,
    trainAccuracy,
    notes: [...labelNotes, ...notes],
  };
}
