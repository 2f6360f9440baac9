// Figures of the training loops on the bench page: the three loops' throughput and what their
// readbacks cost, how the app loop scales with batch and training-set size, and its memory.
// Pure: raw measurements in, plain data out.
import { figure, imagesPerSecond, median, pairedRatios, summarize } from './stats.mjs';

const VARIANTS = /** @type {const} */ (['app', 'fitCallback', 'fit']);

/** @param {{ ms: number, images: number }[]} samples */
const rates = (samples) => samples.map(imagesPerSecond);

/** @param {any[]} samples @returns {number} shader compiles over these epochs */
const compiles = (samples) => samples.reduce((n, s) => n + s.counts.compiles, 0);

/** @param {any} entry one throughput workload's result */
export function throughputFigures(entry) {
  const { result, workload } = entry;
  if (!result) return { label: entry.label, workload, missing: 'the run failed' };
  /** @type {Record<string, any>} */
  const variants = {};
  for (const variant of VARIANTS) {
    const rounds = result.rounds[variant];
    const steps = rounds.map((/** @type {any} */ s) => Math.ceil(s.images / workload.batchSize));
    const perStep = (/** @type {'kernels' | 'programs'} */ key) =>
      median(
        rounds.map((/** @type {any} */ s, /** @type {number} */ i) => s.counts[key] / steps[i]),
      );
    variants[variant] = {
      imagesPerSecond: summarize(rates(rounds)),
      perRound: rates(rounds),
      firstEpochMs: result.warmup[variant][0]?.ms ?? null,
      kernelsPerStep: perStep('kernels'),
      programsPerStep: perStep('programs'),
      readbacksPerEpoch: median(rounds.map((/** @type {any} */ s) => s.counts.readbacks)),
      compilesInMeasuredEpochs: compiles(rounds),
      compilesInFirstEpoch: result.warmup[variant][0]?.counts.compiles ?? null,
    };
  }
  const ratio = (/** @type {string} */ a, /** @type {string} */ b) => ({
    ofMedians: figure(
      variants[a].imagesPerSecond?.median / variants[b].imagesPerSecond?.median,
      'not measured',
    ),
    paired: summarize(pairedRatios(variants[a].perRound, variants[b].perRound)),
  });
  return {
    label: entry.label,
    workload,
    rounds: result.order.length,
    order: result.order,
    variants,
    vsFitCallback: ratio('app', 'fitCallback'),
    vsFit: ratio('app', 'fit'),
  };
}

/**
 * What the app loop's saved readbacks alone are worth against fit + onBatchEnd: that loop's
 * epoch time over the same time less (readbacks saved × one round trip). Where a step costs
 * seconds of emulated GPU work this is ~1.00×, the reason no loop can reach 1.5× there.
 * @param {any} t throughputFigures output
 * @param {number | undefined} roundTripMs
 */
export function withReadbackGain(t, roundTripMs) {
  if (!t.variants) return t;
  const { app, fitCallback } = t.variants;
  const rate = fitCallback.imagesPerSecond?.median;
  const saved = fitCallback.readbacksPerEpoch - app.readbacksPerEpoch;
  const { trainSize, batchSize } = t.workload;
  const epochMs = ((Math.floor(trainSize / batchSize) * batchSize) / rate) * 1000;
  const savedMs = saved * (roundTripMs ?? Number.NaN);
  return {
    ...t,
    readbackGain: {
      readbacksSavedPerEpoch: saved,
      savedMsPerEpoch: figure(savedMs, 'no round-trip figure'),
      epochMs: figure(epochMs, 'not measured'),
      worth: figure(epochMs / (epochMs - savedMs), 'not measured'),
    },
  };
}

/** @param {any[] | null} points */
export function scalingFigures(points) {
  if (!points) return null;
  return points.map((point) => {
    const steadyMs = median(point.steady.map((/** @type {any} */ s) => s.ms));
    const images = point.steady[0]?.images ?? point.first.images;
    return {
      trainSize: point.trainSize,
      batchSize: point.batchSize,
      imagesPerEpoch: images,
      firstEpochMs: point.first.ms,
      steadyEpochMs: steadyMs,
      imagesPerSecond: steadyMs ? (images * 1000) / steadyMs : null,
      msPerImage: steadyMs ? steadyMs / images : null,
      compilesInFirstEpoch: point.first.counts.compiles,
      compilesInSteadyEpochs: compiles(point.steady),
    };
  });
}

/** @param {any[] | null} snapshots */
export function memoryFigures(snapshots) {
  if (!snapshots || snapshots.length < 2) return null;
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  const gpuKey = 'numBytesInGPU';
  return {
    first,
    last,
    tensorsIdentical: first.numTensors === last.numTensors,
    bytesIdentical: first.numBytes === last.numBytes,
    gpuBytesIdentical: first.backendBytes[gpuKey] === last.backendBytes[gpuKey],
    gpuKey,
  };
}
