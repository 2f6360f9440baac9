// Ten classes against two (issue 23, part 5): the app loop on WASM trains the default pair and
// all ten Fashion-MNIST classes side by side in one bench worker (the `scaling` request, which
// rotates which one trains first each round, so load drift hits both alike). Same model, batch
// size, training-set size and seed; the only difference is the class count (10 logits instead
// of 2, ten classes' images). The figure is the median of the paired per-round ratios.

import { openHarness } from './harness.mjs';

/** The target: a 10-class run trains at ≥ 90 % of the two-class run's images/s. */
export const CLASS_THROUGHPUT_TARGET = 0.9;
const PAIR = ['pullover', 'coat'];
const ALL_TEN = [
  'tshirt',
  'trouser',
  'pullover',
  'dress',
  'coat',
  'sandal',
  'shirt',
  'sneaker',
  'bag',
  'boot',
];
/** Small on purpose (CI time): the default wide model, a few epochs of 512 or 1024 images. */
const WORKLOADS = {
  quick: { trainSize: 512, rounds: 3 },
  full: { trainSize: 1024, rounds: 5 },
};

const median = (/** @type {number[]} */ values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (/** @type {{ images: number, ms: number }} */ sample) =>
  (sample.images * 1000) / sample.ms;

/**
 * @param {{ baseUrl: string, launch: (backend: 'wasm') => Promise<import('@playwright/test').Browser>,
 *   profile: string, log: (line: string) => void }} context
 */
export async function measureClassThroughput({ baseUrl, launch, profile, log }) {
  const { trainSize, rounds } = profile === 'quick' ? WORKLOADS.quick : WORKLOADS.full;
  /** @type {(classes: string[]) => import('../../src/bench/protocol').Workload} */
  const workload = (classes) => ({
    model: 'wide',
    trainSize,
    batchSize: 64,
    validationSize: 100,
    seed: 1,
    classes: /** @type {any} */ (classes),
  });
  const browser = await launch('wasm');
  try {
    const harness = await openHarness(browser, baseUrl, 'wasm', log);
    try {
      const { points } = await harness.call({
        type: 'scaling',
        workloads: [workload(PAIR), workload(ALL_TEN)],
        steadyEpochs: rounds,
      });
      const [two, ten] = /** @type {{ steady: { images: number, ms: number }[] }[]} */ (points);
      const twoRates = two.steady.map(rate);
      const tenRates = ten.steady.map(rate);
      const ratios = tenRates.map((tenRate, round) => tenRate / twoRates[round]);
      log(`classes: ratios ${ratios.map((ratio) => ratio.toFixed(3)).join(', ')}`);
      return {
        trainSize,
        threads: harness.info.threads ?? 1,
        twoRates,
        tenRates,
        ratios,
        medianRatio: median(ratios),
        target: CLASS_THROUGHPUT_TARGET,
      };
    } finally {
      await harness.close();
    }
  } finally {
    await browser.close();
  }
}

/** The section the report prints. @param {Awaited<ReturnType<typeof measureClassThroughput>>} result */
export function classThroughputMarkdown(result) {
  const met = result.medianRatio >= result.target ? 'met' : 'NOT met';
  const shown = (/** @type {number[]} */ rates) => rates.map((r) => r.toFixed(0)).join(', ');
  return [
    '## Ten classes against two (WASM)',
    '',
    `The app loop, wide CNN, ${result.trainSize} training images, batch 64, ${result.threads} thread(s); the two workloads train one epoch each per round, alternately.`,
    '',
    '| classes | images/s per round |',
    '| --- | --- |',
    `| 2 (pullover, coat) | ${shown(result.twoRates)} |`,
    `| 10 (all) | ${shown(result.tenRates)} |`,
    '',
    `Median ratio ${result.medianRatio.toFixed(3)} (per round ${result.ratios.map((r) => r.toFixed(3)).join(', ')}); target ≥ ${result.target}: ${met}.`,
  ].join('\n');
}
