// Drives the bench harness page (bench.html): one page per backend, requests go to its worker
// through window.bench (see src/bench/main.ts and src/bench/protocol.ts).
import { HARNESS_FOLDER } from './server.mjs';

/** @typedef {import('../../src/bench/protocol').BenchRequest} BenchRequest */
/** @typedef {import('../../src/bench/protocol').BenchResult} BenchResult */

/**
 * Opens the harness in a fresh context of `browser` and selects `backend` in its worker.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {'webgpu' | 'webgl'} backend
 * @param {(line: string) => void} log
 */
export async function openHarness(browser, baseUrl, backend, log) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    else if (message.text().startsWith('[bench worker]')) log(`  ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${HARNESS_FOLDER}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const dataUrl = new URL('data/', baseUrl).href;

  /**
   * @template {BenchRequest} R
   * @param {R} request
   * @returns {Promise<Extract<BenchResult, { type: R['type'] }>>}
   */
  async function call(request) {
    const result = await page.evaluate((r) => /** @type {any} */ (window).bench.run(r), request);
    if (errors.length > 0) throw new Error(`Harness page errors: ${errors.join('; ')}`);
    if (result.type !== request.type) throw new Error(`Asked ${request.type}, got ${result.type}`);
    return /** @type {any} */ (result);
  }

  const init = await call({ type: 'init', backend, dataUrl });
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
