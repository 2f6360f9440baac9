// Builds the dataset the app ships in static/data/ from Debian's dataset-fashion-mnist idx files.
//
// Why per-class files: the page only ever needs two classes, so it fetches four small files
// (train + held-out test of each class) instead of the 30 MB original. Why idx + gzip: the
// browser decodes it with the built-in DecompressionStream and a 20-line parser, no libraries.
//
// Output is deterministic (fixed gzip level, no timestamps in the gzip header), so re-running
// produces byte-identical files and the committed sha256 sums stay valid.
//
// Usage: npm run dataset   (FASHION_MNIST_DIR overrides the source folder)

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const SOURCE_DIR = process.env.FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist';
const COPYRIGHT_FILE = '/usr/share/doc/dataset-fashion-mnist/copyright';
const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'static', 'data');

/** Training images kept per class: 2 × 3000 covers the largest training-set size the UI offers. */
const TRAIN_PER_CLASS = 3000;
const IMAGE_SIDE = 28;
const IMAGE_BYTES = IMAGE_SIDE * IMAGE_SIDE;
const IDX3_MAGIC = 0x00000803; // unsigned byte, 3 dimensions
const IDX1_MAGIC = 0x00000801; // unsigned byte, 1 dimension
const GZIP_LEVEL = 9;
const FORMAT = 'overconfidence-playground/dataset@1';

// Must match CLASS_SLUGS / CLASS_NAMES in src/lib/core/types.ts (a test checks the manifest).
const CLASSES = [
  ['tshirt', 'T-shirt/top'],
  ['trouser', 'Trouser'],
  ['pullover', 'Pullover'],
  ['dress', 'Dress'],
  ['coat', 'Coat'],
  ['sandal', 'Sandal'],
  ['shirt', 'Shirt'],
  ['sneaker', 'Sneaker'],
  ['bag', 'Bag'],
  ['boot', 'Ankle boot'],
];

/**
 * Reads a gzipped idx file and checks its header; returns the payload after the header.
 * @param {string} fileName
 * @param {number} expectedMagic
 * @returns {{ dims: number[]; payload: Uint8Array }}
 */
function readIdx(fileName, expectedMagic) {
  const path = join(SOURCE_DIR, fileName);
  if (!existsSync(path)) {
    throw new Error(
      `${path} not found. Install the Debian package dataset-fashion-mnist or set FASHION_MNIST_DIR.`,
    );
  }
  const bytes = gunzipSync(readFileSync(path));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    throw new Error(
      `${fileName}: magic 0x${magic.toString(16)}, expected 0x${expectedMagic.toString(16)}`,
    );
  }
  const ndims = magic & 0xff;
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i));
  const headerBytes = 4 + 4 * ndims;
  const payload = bytes.subarray(headerBytes);
  if (payload.length !== dims.reduce((a, b) => a * b, 1)) {
    throw new Error(`${fileName}: payload is ${payload.length} bytes, dims ${dims.join('×')}`);
  }
  return { dims, payload };
}

/** @typedef {{ images: Uint8Array; labels: Uint8Array }} SourceSplit */
/** @typedef {{ count: number; idx: Buffer }} EncodedClass */

/**
 * @param {string} prefix 'train' or 't10k'
 * @returns {SourceSplit}
 */
function loadSplit(prefix) {
  const images = readIdx(`${prefix}-images-idx3-ubyte.gz`, IDX3_MAGIC);
  const labels = readIdx(`${prefix}-labels-idx1-ubyte.gz`, IDX1_MAGIC);
  if (
    images.dims[0] !== labels.dims[0] ||
    images.dims[1] !== IMAGE_SIDE ||
    images.dims[2] !== IMAGE_SIDE
  ) {
    throw new Error(
      `${prefix}: images ${images.dims.join('×')} do not match ${labels.dims[0]} labels`,
    );
  }
  return { images: images.payload, labels: labels.payload };
}

/**
 * The first `limit` images of `classIndex`, in original order, as one idx3-ubyte buffer.
 * @param {SourceSplit} split
 * @param {number} classIndex
 * @param {number} limit
 * @returns {EncodedClass}
 */
function encodeClass(split, classIndex, limit) {
  /** @type {number[]} */
  const picked = [];
  for (let i = 0; i < split.labels.length && picked.length < limit; i++) {
    if (split.labels[i] === classIndex) picked.push(i);
  }
  const header = Buffer.alloc(16);
  header.writeUInt32BE(IDX3_MAGIC, 0);
  header.writeUInt32BE(picked.length, 4);
  header.writeUInt32BE(IMAGE_SIDE, 8);
  header.writeUInt32BE(IMAGE_SIDE, 12);
  const pixels = Buffer.alloc(picked.length * IMAGE_BYTES);
  picked.forEach((source, target) => {
    pixels.set(
      split.images.subarray(source * IMAGE_BYTES, (source + 1) * IMAGE_BYTES),
      target * IMAGE_BYTES,
    );
  });
  return { count: picked.length, idx: Buffer.concat([header, pixels]) };
}

/**
 * @param {string} fileName
 * @param {EncodedClass} encoded
 */
function writeSplit(fileName, encoded) {
  // Node's gzip header carries mtime 0, so the bytes depend only on the input and the level.
  const gz = gzipSync(encoded.idx, { level: GZIP_LEVEL });
  writeFileSync(join(OUT_DIR, fileName), gz);
  return {
    file: fileName,
    count: encoded.count,
    bytes: gz.length,
    sha256: createHash('sha256').update(gz).digest('hex'),
  };
}

function licenceText() {
  const header =
    'Fashion-MNIST\n' +
    'https://github.com/zalandoresearch/fashion-mnist\n\n' +
    'The files in this folder are a per-class subset of Fashion-MNIST, re-encoded as\n' +
    'gzipped idx3-ubyte files by scripts/build-dataset.mjs from the Debian package\n' +
    'dataset-fashion-mnist. The pixels are unchanged.\n\n' +
    'The MIT License (MIT)\n\n' +
    'Copyright (c) 2017 Zalando SE\n\n';
  return header + mitBody() + '\n';
}

/** The Expat (MIT) permission text, from the Debian copyright file when it is installed. */
function mitBody() {
  if (existsSync(COPYRIGHT_FILE)) {
    const text = readFileSync(COPYRIGHT_FILE, 'utf8');
    const start = text.indexOf('License: Expat\n Permission');
    if (start >= 0) {
      // Debian copyright format: one leading space per line, " ." for a blank line.
      const lines = text.slice(start).split('\n').slice(1);
      /** @type {string[]} */
      const body = [];
      for (const line of lines) {
        if (!line.startsWith(' ')) break;
        body.push(line === ' .' ? '' : line.slice(1).trimEnd());
      }
      return reflow(body);
    }
  }
  return reflow(FALLBACK_MIT.split('\n'));
}

/**
 * Joins wrapped lines into paragraphs so the text reads the same whatever its source.
 * @param {string[]} lines
 */
function reflow(lines) {
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .join('\n\n');
}

const FALLBACK_MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const train = loadSplit('train');
  const test = loadSplit('t10k');
  const classes = CLASSES.map(([slug, name], index) => {
    const trainSplit = encodeClass(train, index, TRAIN_PER_CLASS);
    const testSplit = encodeClass(test, index, Infinity); // the whole held-out split
    if (trainSplit.count !== TRAIN_PER_CLASS) {
      throw new Error(`${slug}: only ${trainSplit.count} training images, need ${TRAIN_PER_CLASS}`);
    }
    return {
      index,
      slug,
      name,
      splits: {
        train: writeSplit(`${slug}-train.bin`, trainSplit),
        test: writeSplit(`${slug}-test.bin`, testSplit),
      },
    };
  });
  const manifest = {
    format: FORMAT,
    // `.bin`, not `.gz`: static servers (vite preview among them) send `.gz` files with
    // Content-Encoding: gzip, the browser unpacks them, and the sha256 no longer matches.
    encoding: 'idx3-ubyte (uint8, 28×28), gzip-compressed',
    source:
      'Fashion-MNIST (Zalando Research), MIT licence, via Debian package dataset-fashion-mnist',
    license: 'MIT',
    imageShape: [IMAGE_SIDE, IMAGE_SIDE],
    classes,
  };
  // Short number arrays on one line, as Prettier writes them, so `npm run format` leaves it alone.
  const manifestJson = JSON.stringify(manifest, null, 2).replace(
    /\[\s*(\d+),\s*(\d+)\s*\]/g,
    '[$1, $2]',
  );
  writeFileSync(join(OUT_DIR, 'manifest.json'), manifestJson + '\n');
  writeFileSync(join(OUT_DIR, 'LICENSE-fashion-mnist.txt'), licenceText());

  for (const entry of classes) {
    const { train: tr, test: te } = entry.splits;
    console.log(
      `${entry.slug.padEnd(9)} train ${tr.count} (${tr.bytes} B)  test ${te.count} (${te.bytes} B)`,
    );
  }
  const total = classes.reduce((sum, c) => sum + c.splits.train.bytes + c.splits.test.bytes, 0);
  console.log(`wrote ${classes.length * 2} files, ${total} bytes, to ${OUT_DIR}`);
}

main();
