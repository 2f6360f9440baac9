// The backend comparison of `npm run bench`: every backend trains the same seeded model, data
// and batch size in one page, one after the other (src/bench/backendComparison.ts),
// so the ratios come from one run. This module sizes the workload and writes the tables.

/** The app's default run, which the extrapolated time is of. */
export const DEFAULT_RUN = { trainSize: 2000, validationSize: 2000, epochs: 40 };

/**
 * Workload per profile: `quick` is a smoke test; the others give the slowest backend (the
 * JavaScript cpu one, ~4 images/s for the wide model) a few minutes at most.
 * @param {string} profile
 * @returns {{ workload: import('../../src/bench/protocol').Workload, epochs: number }}
 */
export function comparisonPlan(profile) {
  const sizes =
    profile === 'quick'
      ? { trainSize: 128, validationSize: 200, epochs: 1 }
      : profile === 'full'
        ? { trainSize: 1024, validationSize: 1000, epochs: 2 }
        : { trainSize: 256, validationSize: 500, epochs: 2 };
  const { epochs, ...subset } = sizes;
  return { workload: { model: 'wide', batchSize: 64, seed: 1, ...subset }, epochs };
}

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Figures of one backend run: images/s (median of the measured epochs), validation ms per
 * image, achieved GFLOP/s and the default run's time extrapolated from these epochs.
 * @param {import('../../src/bench/protocol').BackendRun} run
 * @param {import('../../src/bench/protocol').BackendComparison} comparison
 */
export function runFigures(run, comparison) {
  if (!run.info || run.epochs.length === 0) return null;
  const imagesPerSecond = median(run.epochs.map((e) => (e.images * 1000) / e.ms));
  const validationMsPerImage = median(run.validationMs) / comparison.workload.validationSize;
  const epochSeconds =
    DEFAULT_RUN.trainSize / imagesPerSecond +
    (DEFAULT_RUN.validationSize * validationMsPerImage) / 1000;
  return {
    imagesPerSecond,
    validationMsPerImage,
    gflops: (comparison.flops.training * imagesPerSecond) / 1e9,
    defaultRunMinutes: (DEFAULT_RUN.epochs * epochSeconds) / 60,
  };
}

const fixed = (/** @type {number} */ value, /** @type {number} */ digits) => value.toFixed(digits);

/** @param {import('../../src/lib/core/types').BackendInfo} info */
function wasmDetails(info) {
  if (info.name !== 'wasm') return '';
  return (
    `${info.threads ?? 1} thread${info.threads === 1 ? '' : 's'}, ` +
    `SIMD ${info.simd ? 'yes' : 'no'}, cross-origin isolated ${info.crossOriginIsolated ? 'yes' : 'no'}`
  );
}

/**
 * @param {import('../../src/bench/protocol').BackendComparison} comparison
 * @returns {string}
 */
export function backendsReport(comparison) {
  const { workload, flops } = comparison;
  const figures = new Map(comparison.runs.map((run) => [run.name, runFigures(run, comparison)]));
  const lines = [
    `### Backends side by side (wide CNN, batch ${workload.batchSize}, ${workload.trainSize} ` +
      `training images, seed ${workload.seed}; one page, one backend after the other)`,
    '',
    `Model arithmetic (convolutions and dense layers, 2 FLOPs per multiply-add): ` +
      `${fixed(flops.forward / 1e6, 2)} MFLOP forward, ${fixed(flops.training / 1e6, 2)} MFLOP ` +
      `per training image (src/bench/flops.ts).`,
    '',
    '| backend | adapter | images/s | validation ms/image | achieved GFLOP/s | default run, extrapolated |',
    '| ------- | ------- | -------- | ------------------- | ---------------- | ------------------------- |',
  ];
  for (const run of comparison.runs) {
    const f = figures.get(run.name);
    if (!run.info || !f) {
      lines.push(`| ${run.name} | did not start: ${run.reason ?? 'unknown'} | | | | |`);
      continue;
    }
    const adapter = [run.info.adapter, wasmDetails(run.info)].filter(Boolean).join('; ');
    lines.push(
      `| ${run.name} | ${adapter} | ${fixed(f.imagesPerSecond, 1)} | ` +
        `${fixed(f.validationMsPerImage, 2)} | ${fixed(f.gflops, 2)} | ` +
        `${fixed(f.defaultRunMinutes, 1)} min |`,
    );
  }
  /** @typedef {import('../../src/lib/core/types').BackendName} BackendName */
  const ratio = (/** @type {BackendName} */ a, /** @type {BackendName} */ b) => {
    const [x, y] = [figures.get(a), figures.get(b)];
    return x && y ? `${fixed(x.imagesPerSecond / y.imagesPerSecond, 1)}×` : 'n/a';
  };
  lines.push(
    '',
    `Ratios of images/s: wasm/webgl ${ratio('wasm', 'webgl')}, wasm/cpu ${ratio('wasm', 'cpu')}, ` +
      `wasm/webgpu ${ratio('wasm', 'webgpu')}.`,
  );
  const picked = figures.get(comparison.auto.name);
  lines.push(
    '',
    `\`auto\` picks **${comparison.auto.name}** here (${comparison.auto.choiceReason ?? 'first that started'}). ` +
      (picked
        ? `A full default run (${DEFAULT_RUN.trainSize} images × ${DEFAULT_RUN.epochs} epochs + ` +
          `${DEFAULT_RUN.validationSize} validation images each epoch) on it: ` +
          `**${fixed(picked.defaultRunMinutes, 1)} min**, extrapolated from the measured epochs.`
        : 'It was not among the backends measured.'),
  );
  const step = comparison.wasmStep;
  if (step) {
    const total = step.kernels.reduce((sum, k) => sum + k.ms, 0);
    lines.push(
      '',
      `Per-kernel profile of one wasm training step (batch ${step.batchSize}, tf.profile: kernels ` +
        `serialised; ${fixed(step.wallMs, 0)} ms wall, ${fixed(total, 0)} ms in kernels):`,
      '',
      '| kernel | calls | ms | share |',
      '| ------ | ----- | -- | ----- |',
      ...step.kernels
        .slice(0, 12)
        .map(
          (k) =>
            `| ${k.name} | ${k.calls} | ${fixed(k.ms, 1)} | ${fixed((100 * k.ms) / total, 1)} % |`,
        ),
    );
  }
  return lines.join('\n');
}
