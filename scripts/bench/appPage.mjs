// Measurements on the real app page (index.html of the production build), untouched: the
// recorder of pageRecorder.mjs, injected before the app's own scripts, notes what the user sees,
// main-thread long tasks and frames, and each worker message's handler; this module drives the
// visits (cold, then a warm reload) and turns the record into figures.

import { instrumentPage } from './pageRecorder.mjs';

/**
 * @typedef {object} PageRun
 * @property {number | null} readyMs navigation → Train enabled
 * @property {number | null} clickToFirstEpochMs
 * @property {number | null} navigationToFirstEpochMs
 * @property {string} backend the badge's data-backend
 * @property {object | null} responsiveness after the first epoch (cold run only)
 */

/** How often a visit checks for an error banner or a stalled run while it waits. */
const POLL_MS = 5000;
/** A run that plots nothing new for this long is reported as stalled (with the page's state). */
const STALL_MS = 5 * 60_000;

/**
 * Waits until `untilEpoch` epochs are plotted, failing fast on the app's error banner or when
 * no epoch arrives for STALL_MS (a hung run would otherwise sit out the whole timeout).
 * @param {import('@playwright/test').Page} page
 * @param {number} untilEpoch
 * @param {number} timeoutMs
 */
async function waitForEpochs(page, untilEpoch, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  let lastChange = Date.now();
  for (;;) {
    const state = await page.evaluate(() => ({
      epochs: /** @type {any} */ (window).__bench.epochAt.length,
      status: document.querySelector('[data-testid="status"]')?.textContent?.trim() ?? '',
      error: document.querySelector('[data-testid="error"]')?.textContent?.trim() ?? null,
    }));
    if (state.error !== null) throw new Error(`The app reported an error: ${state.error}`);
    if (state.epochs >= untilEpoch) return;
    if (state.epochs !== seen) {
      seen = state.epochs;
      lastChange = Date.now();
    }
    const now = Date.now();
    if (now - lastChange > STALL_MS || now > deadline) {
      throw new Error(
        `No epoch ${seen + 1} after ${((now - lastChange) / 1000).toFixed(0)} s (status "${state.status}")`,
      );
    }
    await page.waitForTimeout(POLL_MS); // a polling loop over a live run, not a test wait
  }
}

/**
 * One measured visit: navigate (or reload), wait for Train, click it, wait for `untilEpoch`.
 * @param {import('@playwright/test').Page} page
 * @param {{ url: string | null, untilEpoch: number, timeoutMs: number }} options url null = reload
 */
async function visit(page, { url, untilEpoch, timeoutMs }) {
  if (url === null) await page.reload();
  else await page.goto(url);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.waitForFunction(() => /** @type {any} */ (window).__bench.readyAt !== null, null, {
    timeout: timeoutMs,
  });
  await train.click();
  await waitForEpochs(page, untilEpoch, timeoutMs);
  const backend = (await page.getByTestId('backend-badge').getAttribute('data-backend')) ?? '';
  const record = await page.evaluate(() => {
    const bench = /** @type {any} */ (window).__bench;
    // When each script finished downloading (resource timing; the worker's fetch is the page's).
    bench.scripts = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js'))
      .map((e) => ({
        file: e.name.slice(e.name.lastIndexOf('/') + 1),
        responseEnd: /** @type {PerformanceResourceTiming} */ (e).responseEnd,
        transferSize: /** @type {PerformanceResourceTiming} */ (e).transferSize,
      }));
    const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (
      performance.getEntriesByType('navigation')[0]
    );
    bench.domContentLoaded = navigation?.domContentLoadedEventEnd ?? null;
    return bench;
  });
  return { record, backend };
}

/**
 * @param {any} record
 * @param {number} from ms since navigation: the first epoch's arrival
 * @param {number} to ms since navigation: the last epoch's arrival
 */
function responsiveness(record, from, to) {
  const after = (/** @type {number} */ t) => t > from && t <= to;
  const longTasks = record.longTasks.filter((/** @type {number[]} */ [start]) => after(start));
  const gaps = record.frames
    .filter((/** @type {number[]} */ [t, gap]) => after(t - gap))
    .map((/** @type {number[]} */ [, gap]) => gap);
  const epochMessages = record.messages
    .filter((/** @type {any[]} */ [type, start]) => type === 'epoch' && start <= to)
    .map((/** @type {any[]} */ [, start, ms]) => ({ start, ms }));
  const progressMessages = record.messages
    .filter((/** @type {any[]} */ [type, start]) => type === 'progress' && after(start))
    .map((/** @type {any[]} */ [, , ms]) => ms);
  return {
    windowMs: to - from,
    longTaskObserver: !record.longtaskUnsupported,
    longTasks: longTasks.map((/** @type {number[]} */ [start, duration]) => ({ start, duration })),
    longAnimationFrames: record.longFrames.filter((/** @type {any} */ f) => after(f.start)),
    frames: gaps.length,
    frameGapsMs: gaps,
    /** Handler + Svelte flush of each `epoch` message, in order (the first is epoch 1's). */
    epochMessageMs: epochMessages.map((/** @type {{ ms: number }} */ m) => m.ms),
    progressMessageMs: progressMessages,
    /** Each panel's own update task (the app spreads them after the epoch message). */
    panelUpdates: record.panels
      .filter((/** @type {any[]} */ [, start]) => after(start))
      .map((/** @type {any[]} */ [name, start, ms]) => ({ name, start, duration: ms })),
  };
}

/**
 * Where the time to an enabled Train button goes: ms since navigation of each milestone.
 * @param {any} record
 */
function readyBreakdown(record) {
  const script = (/** @type {RegExp} */ pattern) =>
    record.scripts.find((/** @type {{ file: string }} */ s) => pattern.test(s.file)) ?? null;
  const backendMessage = record.messages.find((/** @type {any[]} */ [type]) => type === 'backend');
  return {
    mainScriptLoaded: script(/^index-.*\.js$/)?.responseEnd ?? null,
    domContentLoaded: record.domContentLoaded,
    trainShown: record.trainShownAt,
    workerCreated: record.workerCreatedAt,
    workerScriptLoaded: script(/worker.*\.js$/)?.responseEnd ?? null,
    backendMessage: backendMessage ? backendMessage[1] : null,
    ready: record.readyAt,
    scripts: record.scripts,
  };
}

/**
 * Cold visit in a fresh browser context (empty HTTP cache, no service worker), then a warm
 * reload in the same context. The cold visit trains `epochs` epochs and reports responsiveness
 * after its first; the warm one stops at the first epoch.
 * @param {import('@playwright/test').Browser} browser
 * @param {{ baseUrl: string, hash: string, epochs: number, timeoutMs: number }} options
 */
export async function measureAppPage(browser, { baseUrl, hash, epochs, timeoutMs }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  /** @type {string[]} */
  const errors = [];
  try {
    await context.addInitScript(instrumentPage);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const cold = await visit(page, { url: `${baseUrl}#${hash}`, untilEpoch: epochs, timeoutMs });
    const warm = await visit(page, { url: null, untilEpoch: 1, timeoutMs });
    if (errors.length > 0) throw new Error(`App page errors: ${errors.join('; ')}`);
    const summary = (/** @type {{ record: any, backend: string }} */ { record, backend }) => ({
      backend,
      readyMs: record.readyAt,
      navigationToFirstEpochMs: record.epochAt[0] ?? null,
      clickToFirstEpochMs:
        record.epochAt[0] !== undefined && record.clickAt !== null
          ? record.epochAt[0] - record.clickAt
          : null,
      epochAtMs: record.epochAt,
      readyBreakdown: readyBreakdown(record),
    });
    return {
      cold: {
        ...summary(cold),
        responsiveness: responsiveness(
          cold.record,
          cold.record.epochAt[0],
          cold.record.epochAt.at(-1),
        ),
      },
      warm: summary(warm),
    };
  } finally {
    await context.close();
  }
}
