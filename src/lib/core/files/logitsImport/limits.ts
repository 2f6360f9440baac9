// How much an imported logits file may hold. The page keeps every epoch's logits in memory
// as float32 and recomputes metrics over all of them, so these bound memory (50 million
// values = 200 MB of float32) and the time a full recomputation takes.

/** Checked before anything is decoded; JSON has its own, lower cap below. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** V8 cannot hold a string much over 2^29 characters, and JSON.parse needs the whole text. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;
export const MAX_EXAMPLES = 100_000;
export const MAX_EPOCHS = 1_000;
export const MAX_CLASSES = 1_000;
export const MIN_CLASSES = 2;
export const MAX_LOGIT_VALUES = 50_000_000;
/** Longer class names are cut: they label chart axes and table rows. */
export const MAX_CLASS_NAME_CHARS = 60;

/** 1234567 → "1,234,567", the same in every locale (messages are compared in tests). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function counted(value: number, singular: string, plural: string): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}

function mebibytes(bytes: number): string {
  return `${formatCount(Math.ceil(bytes / (1024 * 1024)))} MiB`;
}

/** A message when the file is too large to read at all, else null. */
export function checkFileBytes(name: string, bytes: number, limit: number): string | null {
  if (bytes <= limit) return null;
  return `${name} is ${mebibytes(bytes)}: more than the ${mebibytes(limit)} the page can read`;
}

/**
 * A message naming the numbers when epochs × examples × classes is outside what the page
 * can hold, else null. Called with the sizes from a header or the JSON's list lengths,
 * before any logits are decoded.
 */
export function checkDimensions(epochs: number, examples: number, classes: number): string | null {
  const sizes =
    `${counted(epochs, 'epoch', 'epochs')} × ${counted(examples, 'example', 'examples')} × ` +
    counted(classes, 'class', 'classes');
  if (epochs < 1) return `${sizes}: the file holds no epochs`;
  if (examples < 1) return `${sizes}: the file holds no examples`;
  if (classes < MIN_CLASSES) return `${sizes}: the page needs at least ${MIN_CLASSES} classes`;
  if (examples > MAX_EXAMPLES) {
    return `${sizes}: more than the ${formatCount(MAX_EXAMPLES)} examples the page can hold`;
  }
  if (epochs > MAX_EPOCHS) {
    return `${sizes}: more than the ${formatCount(MAX_EPOCHS)} epochs the page can hold`;
  }
  if (classes > MAX_CLASSES) {
    return `${sizes}: more than the ${formatCount(MAX_CLASSES)} classes the page can hold`;
  }
  const values = epochs * examples * classes;
  if (values > MAX_LOGIT_VALUES) {
    return (
      `${sizes} = ${formatCount(values)} logits: more than the ` +
      `${formatCount(MAX_LOGIT_VALUES)} the page can hold`
    );
  }
  return null;
}
