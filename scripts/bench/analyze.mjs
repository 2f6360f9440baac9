// Turns the raw measurements into the figures the report prints and checks the targets.
// Pure: results in, plain data out. A figure that was not measured stays `{ missing: reason }`.
// The figures of the loops: loopFigures.mjs; of the page and charts: pageFigures.mjs; the
// targets: targets.mjs.
import {
  memoryFigures,
  scalingFigures,
  throughputFigures,
  withReadbackGain,
} from './loopFigures.mjs';
import { chartFigures, pageFigures } from './pageFigures.mjs';
import { isNonDecreasing, linearFit, summarize } from './stats.mjs';
import { checkTargets } from './targets.mjs';

/** The batch sizes whose throughput must not fall (a target). */
const CHECKED_BATCH_SIZES = [32, 64, 128, 256];

/**
 * How an epoch's time grows with the training-set size: a line fit, and the spread of the
 * per-image cost (largest over smallest). Null below two sizes.
 * @param {any[] | null} sizeScaling scalingFigures output
 */
function linearity(sizeScaling) {
  if (!sizeScaling || sizeScaling.length < 2) return null;
  const fit = linearFit(
    sizeScaling.map((p) => p.imagesPerEpoch),
    sizeScaling.map((p) => p.steadyEpochMs ?? Number.NaN),
  );
  const perImage = sizeScaling.map((p) => p.msPerImage ?? Number.NaN);
  return { ...fit, perImageSpread: Math.max(...perImage) / Math.min(...perImage) };
}

/**
 * @param {any} results what run.mjs collected
 */
export function analyze(results) {
  /** @type {Record<string, any>} */
  const backends = {};
  for (const [backend, raw] of Object.entries(results.backends ?? {})) {
    const batchScaling = scalingFigures(raw.batchScaling ?? null);
    const sizeScaling = scalingFigures(raw.sizeScaling ?? null);
    const checked = (batchScaling ?? []).filter((p) => p.batchSize >= 32 && p.batchSize <= 256);
    const covered = CHECKED_BATCH_SIZES.every((size) => checked.some((p) => p.batchSize === size));
    const readbackLatencyMs = summarize(raw.readbackLatencyMs ?? []);
    backends[backend] = {
      throughput: (raw.throughput ?? []).map((/** @type {any} */ entry) =>
        withReadbackGain(throughputFigures(entry), readbackLatencyMs?.median),
      ),
      readbackLatencyMs,
      batchScaling,
      /** null when batch sizes 32–256 were not all measured. */
      batchNonDecreasing: covered
        ? isNonDecreasing(checked.map((p) => p.imagesPerSecond ?? Number.NaN))
        : null,
      sizeScaling,
      sizeLinearity: linearity(sizeScaling),
      memory: memoryFigures(raw.memory ?? null),
      page: pageFigures(raw.page ?? null),
    };
  }
  const chart = chartFigures(results.chartCost);
  return { backends, chart, targets: checkTargets(backends, chart, results.bytes) };
}
