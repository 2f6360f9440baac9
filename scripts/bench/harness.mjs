// The bench page (bench.html, src/bench/) driven from Node: its worker trains on one backend and
// answers the requests of src/bench/protocol.ts through window.bench (src/bench/main.ts).

/** Where the bench page lands inside the app's build folder (see vite.config.mjs beside this). */
export const HARNESS_FOLDER = 'bench-harness';

/**
 * The bench page in a fresh context, its worker on `backend`.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {'webgpu' | 'webgl' | 'wasm' | 'cpu'} backend
 * @param {(line: string) => void} log where the worker's log lines go
 */
export async function openHarness(browser, baseUrl, backend, log) {
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

/** @typedef {Awaited<ReturnType<typeof openHarness>>} Harness */
