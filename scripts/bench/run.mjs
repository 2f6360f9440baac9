// `npm run bench`: builds the app (or reuses --dist), serves it, measures it in headless
// Chromium on the WebGPU and WebGL paths, prints a table and writes bench/results.json.
// Exits non-zero if any measurement failed; a figure it did not measure prints as "n/a (why)".
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, WEBGPU_ARG } from '../chromium.mjs';
import { analyze } from './analyze.mjs';
import { measureAppPage } from './appPage.mjs';
import { parseArgs, USAGE } from './args.mjs';
import { measureBytes } from './bytes.mjs';
import { openHarness } from './harness.mjs';
import { isSoftwareAdapter, pageHash, planFor } from './profiles.mjs';
import { printReport } from './report.mjs';
import { build, REPO_ROOT, removeBuild, serve, temporaryBuildDir } from './server.mjs';

/** A page wait on a software GPU can take minutes; a hung one should still end. */
const PAGE_TIMEOUT_MS = 20 * 60_000;
/** Chart runs: the default run's 40 epochs (3 times, the median per epoch damps GC and load
 * spikes) and the 500 epochs the settings allow at most. */
const CHART_RUNS = [
  { epochs: 40, repetitions: 3 },
  { epochs: 500, repetitions: 1 },
];

const options = parseArgs(process.argv.slice(2));
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (options.report) {
  const saved = JSON.parse(await readFile(options.report, 'utf8'));
  printReport(saved, analyze(saved));
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
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT }).toString();
    return { commit, uncommittedChanges: dirty.trim().length > 0 };
  } catch {
    return null;
  }
}

/** @param {'webgpu' | 'webgl'} backend @param {boolean} headed */
const launch = (backend, headed) =>
  chromium.launch({
    executablePath: chromiumExecutable(),
    args: backend === 'webgpu' ? [...CHROMIUM_ARGS, WEBGPU_ARG] : CHROMIUM_ARGS,
    headless: !headed,
  });

const appDir = await temporaryBuildDir();
/** @type {Record<string, any>} */
const backends = {};
let bytes = null;
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
  log(options.dist ? 'building the bench harness' : 'building the app and the bench harness');
  await build({ appDir, reuse: options.dist !== null });
  bytes = await attempt('bytes', () => measureBytes(appDir));
  server = await serve(appDir);
  const baseUrl = server.url;
  log(`serving ${appDir} at ${baseUrl}`);

  for (const backend of options.backends) {
    /** @type {Record<string, any>} */
    const out = (backends[backend] = { info: null, plan: null });
    // 1. Which adapter is this? (decides the profile). Its own browser, closed before the rest.
    const probe = await attempt(`${backend}: backend`, async () => {
      const browser = await launch(backend, options.headed);
      try {
        browserVersion = browser.version();
        const harness = await openHarness(browser, baseUrl, backend, log);
        return { info: harness.info, userAgent: harness.userAgent };
      } finally {
        await browser.close();
      }
    });
    if (!probe) continue;
    out.info = probe.info;
    out.userAgent = probe.userAgent;
    const software = isSoftwareAdapter(probe.info.adapter);
    const profile = options.profile === 'auto' ? (software ? 'emulated' : 'full') : options.profile;
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
      const browser = await launch(backend, options.headed);
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
    const browser = await launch(backend, options.headed);
    try {
      const harness = await openHarness(browser, baseUrl, backend, log);
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
  await removeBuild(appDir);
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
  backends,
  errors,
};
const analysis = analyze(results);
const outFile = path.resolve(REPO_ROOT, options.out);
await mkdir(path.dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify({ ...results, summary: analysis }, null, 1)}\n`);
printReport(results, analysis);
log(`results written to ${path.relative(process.cwd(), outFile)}`);
if (errors.length > 0) {
  console.error(`\n${errors.length} measurement(s) failed:`);
  for (const { section, message } of errors) console.error(`- ${section}: ${message}`);
  process.exit(1);
}
