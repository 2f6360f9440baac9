// Investigation tool for the "long tasks" figure: where does the app page's main thread spend
// its time while it trains? Builds the app unminified (so function names survive), trains a
// small run with the Chrome DevTools CPU profiler on, prints the functions with the most self
// time and saves the profile (open it in Chrome DevTools → Performance).
//   node scripts/bench/profilePage.mjs [--backend webgl|webgpu] [--epochs 4] [--out FILE]
//     [--hash 'train=64&val=2000&model=small']   (default: the bench's page run)
import { writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, WEBGPU_ARG } from '../chromium.mjs';
import { pageHash } from './profiles.mjs';
import { removeBuild, REPO_ROOT, serve, temporaryBuildDir } from './server.mjs';
import { spawnSync } from 'node:child_process';

const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const backend = flag('--backend', 'webgl') === 'webgpu' ? 'webgpu' : 'webgl';
const epochs = Number(flag('--epochs', '4'));
const out = flag('--out', 'bench/app-page.cpuprofile');
const extraHash = flag('--hash', '');
const TOP_FUNCTIONS = 30;
const SAMPLING_INTERVAL_US = 200;

/** Main-thread event kinds of the DevTools timeline worth summing (they nest: a forced layout
 * inside a script is counted under both). */
const TIMELINE_EVENTS = new Set([
  'FunctionCall',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MajorGC',
  'MinorGC',
  'FireAnimationFrame',
  'HitTest',
]);

/**
 * Sums the page's main-thread timeline events by kind: what "(program)" in the CPU profile
 * (native work: style, layout, paint) is made of.
 * @param {{ traceEvents: any[] }} trace
 */
function printTraceSummary({ traceEvents }) {
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  /** @type {Map<string, { ms: number, count: number }>} */
  const sums = new Map();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !TIMELINE_EVENTS.has(e.name) || !mainThreads.has(`${e.pid}:${e.tid}`)) {
      continue;
    }
    const sum = sums.get(e.name) ?? { ms: 0, count: 0 };
    sum.ms += (e.dur ?? 0) / 1000;
    sum.count++;
    sums.set(e.name, sum);
  }
  console.log('main-thread timeline (nested events count in each kind):');
  for (const [name, { ms, count }] of [...sums.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name} ×${count}`);
  }
}

const dir = await temporaryBuildDir();
const built = spawnSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', dir], {
  cwd: REPO_ROOT,
  encoding: 'utf8',
});
if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
const server = await serve(dir);
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: backend === 'webgpu' ? [...CHROMIUM_ARGS, WEBGPU_ARG] : CHROMIUM_ARGS,
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const hash = extraHash
    ? `classes=pullover,coat&epochs=${epochs}&batch=32&seed=1&backend=${backend}&${extraHash}`
    : pageHash({ train: 64, val: 100, epochs, batch: 32 }, backend);
  await page.goto(`${server.url}#${hash}`);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Train',
    );
    return button !== undefined && !button.disabled;
  });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute'] });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  await train.click();
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector('[data-testid="chart-loss"]')?.getAttribute('data-points')) >=
      n,
    epochs,
    { timeout: 20 * 60_000, polling: 1000 },
  );
  const { profile } = await cdp.send('Profiler.stop');
  printTraceSummary(JSON.parse((await browser.stopTracing()).toString()));
  await writeFile(out, JSON.stringify(profile));
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<string, number>} */
  const selfMs = new Map();
  (profile.samples ?? []).forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url ? ` ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    selfMs.set(key, (selfMs.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  const busy = [...selfMs.entries()].filter(([key]) => key !== '(idle)');
  const total = busy.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`main thread busy ${total.toFixed(0)} ms over ${epochs} epochs; top self time:`);
  for (const [key, ms] of busy.sort((a, b) => b[1] - a[1]).slice(0, TOP_FUNCTIONS)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
  }
  console.log(`profile saved to ${out}`);
} finally {
  await browser.close();
  await server.close();
  await removeBuild(dir);
}
