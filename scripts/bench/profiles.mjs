// What the bench runs, per profile and backend. `full` is the workload, for a hardware
// GPU (seconds per step there); `emulated` shrinks the subsets so that a software adapter
// (SwiftShader: ~5–20 images/s for the wide CNN) finishes in minutes; `quick` is a smoke test.
// The default, `auto`, picks `full` only for an adapter the app classifies as hardware
// (src/lib/core/train/backendAdapter.ts, the one pattern: the bench page reports its verdict).

/** @typedef {import('../../src/bench/protocol').Workload} Workload */

/**
 * @typedef {object} Plan
 * @property {string} profile
 * @property {{ label: string, workload: Workload, warmupEpochs: number, rounds: number }[]} throughput
 * @property {{ batchSizes: number[], skipped: number[], skipReason: string, trainSize: (batch: number) => number, steadyEpochs: number }} batchScaling
 * @property {{ trainSizes: number[], batchSize: number, steadyEpochs: number }} sizeScaling
 * @property {{ workload: Workload, epochs: number, snapshotEpochs: number[] }} memory
 * @property {{ train: number, val: number, epochs: number, batch: number }} page
 */

const BATCH_SIZES = [32, 64, 128, 256, 512];
const SEED = 1;
/** The default model, which every figure with a target uses. */
const MODEL = 'wide';

/**
 * @param {number} trainSize
 * @param {number} batchSize
 * @param {number} validationSize
 * @returns {Workload}
 */
const wide = (trainSize, batchSize, validationSize) => ({
  model: MODEL,
  trainSize,
  batchSize,
  validationSize,
  seed: SEED,
});

/**
 * The small CNN: not the default model, so no target is judged on it. Its steps are ~20×
 * cheaper, which shows each loop's fixed per-step costs (readbacks, yields, dispatch) that the
 * wide model's GPU time hides on a software adapter.
 */
const SMALL_LABEL = 'small (supplementary)';
/** @type {(trainSize: number, batchSize: number, validationSize: number) => Workload} */
const small = (trainSize, batchSize, validationSize) => ({
  ...wide(trainSize, batchSize, validationSize),
  model: 'small',
});

/**
 * @param {'full' | 'emulated' | 'quick'} profile
 * @param {'webgpu' | 'webgl' | 'wasm'} backend the page sizes only (wasm: the app page alone)
 * @param {{ rounds?: number }} [overrides]
 * @returns {Plan}
 */
export function planFor(profile, backend, overrides = {}) {
  const slowest = backend === 'webgpu'; // SwiftShader's WebGPU is ~4× slower than its WebGL
  /** @type {Plan} */
  let plan;
  switch (profile) {
    case 'full':
      plan = {
        profile,
        throughput: [
          { label: 'wide', workload: wide(2048, 64, 100), warmupEpochs: 1, rounds: 5 },
          { label: SMALL_LABEL, workload: small(2048, 64, 100), warmupEpochs: 1, rounds: 5 },
        ],
        batchScaling: {
          batchSizes: BATCH_SIZES,
          skipped: [],
          skipReason: '',
          trainSize: () => 2048,
          steadyEpochs: 2,
        },
        sizeScaling: { trainSizes: [500, 2000, 6000], batchSize: 64, steadyEpochs: 2 },
        memory: { workload: wide(128, 64, 100), epochs: 20, snapshotEpochs: [2, 20] },
        page: { train: 2000, val: 2000, epochs: 5, batch: 64 },
      };
      break;
    case 'emulated':
      plan = {
        profile,
        throughput: [
          { label: 'wide', workload: wide(64, 32, 20), warmupEpochs: 1, rounds: 3 },
          // Not on emulated WebGPU: its steps cost the same for both models there (per-dispatch
          // overhead dominates), so it would repeat the wide figures for another 4–5 minutes.
          ...(slowest
            ? []
            : [{ label: SMALL_LABEL, workload: small(128, 32, 20), warmupEpochs: 1, rounds: 3 }]),
        ],
        batchScaling: {
          batchSizes: slowest ? BATCH_SIZES.slice(0, 4) : BATCH_SIZES,
          skipped: slowest ? [512] : [],
          skipReason:
            'skipped on emulated WebGPU: two 512-image steps take minutes; run --profile full',
          trainSize: (batch) => batch, // one step per epoch: the least work that measures a step
          steadyEpochs: 1,
        },
        sizeScaling: {
          trainSizes: slowest ? [32, 64, 128] : [64, 128, 256],
          batchSize: 32,
          steadyEpochs: 1,
        },
        memory: {
          workload: slowest ? wide(8, 8, 4) : wide(16, 16, 10),
          epochs: 20,
          snapshotEpochs: [2, 20],
        },
        page: { train: slowest ? 32 : 64, val: slowest ? 50 : 100, epochs: 3, batch: 32 },
      };
      break;
    case 'quick':
      plan = {
        profile,
        throughput: [{ label: 'wide', workload: wide(32, 16, 10), warmupEpochs: 1, rounds: 2 }],
        batchScaling: {
          batchSizes: [16, 32],
          skipped: [64, 128, 256, 512],
          skipReason: 'not run by --profile quick',
          trainSize: (batch) => batch,
          steadyEpochs: 1,
        },
        sizeScaling: { trainSizes: [16, 32], batchSize: 16, steadyEpochs: 1 },
        memory: { workload: wide(16, 16, 10), epochs: 4, snapshotEpochs: [2, 4] },
        page: { train: 16, val: 20, epochs: 2, batch: 16 },
      };
      break;
    default:
      throw new Error(`Unknown profile ${profile}`);
  }
  if (overrides.rounds !== undefined) {
    for (const entry of plan.throughput) entry.rounds = overrides.rounds;
  }
  return plan;
}

/** The app page's URL hash for a plan: the defaults except the subset, epochs and backend. */
export function pageHash(/** @type {Plan['page']} */ page, /** @type {string} */ backend) {
  return (
    `classes=pullover,coat&train=${page.train}&val=${page.val}&epochs=${page.epochs}` +
    `&batch=${page.batch}&lr=0.001&optimizer=adam&model=${MODEL}&seed=${SEED}&backend=${backend}`
  );
}
