// Drives the app in headless Chromium for one run: opens the link with the backend forced and
// autostart on, reports "epoch x of y" as the page shows it, and saves the run file the
// "Download run" button produces. Nothing here knows the app's internals: only what a person
// sees (status, progress, error banner) and the file they would download.

import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, WEBGPU_ARG } from '../chromium.mjs';

/** How often the page is asked whether the progress text changed. */
const PROGRESS_POLL_MS = 500;
/** The longest wait between two looks at the page: bounds how late a stuck state is noticed. */
const LOOK_INTERVAL_MS = 15_000;
/** Loading the page, the dataset and starting a backend (WebGPU on SwiftShader is slow to start). */
const PAGE_READY_TIMEOUT_MS = 120_000;

/**
 * One Chromium per flag set, launched on first use: WebGPU needs --enable-unsafe-webgpu in
 * headless Chromium, and the others run without it, as the e2e projects do.
 */
export class Browsers {
  /** @type {Map<string, Promise<import('@playwright/test').Browser>>} */
  #launched = new Map();

  /** @param {string} backend */
  get(backend) {
    const kind = backend === 'webgpu' ? 'webgpu' : 'plain';
    let browser = this.#launched.get(kind);
    if (!browser) {
      const args = kind === 'webgpu' ? [...CHROMIUM_ARGS, WEBGPU_ARG] : CHROMIUM_ARGS;
      browser = chromium.launch({ executablePath: chromiumExecutable(), args });
      this.#launched.set(kind, browser);
    }
    return browser;
  }

  async close() {
    for (const browser of this.#launched.values()) await (await browser).close();
    this.#launched.clear();
  }
}

/**
 * @typedef {object} RunOutcome
 * @property {boolean} ok
 * @property {string} error why it failed ('' when ok)
 * @property {any} run the parsed run file (null when none was downloaded)
 * @property {number} seconds wall time from opening the page to the download
 */

/**
 * @param {Browsers} browsers
 * @param {object} options
 * @param {string} options.baseUrl
 * @param {string} options.hash settings without backend/autostart
 * @param {string} options.backend
 * @param {number} options.timeoutSeconds
 * @param {string} options.savePath where the downloaded run file goes
 * @param {(text: string) => void} options.onProgress called when "Epoch x of y" changes
 * @returns {Promise<RunOutcome>}
 */
export async function runInBrowser(browsers, options) {
  const { baseUrl, hash, backend, timeoutSeconds, savePath, onProgress } = options;
  const started = Date.now();
  const deadline = started + timeoutSeconds * 1000;
  const browser = await browsers.get(backend);
  const context = await browser.newContext({ acceptDownloads: true });
  /** @type {string[]} */
  const pageErrors = [];
  const page = await context.newPage();
  /** Settles on the first error, so a broken page ends the wait at once, not at the timeout. */
  let reportBroken = () => {};
  const broken = new Promise((resolve) => (reportBroken = () => resolve(undefined)));
  const onError = (/** @type {string} */ text) => {
    pageErrors.push(text);
    reportBroken();
  };
  page.on('console', (message) => {
    if (message.type() === 'error') onError(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => onError(`page error: ${error.message}`));
  const fail = (/** @type {string} */ error) => ({
    ok: false,
    error,
    run: null,
    seconds: (Date.now() - started) / 1000,
  });
  try {
    await page.goto(`${baseUrl}#${hash}&backend=${backend}&autostart=1`);
    const status = page.getByTestId('status');
    const progress = page.getByTestId('progress');
    const errorBanner = page.getByTestId('error');
    await progress.waitFor({ timeout: PAGE_READY_TIMEOUT_MS });
    let shown = '';
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return fail(`timed out after ${timeoutSeconds} s at "${shown}"`);
      // Wakes when the progress text or the status changes, an error banner appears, the
      // page reports an error, or after LOOK_INTERVAL_MS to check for a stuck start.
      const changed = page
        .waitForFunction(
          (last) => {
            const text = (/** @type {string} */ id) =>
              document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
            return (
              text('progress') !== last || /\bdone\b/i.test(text('status')) || text('error') !== ''
            );
          },
          shown,
          { polling: PROGRESS_POLL_MS, timeout: Math.min(remaining, LOOK_INTERVAL_MS) },
        )
        .catch(() => undefined);
      await Promise.race([changed, broken]);
      if (await errorBanner.isVisible())
        return fail(`the page shows an error: ${(await errorBanner.innerText()).trim()}`);
      if (pageErrors.length > 0) return fail(pageErrors.join(' | '));
      const text = ((await progress.textContent()) ?? '').trim();
      if (text !== shown) onProgress((shown = text));
      const word = ((await status.textContent()) ?? '').trim();
      if (/\bdone\b/i.test(word)) break;
      if (/^idle$/i.test(word) && Date.now() - started > PAGE_READY_TIMEOUT_MS) {
        return fail(
          `training did not start within ${PAGE_READY_TIMEOUT_MS / 1000} s (status "${word}")`,
        );
      }
    }
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Download run' }).click();
    await (await download).saveAs(savePath);
    const run = JSON.parse(await readFile(savePath, 'utf8'));
    const ranOn = run?.environment?.backend;
    if (ranOn !== backend) {
      return {
        ...fail(`asked for ${backend}, ran on ${ranOn}: ${run?.environment?.fallbackReason ?? ''}`),
        run,
      };
    }
    if (pageErrors.length > 0) return { ...fail(pageErrors.join(' | ')), run };
    return { ok: true, error: '', run, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
  } finally {
    await context.close();
  }
}
