// An .npz from np.savez / np.savez_compressed: a zip holding one `<name>.npy` per array.
// Order matters for memory: every header is read and every shape checked against the limits
// (and against the entry's size) before any array's values are decoded or allocated.

import { checkClassNames, checkCurve, checkLabels, NonFiniteTally } from './checks';
import type { ImportNote } from '../../runSource';
import type { DecodedLogits } from './importedLogits';
import { refuse } from './importError';
import { indicesFromOneHot, type LabelsShape, labelsNotes } from './labelsForm';
import { checkDimensions } from './limits';
import { classesOf, readLogitsForm } from './logitsForm';
import { type Dtype, type NpyHeader, readNpyHeader } from './npy';
import { decodeFloat32Into, decodeNumbers, decodeStrings } from './npyValues';
import { type OnProgress, progressReporter } from './progress';
import { readZipDirectory } from './zip';
import { type EntryReader, openEntry } from './zipEntryReader';

const ARRAY_NAMES = ['labels', 'logits', 'class_names', 'train_loss', 'train_accuracy'] as const;
type ArrayName = (typeof ARRAY_NAMES)[number];
/** Logits are decoded through a scratch block of this size, so progress can be reported. */
const BLOCK_BYTES = 1 << 20;
const SAVE_HINT = 'save with np.savez(path, labels=labels, logits=logits)';

/** What the headers say: the logits' sizes (columns: 1 for a single sigmoid output). */
interface Dimensions {
  epochs: number;
  examples: number;
  columns: number;
  labels: LabelsShape;
}

interface OpenArray {
  reader: EntryReader;
  header: NpyHeader;
  /** The entry's uncompressed size, to hold against what the header describes. */
  bytes: number;
}

function shapeText(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function isInteger(dtype: Dtype): boolean {
  return dtype.kind === 'signed' || dtype.kind === 'unsigned';
}

async function readValues(array: OpenArray): Promise<Uint8Array> {
  const values = new Uint8Array(array.header.count * array.header.dtype.itemBytes);
  await array.reader.readInto(values);
  await array.reader.finish();
  return values;
}

async function openArrays(zip: Uint8Array): Promise<Map<ArrayName, OpenArray>> {
  const entries = readZipDirectory(zip);
  const found = new Map(entries.map((entry) => [entry.name, entry]));
  const missing = ['labels', 'logits'].filter((name) => !found.has(`${name}.npy`));
  if (missing.length > 0) {
    const held = entries.map((entry) => entry.name.replace(/\.npy$/, '')).slice(0, 8);
    refuse(
      `the archive has no ${missing.join(' and no ')} array ` +
        `(it holds: ${held.join(', ') || 'nothing'}); ${SAVE_HINT}`,
    );
  }
  const arrays = new Map<ArrayName, OpenArray>();
  const opened: EntryReader[] = [];
  try {
    for (const name of ARRAY_NAMES) {
      const entry = found.get(`${name}.npy`);
      if (!entry) continue;
      const reader = openEntry(zip, entry);
      opened.push(reader);
      const header = await readNpyHeader(name, (target) => reader.readInto(target));
      arrays.set(name, { reader, header, bytes: entry.uncompressedSize });
    }
  } catch (error) {
    for (const reader of opened) reader.cancel();
    throw error;
  }
  return arrays;
}

/** How the labels array is laid out, or a refusal naming its shape against the logits'. */
function labelsShape(labels: NpyHeader, logits: NpyHeader, examples: number, classes: number) {
  const [rows, width] = labels.shape;
  const shape: LabelsShape | null =
    rows !== examples
      ? null
      : labels.shape.length === 1
        ? 'indices'
        : labels.shape.length !== 2
          ? null
          : width === 1
            ? 'column'
            : width === classes
              ? 'one-hot'
              : null;
  if (shape === null) {
    refuse(
      `labels has shape ${shapeText(labels.shape)} but logits has shape ` +
        `${shapeText(logits.shape)}: one label per example, ${examples}, is needed`,
    );
  }
  // One-hot rows are often float32 (keras.utils.to_categorical); indices must be integers.
  if (!isInteger(labels.dtype) && !(shape === 'one-hot' && labels.dtype.kind === 'float')) {
    refuse(
      `labels has dtype ${labels.dtype.descr}; labels must be integers (labels.astype(np.int64))`,
    );
  }
  return shape;
}

/** E, N and columns from the logits header; refuses wrong kinds and shapes before any value. */
function checkShapes(arrays: Map<ArrayName, OpenArray>): Dimensions {
  const logits = arrays.get('logits')!.header;
  if (logits.dtype.kind !== 'float') {
    refuse(`logits has dtype ${logits.dtype.descr}; logits must be float16, float32 or float64`);
  }
  if (logits.shape.length !== 2 && logits.shape.length !== 3) {
    refuse(
      `logits has shape ${shapeText(logits.shape)}; it must be (epochs, examples, classes), ` +
        'or (examples, classes) for one epoch',
    );
  }
  // (examples, classes) is a run of one epoch.
  const [epochs, examples, columns] =
    logits.shape.length === 3 ? logits.shape : [1, ...logits.shape];
  // A single sigmoid column becomes two classes, so the limits count two.
  const classes = classesOf(columns);
  const tooLarge = checkDimensions(epochs, examples, classes);
  if (tooLarge) refuse(tooLarge);
  const labels = labelsShape(arrays.get('labels')!.header, logits, examples, classes);
  const names = arrays.get('class_names')?.header;
  if (names && names.dtype.kind !== 'unicode' && names.dtype.kind !== 'bytes') {
    refuse(`class_names has dtype ${names.dtype.descr}; save np.array(names), an array of text`);
  }
  if (names && (names.shape.length !== 1 || names.count !== classes)) {
    refuse(`class_names has shape ${shapeText(names.shape)} but logits has ${classes} classes`);
  }
  for (const name of ['train_loss', 'train_accuracy'] as const) {
    const curve = arrays.get(name)?.header;
    if (!curve) continue;
    if (curve.dtype.kind !== 'float' && !isInteger(curve.dtype)) {
      refuse(`${name} has dtype ${curve.dtype.descr}; it must hold numbers`);
    }
    // A 0-d array (np.savez(train_loss=0.3)) is one value, which fits a one-epoch run.
    if (curve.shape.length > 1 || curve.count !== epochs) {
      refuse(`${name} has shape ${shapeText(curve.shape)} but logits has ${epochs} epochs`);
    }
  }
  for (const [name, array] of arrays) {
    const described = array.header.headerBytes + array.header.count * array.header.dtype.itemBytes;
    if (array.bytes !== described) {
      refuse(
        `${name}.npy is ${array.bytes} bytes but its header (shape ${shapeText(array.header.shape)}, ` +
          `dtype ${array.header.dtype.descr}) needs ${described}: the file is damaged`,
      );
    }
  }
  return { epochs, examples, columns, labels };
}

async function readLogits(
  array: OpenArray,
  { epochs, examples, columns: classes }: Dimensions,
  onProgress?: OnProgress,
): Promise<Float32Array[]> {
  const { dtype, shape } = array.header;
  const perEpoch = examples * classes;
  // Blocks of at most 1 MiB and at most a 50th of the data, so progress comes every 2 %.
  const blockValues = Math.max(
    1,
    Math.min(Math.floor(BLOCK_BYTES / dtype.itemBytes), Math.ceil((epochs * perEpoch) / 50)),
  );
  const scratch = new Uint8Array(Math.min(blockValues, perEpoch) * dtype.itemBytes);
  const advance = progressReporter(epochs * perEpoch, onProgress);
  const tally = new NonFiniteTally(
    classes,
    (e, i, k) =>
      shape.length === 3
        ? `epoch ${e + 1}, example ${i}, class ${k} (logits[${e}, ${i}, ${k}])`
        : `example ${i}, class ${k} (logits[${i}, ${k}])`,
    'NaN or infinite',
  );
  const epochLogits: Float32Array[] = [];
  for (let e = 0; e < epochs; e++) {
    const logits = new Float32Array(perEpoch);
    for (let start = 0; start < perEpoch; start += blockValues) {
      const block = scratch.subarray(0, Math.min(blockValues, perEpoch - start) * dtype.itemBytes);
      await array.reader.readInto(block);
      decodeFloat32Into(block, dtype, logits, start);
      advance(e * perEpoch + start + block.length / dtype.itemBytes);
    }
    tally.add(e, logits);
    epochLogits.push(logits);
  }
  await array.reader.finish();
  tally.check();
  return epochLogits;
}

async function readCurve(array: OpenArray | undefined, name: ArrayName, kind: 'loss' | 'accuracy') {
  if (!array) return null;
  const values = decodeNumbers(await readValues(array), array.header.dtype);
  return checkCurve(values, kind, (i) => `${name}[${i}]`);
}

function float16Notes(dtype: Dtype): ImportNote[] {
  if (dtype.itemBytes !== 2) return [];
  const text = `logits are float16 (${dtype.descr}): each value widened exactly to float32 on reading.`;
  return [{ kind: 'float16', text }];
}

/** The arrays of an .npz, checked; throws ImportError. */
export async function parseNpz(zip: Uint8Array, onProgress?: OnProgress): Promise<DecodedLogits> {
  const arrays = await openArrays(zip);
  try {
    const dimensions = checkShapes(arrays);
    const { examples, columns } = dimensions;
    const classes = classesOf(columns);
    const labelsArray = arrays.get('labels')!;
    const values = decodeNumbers(await readValues(labelsArray), labelsArray.header.dtype);
    const rawLabels =
      dimensions.labels === 'one-hot'
        ? indicesFromOneHot((i, k) => values[i * classes + k], examples, classes, 'labels')
        : values;
    const labels = checkLabels(
      rawLabels.length,
      (i) => rawLabels[i],
      classes,
      (i) => `labels[${i}]`,
    );
    const namesArray = arrays.get('class_names');
    const names = namesArray
      ? decodeStrings(await readValues(namesArray), namesArray.header.dtype)
      : null;
    const classNames = checkClassNames('class_names', names, classes);
    const trainLoss = await readCurve(arrays.get('train_loss'), 'train_loss', 'loss');
    const trainAccuracy = await readCurve(
      arrays.get('train_accuracy'),
      'train_accuracy',
      'accuracy',
    );
    const logitsArray = arrays.get('logits')!;
    const read = await readLogits(logitsArray, dimensions, onProgress);
    const { epochLogits, notes } = readLogitsForm(read, columns);
    return {
      classNames,
      labels,
      epochLogits,
      trainLoss,
      trainAccuracy,
      notes: [
        ...float16Notes(logitsArray.header.dtype),
        ...labelsNotes(dimensions.labels, examples, classes),
        ...notes,
      ],
    };
  } finally {
    for (const array of arrays.values()) array.reader.cancel();
  }
}
