// The recorded run's top-label confidences at one epoch (static/replay/default-run.json): the
// population the coverage simulation draws its validation sets from.

import { readFileSync } from 'node:fs';
import { confidences, exampleIndices } from '../../src/lib/core/metrics';

const RECORDING = new URL('../../static/replay/default-run.json', import.meta.url);

interface Recording {
  validation: { labels: number[] };
  epochLogits: { epochs: string[] };
}

/** Epoch `epoch`'s (1-based) validation confidences, float64 from the stored float32 logits. */
export function recordedConfidences(epoch: number): Float64Array {
  const run = JSON.parse(readFileSync(RECORDING, 'utf8')) as Recording;
  const labels = Uint8Array.from(run.validation.labels);
  // float32 little-endian, as logitsCodec writes it; copied so the view starts aligned.
  const bytes = Uint8Array.from(Buffer.from(run.epochLogits.epochs[epoch - 1], 'base64'));
  const logits = new Float32Array(bytes.buffer);
  if (logits.length !== 2 * labels.length)
    throw new Error(`epoch ${epoch}: ${logits.length} logits`);
  return confidences(logits, labels, exampleIndices(labels.length)).confidence;
}
