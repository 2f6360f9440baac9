// The app-loop sections of one GPU path (webgpu or webgl): which adapter it is (which decides
// the workload sizes), the real app page cold and warm, then on the bench page the chart cost,
// memory, the loops' throughput, a readback's round trip and how the loop scales.
import { measureAppPage } from './appPage.mjs';
import { openHarness } from './harness.mjs';
import { pageHash, planFor } from './profiles.mjs';

/** A page wait on a software GPU can take minutes; a hung one should still end. */
const PAGE_TIMEOUT_MS = 20 * 60_000;
/** Chart runs: the default run's 40 epochs (3 times, the median per epoch damps GC and load
 * spikes) and the 500 epochs the settings allow at most. */
const CHART_RUNS = [
  { epochs: 40, repetitions: 3 },
  { epochs: 500, repetitions: 1 },
];
/** Batch sizes of the opt-in --kernels profile. */
const PROFILED_BATCH_SIZES = [32, 256];

/**
 * @typedef {object} GpuPathContext
 * @property {string} baseUrl where the app build (and the bench page in it) is served
 * @property {(backend: 'webgpu' | 'webgl') => Promise<import('@playwright/test').Browser>} launch
 * @property {{ profile: string, rounds?: number, kernels: boolean }} options
 * @property {boolean} measureChartCost the chart cost is measured once, on the first GPU path
 * @property {import('./sections.mjs').Sections} sections
 */

/**
 * @param {'webgpu' | 'webgl'} backend
 * @param {GpuPathContext} context
 * @returns {Promise<{ out: Record<string, any>, browserVersion?: string, chartCost?: any }>}
 */
export async function measureGpuPath(backend, context) {
  const { baseUrl, launch, options, sections } = context;
  const { attempt, log, errors } = sections;
  /** @type {Record<string, any>} */
  const out = { info: null, plan: null };
  /** @type {string | undefined} */
  let browserVersion;
  // 1. Which adapter is this? (decides the profile). Its own browser, closed before the rest.
  const probe = await attempt(`${backend}: backend`, async () => {
    const browser = await launch(backend);
    try {
      browserVersion = browser.version();
      const harness = await openHarness(browser, baseUrl, backend, log);
      return { info: harness.info, userAgent: harness.userAgent };
    } finally {
      await browser.close();
    }
  });
  if (!probe) return { out, browserVersion };
  out.info = probe.info;
  out.userAgent = probe.userAgent;
  // The app's own verdict on the adapter (BackendInfo.adapterKind): anything not shown to be
  // hardware gets the emulated sizes.
  const software = probe.info.adapterKind !== 'hardware';
  const profile = /** @type {'full' | 'emulated' | 'quick'} */ (
    options.profile === 'auto' ? (software ? 'emulated' : 'full') : options.profile
  );
  const plan = planFor(profile, backend, { rounds: options.rounds });
  out.softwareAdapter = software;
  out.adapterKind = probe.info.adapterKind;
  out.plan = {
    ...plan,
    batchScaling: {
      ...plan.batchScaling,
      trainSizes: plan.batchScaling.batchSizes.map(plan.batchScaling.trainSize),
    },
  };
  log(`${backend}: ${probe.info.adapter} → profile ${profile}`);

  // 2. The real app page, in a fresh browser (no shader cache from the harness).
  out.page = await attempt(`${backend}: app page`, async () => {
    const browser = await launch(backend);
    try {
      log(
        `${backend}: app page, cold then warm (train ${plan.page.train}, ${plan.page.epochs} epochs)`,
      );
      const result = await measureAppPage(browser, {
        baseUrl,
        hash: pageHash(plan.page, backend),
        epochs: plan.page.epochs,
        timeoutMs: PAGE_TIMEOUT_MS,
      });
      for (const visit of [result.cold, result.warm]) {
        if (visit.backend !== backend)
          throw new Error(`The app page ran on ${visit.backend}, not ${backend}`);
      }
      return { hash: pageHash(plan.page, backend), ...result };
    } finally {
      await browser.close();
    }
  });

  // 3. The harness: the chart cost (once), memory, the loops, scaling.
  /** @type {any} */
  let chartCost;
  const browser = await launch(backend);
  try {
    const harness = await openHarness(browser, baseUrl, backend, log);
    if (context.measureChartCost) {
      chartCost = await attempt('chart cost', async () => {
        /** @type {Record<string, any>} */
        const costs = { browser: backend };
        for (const { epochs, repetitions } of CHART_RUNS) {
          costs[epochs] = [];
          for (let i = 0; i < repetitions; i++) costs[epochs].push(await harness.chartCost(epochs));
        }
        return costs;
      });
    }
    await measureLoops(harness, backend, plan, options.kernels, out, sections);
    await harness.close();
  } catch (error) {
    errors.push({ section: `${backend}: harness`, message: String(error) });
  } finally {
    await browser.close();
  }
  return { out, browserVersion, chartCost };
}

/**
 * The loop sections on the bench page, each into `out`.
 * @param {import('./harness.mjs').Harness} harness
 * @param {string} backend
 * @param {ReturnType<typeof planFor>} plan
 * @param {boolean} kernels also profile the kernels (--kernels)
 * @param {Record<string, any>} out
 * @param {import('./sections.mjs').Sections} sections
 */
async function measureLoops(harness, backend, plan, kernels, out, { attempt, log }) {
  // Memory first: a fresh worker, so the pool figures are the app loop's alone.
  const { memory } = plan;
  log(`${backend}: memory over ${memory.epochs} epochs`);
  out.memory = await attempt(
    `${backend}: memory`,
    async () => (await harness.call({ type: 'memory', ...memory })).snapshots,
  );
  out.throughput = [];
  for (const entry of plan.throughput) {
    log(
      `${backend}: throughput ${entry.label} (train ${entry.workload.trainSize}, batch ${entry.workload.batchSize}, ${entry.rounds} rounds)`,
    );
    const result = await attempt(`${backend}: throughput ${entry.label}`, () =>
      harness.call({
        type: 'throughput',
        workload: entry.workload,
        warmupEpochs: entry.warmupEpochs,
        rounds: entry.rounds,
      }),
    );
    out.throughput.push({ ...entry, result: result?.result ?? null });
  }
  out.readbackLatencyMs = await attempt(
    `${backend}: readback latency`,
    async () => (await harness.call({ type: 'readbackLatency', samples: 20 })).ms,
  );
  const { batchScaling, sizeScaling } = plan;
  /** The main throughput workload at another batch or training-set size. */
  const resized = (/** @type {number} */ batchSize, /** @type {number} */ trainSize) => ({
    ...plan.throughput[0].workload,
    batchSize,
    trainSize,
  });
  /** @param {number} steadyEpochs @param {import('../../src/bench/protocol').Workload[]} workloads */
  const scaling = async (steadyEpochs, workloads) =>
    (await harness.call({ type: 'scaling', steadyEpochs, workloads })).points;
  log(`${backend}: batch sizes ${batchScaling.batchSizes.join(', ')}`);
  out.batchScaling = await attempt(`${backend}: batch scaling`, () =>
    scaling(
      batchScaling.steadyEpochs,
      batchScaling.batchSizes.map((size) => resized(size, batchScaling.trainSize(size))),
    ),
  );
  log(`${backend}: training-set sizes ${sizeScaling.trainSizes.join(', ')}`);
  // Its own interleaved set (no reuse of a batch-sweep point measured at another time),
  // so the sizes are compared under the same load.
  out.sizeScaling = await attempt(`${backend}: size scaling`, () =>
    scaling(
      sizeScaling.steadyEpochs,
      sizeScaling.trainSizes.map((trainSize) => resized(sizeScaling.batchSize, trainSize)),
    ),
  );
  if (kernels) {
    log(`${backend}: kernel profile at batch ${PROFILED_BATCH_SIZES.join(' and ')}`);
    out.kernelProfile = await attempt(`${backend}: kernel profile`, async () => {
      const workloads = PROFILED_BATCH_SIZES.map((size) =>
        resized(size, batchScaling.trainSize(size)),
      );
      return (await harness.call({ type: 'kernelProfile', workloads })).profiles;
    });
  }
}
