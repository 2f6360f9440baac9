// `npm run bench`: builds the app (or copies --dist) and the bench page, serves them, measures
// both in headless Chromium on the WebGPU and WebGL paths, prints Markdown tables and writes
// bench-out/results.json and bench-out/report.md (ignored by git). Exits non-zero if any
// measurement failed; a figure it did not measure prints as "n/a (why)". Method and the latest
// figures: docs/performance.md.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumExecutable, launchOptions } from '../chromium.mjs';
import { startPreview } from '../preview.mjs';
import { analyze } from './analyze.mjs';
import { backendsReport, comparisonPlan } from './backends.mjs';
import { measureAppPage } from './appPage.mjs';
import { measureBytes } from './bytes.mjs';
import { isSoftwareAdapter, pageHash, planFor } from './profiles.mjs';
import { markdownReport } from './report.mjs';

const USAGE = `node scripts/bench/run.mjs [options]
  --backends LIST          backends to measure (default webgpu,webgl,wasm,cpu): all of them
                           train side by side in one page (ratios, GFLOP/s, the default run's
                           time, a wasm step's kernels); webgpu and webgl also get the app-loop
                           sections below
  --compare-only           only the side-by-side comparison
  --profile auto|full|emulated|quick   workload sizes (auto: full on a hardware GPU, emulated on
                           a software one such as SwiftShader; quick: a smoke test)
  --quick                  same as --profile quick
  --rounds N               interleaved rounds of the throughput comparison
  --dist DIR               measure this app build (copied, never written) instead of building
  --out DIR                where results.json and report.md go (default bench-out)
  --headed                 show the browser
  --kernels                also tf.profile one app-loop epoch at batch 32 and 256
  --report FILE            print the tables of a saved results.json; measure nothing`;

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the bench page lands inside the app's build folder (see vite.config.mjs beside this). */
const HARNESS_FOLDER = 'bench-harness';
/** A page wait on a software GPU can take minutes; a hung one should still end. */
const PAGE_TIMEOUT_MS = 20 * 60_000;
/** Chart runs: the default run's 40 epochs (3 times, the median per epoch damps GC and load
 * spikes) and the 500 epochs the settings allow at most. */
const CHART_RUNS = [
  { epochs: 40, repetitions: 3 },
  { epochs: 500, repetitions: 1 },
];

const { values: flags } = parseArgs({
  options: {
    backends: { type: 'string', default: 'webgpu,webgl,wasm,cpu' },
    'compare-only': { type: 'boolean', default: false },
    profile: { type: 'string', default: 'auto' },
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    dist: { type: 'string' },
    out: { type: 'string', default: 'bench-out' },
    headed: { type: 'boolean', default: false },
    kernels: { type: 'boolean', default: false },
    report: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
const options = {
  ...flags,
  compareOnly: flags['compare-only'],
  backends: /** @type {('webgpu' | 'webgl' | 'wasm' | 'cpu')[]} */ (flags.backends.split(',')),
  profile: flags.quick ? 'quick' : flags.profile,
  rounds: flags.rounds === undefined ? undefined : Number(flags.rounds),
};
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
if (
  options.backends.some((b) => !['webgpu', 'webgl', 'wasm', 'cpu'].includes(b)) ||
  !['auto', 'full', 'emulated', 'quick'].includes(options.profile) ||
  (options.rounds !== undefined && !(Number.isInteger(options.rounds) && options.rounds >= 1))
) {
  console.error(USAGE);
  process.exit(2);
}
if (flags.report) {
  const saved = JSON.parse(await readFile(flags.report, 'utf8'));
  console.log(markdownReport(saved, analyze(saved)));
  if (saved.comparison) console.log(`\n${backendsReport(saved.comparison)}`);
  process.exit(0);
}
const started = Date.now();
const log = (/** @type {string} */ line) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** @type {{ section: string, message: string }[]} */
const errors = [];
/**
 * Runs one section; a failure is recorded (and fails the run) but the other sections go on.
 * @template T
 * @param {string} section
 * @param {() => Promise<T>} task
 * @returns {Promise<T | null>}
 */
async function attempt(section, task) {
  try {
    return await task();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    errors.push({ section, message });
    log(`FAILED ${section}: ${message.split('\n')[0]}`);
    return null;
  }
}

function gitDescription() {
  try {
    const git = (/** @type {string[]} */ args) =>
      execFileSync('git', args, { cwd: REPO_ROOT }).toString().trim();
    return {
      commit: git(['rev-parse', 'HEAD']),
      uncommittedChanges: git(['status', '--porcelain']).length > 0,
    };
  } catch {
    return null;
  }
}

/** @param {string[]} args arguments after `npx vite` */
const vite = (args) => execFileSync('npx', ['vite', ...args], { cwd: REPO_ROOT, stdio: 'pipe' });

/** @param {'webgpu' | 'webgl' | 'wasm' | 'cpu'} backend */
const launch = (backend) =>
  chromium.launch({ ...launchOptions(backend), headless: !options.headed });

/**
 * The bench page (bench.html) in a fresh context, its worker on `backend`; requests go to the
 * worker through window.bench (src/bench/main.ts, src/bench/protocol.ts).
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {'webgpu' | 'webgl' | 'wasm' | 'cpu'} backend
 */
async function openHarness(browser, baseUrl, backend) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  /** @type {string[]} */
  const pageErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
    else if (message.text().startsWith('[bench worker]')) log(`  ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${baseUrl}${HARNESS_FOLDER}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  /** @param {import('../../src/bench/protocol').BenchRequest} request @returns {Promise<any>} */
  async function call(request) {
    const result = await page.evaluate((r) => /** @type {any} */ (window).bench.run(r), request);
    if (pageErrors.length > 0) throw new Error(`Bench page errors: ${pageErrors.join('; ')}`);
    if (result.type !== request.type) throw new Error(`Asked ${request.type}, got ${result.type}`);
    return result;
  }
  const init = await call({ type: 'init', backend, dataUrl: new URL('data/', baseUrl).href });
  return {
    info: init.info,
    userAgent: init.userAgent,
    call,
    /** @param {number} totalEpochs */
    chartCost: (totalEpochs) =>
      page.evaluate((n) => /** @type {any} */ (window).bench.chartCost(n), totalEpochs),
    close: () => context.close(),
  };
}

const appDir = await mkdtemp(path.join(os.tmpdir(), 'playground-bench-'));
/** @type {Record<string, any>} */
const backends = {};
let bytes = null;
/** @type {import('../../src/bench/protocol').BackendComparison | null} */
let comparison = null;
/** @type {Record<string, any> | null} */
let chartCost = null;
let browserVersion = null;
let server = null;
const loadBefore = os.loadavg();
try {
  if (options.dist) {
    log(`copying the app build ${options.dist}`);
    await cp(path.resolve(options.dist), appDir, { recursive: true });
  }
  log(options.dist ? 'building the bench page' : 'building the app and the bench page');
  if (!options.dist) vite(['build', '--outDir', appDir, '--emptyOutDir']);
  // Its own Vite config, so the app's chunks stay exactly as shipped (see vite.config.mjs).
  const harnessDir = path.join(appDir, HARNESS_FOLDER);
  vite([
    'build',
    '--config',
    'scripts/bench/vite.config.mjs',
    '--outDir',
    harnessDir,
    '--emptyOutDir',
  ]);
  bytes = await attempt('bytes', () => measureBytes(appDir));
  server = await startPreview(appDir);
  const baseUrl = server.url;
  log(`serving ${appDir} at ${baseUrl}`);

  comparison = await attempt('backend comparison', async () => {
    // WebGPU's flag when it is compared; the other backends need none.
    const browser = await launch(options.backends.includes('webgpu') ? 'webgpu' : 'wasm');
    try {
      browserVersion = browser.version();
      const harness = await openHarness(browser, baseUrl, options.backends[0]);
      const plan = comparisonPlan(options.profile);
      log(
        `backends side by side: ${options.backends.join(', ')} (train ${plan.workload.trainSize})`,
      );
      const result = await harness.call({
        type: 'compareBackends',
        backends: options.backends,
        ...plan,
      });
      await harness.close();
      return result.comparison;
    } finally {
      await browser.close();
    }
  });

  const gpuPaths = options.compareOnly
    ? []
    : options.backends.filter((backend) => backend === 'webgpu' || backend === 'webgl');
  for (const backend of gpuPaths) {
    /** @type {Record<string, any>} */
    const out = (backends[backend] = { info: null, plan: null });
    // 1. Which adapter is this? (decides the profile). Its own browser, closed before the rest.
    const probe = await attempt(`${backend}: backend`, async () => {
      const browser = await launch(backend);
      try {
        browserVersion = browser.version();
        const harness = await openHarness(browser, baseUrl, backend);
        return { info: harness.info, userAgent: harness.userAgent };
      } finally {
        await browser.close();
      }
    });
    if (!probe) continue;
    out.info = probe.info;
    out.userAgent = probe.userAgent;
    const software = isSoftwareAdapter(probe.info.adapter);
    const profile = /** @type {'full' | 'emulated' | 'quick'} */ (
      options.profile === 'auto' ? (software ? 'emulated' : 'full') : options.profile
    );
    const plan = planFor(profile, backend, { rounds: options.rounds });
    out.softwareAdapter = software;
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
    const browser = await launch(backend);
    try {
      const harness = await openHarness(browser, baseUrl, backend);
      if (chartCost === null) {
        chartCost = await attempt('chart cost', async () => {
          /** @type {Record<string, any>} */
          const costs = { browser: backend };
          for (const { epochs, repetitions } of CHART_RUNS) {
            costs[epochs] = [];
            for (let i = 0; i < repetitions; i++)
              costs[epochs].push(await harness.chartCost(epochs));
          }
          return costs;
        });
      }
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
      log(`${backend}: batch sizes ${batchScaling.batchSizes.join(', ')}`);
      out.batchScaling = await attempt(
        `${backend}: batch scaling`,
        async () =>
          (
            await harness.call({
              type: 'scaling',
              steadyEpochs: batchScaling.steadyEpochs,
              workloads: batchScaling.batchSizes.map((batchSize) => ({
                ...plan.throughput[0].workload,
                batchSize,
                trainSize: batchScaling.trainSize(batchSize),
              })),
            })
          ).points,
      );
      log(`${backend}: training-set sizes ${sizeScaling.trainSizes.join(', ')}`);
      // Its own interleaved set (no reuse of a batch-sweep point measured at another time),
      // so the sizes are compared under the same load.
      out.sizeScaling = await attempt(`${backend}: size scaling`, async () => {
        const { points } = await harness.call({
          type: 'scaling',
          steadyEpochs: sizeScaling.steadyEpochs,
          workloads: sizeScaling.trainSizes.map((trainSize) => ({
            ...plan.throughput[0].workload,
            batchSize: sizeScaling.batchSize,
            trainSize,
          })),
        });
        return points;
      });
      if (options.kernels) {
        const sizes = [32, 256];
        log(`${backend}: kernel profile at batch ${sizes.join(' and ')}`);
        out.kernelProfile = await attempt(`${backend}: kernel profile`, async () => {
          const workloads = sizes.map((batchSize) => ({
            ...plan.throughput[0].workload,
            batchSize,
            trainSize: batchScaling.trainSize(batchSize),
          }));
          return (await harness.call({ type: 'kernelProfile', workloads })).profiles;
        });
      }
      await harness.close();
    } catch (error) {
      errors.push({ section: `${backend}: harness`, message: String(error) });
    } finally {
      await browser.close();
    }
  }
} catch (error) {
  errors.push({
    section: 'setup',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
} finally {
  await server?.close();
  await rm(appDir, { recursive: true, force: true });
}

const cpus = os.cpus();
const results = {
  schema: 'overconfidence-playground/bench@1',
  date: new Date().toISOString(),
  durationS: Math.round((Date.now() - started) / 1000),
  command: `node scripts/bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  machine: {
    cpu: cpus[0]?.model ?? 'unknown',
    logicalCores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
    node: process.version,
    browser: browserVersion ? `Chromium ${browserVersion}` : null,
    chromium: chromiumExecutable() ?? 'Playwright bundled',
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
    git: gitDescription(),
  },
  bytes,
  chartCost,
  comparison,
  backends,
  errors,
};
const analysis = analyze(results);
const outDir = path.resolve(REPO_ROOT, options.out);
await mkdir(outDir, { recursive: true });
await writeFile(
  path.join(outDir, 'results.json'),
  `${JSON.stringify({ ...results, summary: analysis }, null, 1)}\n`,
);
// --compare-only: the header line of the full report (machine, command) and the comparison.
const fullReport = markdownReport(results, analysis);
const report = [
  options.compareOnly ? fullReport.trim().split('\n\n')[0] : fullReport,
  ...(comparison ? [backendsReport(comparison)] : []),
].join('\n\n');
await writeFile(path.join(outDir, 'report.md'), `${report}\n`);
console.log(`\n${report}\n`);
log(`results.json and report.md written to ${path.relative(process.cwd(), outDir)}`);
if (errors.length > 0) {
  console.error(`\n${errors.length} measurement(s) failed:`);
  for (const { section, message } of errors) console.error(`- ${section}: ${message}`);
  process.exit(1);
}
