// `npm run bench`: builds the app (or copies --dist) and the bench page, serves them, measures
// both in headless Chromium on the WebGPU and WebGL paths, prints Markdown tables and writes
// bench-out/results.json and bench-out/report.md (ignored by git). Exits non-zero if any
// measurement failed; a figure it did not measure prints as "n/a (why)". Method and the latest
// figures: docs/performance.md. Options: cli.mjs (`--help`).
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { launchOptions } from '../chromium.mjs';
import { startPreview } from '../preview.mjs';
import { analyze } from './analyze.mjs';
import { comparisonPlan } from './backends.mjs';
import { measureBytes } from './bytes.mjs';
import { parseOptions } from './cli.mjs';
import { measureGpuPath } from './gpuPath.mjs';
import { measureWasmPage } from './wasmPage.mjs';
import { measureSweepThroughput, sweepMarkdown } from './sweepThroughput.mjs';
import { classThroughputMarkdown, measureClassThroughput } from './classThroughput.mjs';
import { HARNESS_FOLDER, openHarness } from './harness.mjs';
import { composeReport, describeMachine, writeResults } from './results.mjs';
import { createSections, errorText } from './sections.mjs';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const options = parseOptions();
if (options.report) {
  const saved = JSON.parse(await readFile(options.report, 'utf8'));
  console.log(composeReport(saved, analyze(saved)));
  process.exit(0);
}
const sections = createSections();
const { attempt, errors, log } = sections;

/** @param {string[]} args arguments after `npx vite` */
const vite = (args) => execFileSync('npx', ['vite', ...args], { cwd: REPO_ROOT, stdio: 'pipe' });

/** @param {'webgpu' | 'webgl' | 'wasm' | 'cpu'} backend */
const launch = (backend) =>
  chromium.launch({ ...launchOptions(backend), headless: !options.headed });

const appDir = await mkdtemp(path.join(os.tmpdir(), 'playground-bench-'));
/** @type {Record<string, any>} */
const backends = {};
let bytes = null;
/** @type {import('../../src/bench/protocol').BackendComparison | null} */
let comparison = null;
/** @type {Record<string, any> | null} */
let chartCost = null;
/** @type {string | null} */
let browserVersion = null;
let server = null;
/** @type {Awaited<ReturnType<typeof measureSweepThroughput>> | null} */
let sweep = null;
/** @type {Awaited<ReturnType<typeof measureClassThroughput>> | null} */
let classes = null;
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
      const harness = await openHarness(browser, baseUrl, options.backends[0], log);
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
  for (const backend of /** @type {('webgpu' | 'webgl')[]} */ (gpuPaths)) {
    const measured = await measureGpuPath(backend, {
      baseUrl,
      launch,
      options,
      measureChartCost: chartCost === null,
      sections,
    });
    backends[backend] = measured.out;
    browserVersion = measured.browserVersion ?? browserVersion;
    if (chartCost === null) chartCost = measured.chartCost ?? null;
  }
  // The page on WASM too: no GPU is the common case, and its long tasks count as much.
  if (!options.compareOnly && options.backends.includes('wasm')) {
    const measured = await attempt('wasm: app page', () =>
      measureWasmPage({ baseUrl, launch, profile: options.profile, log }),
    );
    if (measured) backends.wasm = { ...backends.wasm, ...measured };
  }
  // A sweep on one worker and on the page's pool, alternately (issue 24).
  if (!options.compareOnly && options.backends.includes('wasm')) {
    sweep = await attempt('sweep throughput', () =>
      measureSweepThroughput({ baseUrl, launch, profile: options.profile, log }),
    );
  }
  // Ten classes against two, side by side on WASM (issue 23).
  if (!options.compareOnly && options.backends.includes('wasm')) {
    classes = await attempt('ten classes against two', () =>
      measureClassThroughput({ baseUrl, launch, profile: options.profile, log }),
    );
  }
} catch (error) {
  errors.push({ section: 'setup', message: errorText(error) });
} finally {
  await server?.close();
  await rm(appDir, { recursive: true, force: true });
}

const results = {
  schema: 'overconfidence-playground/bench@1',
  date: new Date().toISOString(),
  durationS: Math.round((Date.now() - sections.started) / 1000),
  command: `node scripts/bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  machine: describeMachine({ repoRoot: REPO_ROOT, browserVersion, loadBefore }),
  bytes,
  chartCost,
  comparison,
  backends,
  sweep,
  classes,
  errors,
};
const outDir = path.resolve(REPO_ROOT, options.out);
const report = await writeResults(outDir, results, options.compareOnly);
console.log(`\n${report}\n`);
if (sweep) {
  await appendFile(path.join(outDir, 'report.md'), `\n${sweepMarkdown(sweep)}\n`);
  console.log(`${sweepMarkdown(sweep)}\n`);
}
if (classes) {
  await appendFile(path.join(outDir, 'report.md'), `\n${classThroughputMarkdown(classes)}\n`);
  console.log(`${classThroughputMarkdown(classes)}\n`);
}
log(`results.json and report.md written to ${path.relative(process.cwd(), outDir)}`);
if (errors.length > 0) {
  console.error(`\n${errors.length} measurement(s) failed:`);
  for (const { section, message } of errors) console.error(`- ${section}: ${message}`);
  process.exit(1);
}
