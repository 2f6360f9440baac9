// Investigation tool for the "long tasks" target on a run shaped like the user's: the app page
// (production build) trains `--hash` and prints, per epoch message, the main-thread time of its
// handler + Svelte flush, the long tasks after epoch 1 and the worst frame gap.
//   node scripts/bench/responsiveness.mjs [--backend webgl|webgpu] [--epochs 6]
//     [--hash 'train=64&val=2000&model=small'] [--dist DIR]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, WEBGPU_ARG } from '../chromium.mjs';
import { measureAppPage } from './appPage.mjs';
import { build, removeBuild, serve, temporaryBuildDir } from './server.mjs';

const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const backend = flag('--backend', 'webgl') === 'webgpu' ? 'webgpu' : 'webgl';
const epochs = Number(flag('--epochs', '6'));
const extra = flag('--hash', 'train=64&val=2000&model=small');
const reuse = flag('--dist', '');
const hash = `classes=pullover,coat&epochs=${epochs}&batch=32&seed=1&backend=${backend}&${extra}`;

const dir = reuse || (await temporaryBuildDir());
if (!reuse) await build({ appDir: dir, reuse: false });
const server = await serve(dir);
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: backend === 'webgpu' ? [...CHROMIUM_ARGS, WEBGPU_ARG] : CHROMIUM_ARGS,
});
try {
  const { cold } = await measureAppPage(browser, {
    baseUrl: server.url,
    hash,
    epochs,
    timeoutMs: 20 * 60_000,
  });
  const r = cold.responsiveness;
  const ms = (/** @type {number} */ v) => `${v.toFixed(1)} ms`;
  console.log(`#${hash}`);
  console.log(`epoch messages: ${r.epochMessageMs.map(ms).join(', ')}`);
  console.log(
    `long tasks after epoch 1: ${r.longTasks.length}` +
      (r.longTasks.length
        ? ` (${r.longTasks.map((/** @type {{ duration: number }} */ t) => ms(t.duration)).join(', ')})`
        : ''),
  );
  /** @type {Map<string, number>} */
  const slowest = new Map();
  for (const { name, duration } of /** @type {{ name: string, duration: number }[]} */ (
    r.panelUpdates
  )) {
    slowest.set(name, Math.max(slowest.get(name) ?? 0, duration));
  }
  console.log(
    `slowest panel update: ${[...slowest].map(([name, d]) => `${name} ${ms(d)}`).join(', ')}`,
  );
  console.log(`worst frame gap: ${ms(Math.max(0, ...r.frameGapsMs))} over ${r.frames} frames`);
  for (const frame of r.longAnimationFrames) {
    const scripts = frame.scripts
      .map((/** @type {any} */ s) => `${s.invoker} ${s.duration.toFixed(0)}ms`)
      .join('; ');
    console.log(`  long frame ${ms(frame.duration)} blocking ${ms(frame.blocking)}: ${scripts}`);
  }
} finally {
  await browser.close();
  await server.close();
  if (!reuse) await removeBuild(dir);
}
