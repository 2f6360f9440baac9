// The WebAssembly backend in a real Chromium: forced, it trains; on a GPU-less Chrome `auto`
// lands on it (not the JavaScript cpu backend) with threads, because the preview server makes
// the page cross-origin isolated; beside SwiftShader WebGL `auto` times both and says why.
import { CHROMIUM_ARGS, chromiumExecutable } from '../scripts/chromium.mjs';
import type { Browser, BrowserType, Page } from '@playwright/test';
import { openBackendDetails } from './backend-badge';
import { expect, test, TINY_AUTO, waitForStatus } from './fixtures';
import { downloadRun, expectConsistentRunFile } from './run-file';
import { tinyWith } from './tiny-hash';
import { closeSettings, openSettings } from './views';

/** How desktop Chrome presents itself on a machine whose GPU is missing or blocklisted. */
const GPU_LESS_ARGS = ['--disable-gpu', '--disable-software-rasterizer'];

/** `use` with a Chromium of its own launched as a GPU-less Chrome (flags are per browser). */
async function withGpuLessChrome(
  chromium: BrowserType,
  use: (browser: Browser) => Promise<void>,
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, ...GPU_LESS_ARGS],
  });
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}

async function openOn(page: Page, hash: string, backend: RegExp): Promise<void> {
  await page.goto(`/#${hash}`);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend, {
    timeout: 120_000,
  });
}

test('backend=wasm trains a tiny run in a cross-origin isolated page and names its threads', async ({
  page,
}) => {
  await openOn(page, `${TINY_AUTO}&backend=wasm`, /^wasm$/);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  const badge = await openBackendDetails(page);
  await expect(badge).toHaveAttribute('data-tone', 'info');
  await expect(badge.locator('summary')).toContainText(/^\s*WASM\s*\d+ threads?/);
  await expect(badge).toContainText('WASM');
  await expect(badge).toContainText(/\d+ threads?, SIMD/);
  await expect(badge).not.toContainText(/unavailable/);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '2');
  const { file } = await downloadRun(page);
  expectConsistentRunFile(file, { backend: 'wasm', epochs: 2, validation: 100 });
  expect(file.environment.fallbackReason).toBeNull();
});

test('auto times SwiftShader WebGL against WASM and says which won and why', async ({ page }) => {
  // The page sends the selected model with init: TINY_AUTO's small CNN is the one timed.
  const started = Date.now();
  await openOn(page, TINY_AUTO, /^(wasm|webgl)$/);
  test.info().annotations.push({
    type: 'page load to chosen backend (timing both included)',
    description: `${((Date.now() - started) / 1000).toFixed(1)} s`,
  });
  // A software GPU timed and beaten (or winning) is information, not a fault.
  const badge = await openBackendDetails(page);
  await expect(badge).toHaveAttribute('data-tone', 'info');
  const notes = badge.getByTestId('backend-note');
  await expect(
    notes.filter({
      hasText:
        /^measured: WebGL \(.*SwiftShader.*\) [\d.]+ images\/s, WASM \(\d+ threads?\) [\d.]+ images\/s$/,
    }),
  ).toHaveCount(1);
  await expect(
    notes.filter({
      hasText:
        /^Why: fastest of 2 for the small model \(measured (just now|earlier in this browser)\)$/,
    }),
  ).toHaveCount(1);
  const measured =
    (await notes.allTextContents()).find((note) => note.startsWith('measured')) ?? '';
  test
    .info()
    .annotations.push({ type: 'auto timing (small model, batch 8)', description: measured });
  // Both were timed: no failure. A WebGL warm-up that overran its slice is no speed (0 images/s)
  // and says so; otherwise every figure is a speed.
  await expect(badge).not.toContainText('timing it failed');
  const overran = (await badge.textContent())?.includes('WebGL skipped: its warm-up step overran');
  // In the badge's order, the timed GPU first and WASM last (backendTiming.ts).
  const [webgl, wasm] = [...measured.matchAll(/([\d.]+) images\/s/g)].map((match) =>
    Number(match[1]),
  );
  expect(wasm).toBeGreaterThan(0);
  if (overran) expect(webgl).toBe(0);
  else expect(webgl).toBeGreaterThan(0);
  // The winner is the faster of the two measured; ties go to WASM. The badge rounds figures of
  // 10 images/s and more to whole numbers, so two that print alike may differ below that: then
  // either may have won.
  const winner = await badge.getAttribute('data-backend');
  if (webgl !== wasm) expect(winner).toBe(webgl > wasm ? 'webgl' : 'wasm');
  else expect(winner).toMatch(/^(webgl|wasm)$/);
  // The loser is named as skipped, with both speeds (or why WebGL has none).
  await expect(badge).toContainText(
    winner === 'wasm'
      ? /WebGL skipped: (.*SwiftShader.* is a software \(CPU\) emulation|its warm-up step overran)/
      : /WASM skipped: WebGL/,
  );
});

test('the backend select restarts training on the chosen backend, in the same page', async ({
  page,
}) => {
  // Speeds side by side are `npm run bench`'s job; here: the switch itself, wasm → webgl.
  const hash = tinyWith({ train: 32, val: 20, epochs: 1, batch: 16, backend: 'wasm' });
  await openOn(page, hash, /^wasm$/);
  for (const backend of ['wasm', 'webgl']) {
    if (backend !== 'wasm') {
      // Changing the setting restarts the training worker on that backend, in this page.
      await openSettings(page);
      await page.getByLabel('Compute backend').selectOption(backend);
      await closeSettings(page);
      await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend, {
        timeout: 120_000,
      });
    }
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForStatus(page, 'done');
    const { file } = await downloadRun(page);
    expect(file.environment.backend).toBe(backend);
    expect(file.epochs[0].imagesPerSecond).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitForStatus(page, 'idle');
  }
});

test('a Chrome without GPU: auto lands on WASM, not the cpu backend, names the threads, trains', async ({
  playwright,
  baseURL,
}) => {
  // Its own browser: this spec's project has a GPU path.
  await withGpuLessChrome(playwright.chromium, async (browser) => {
    const page = await browser.newPage({ baseURL });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await openOn(page, TINY_AUTO, /^(wasm|cpu)$/);
    const badge = await openBackendDetails(page);
    await expect(badge).toHaveAttribute('data-backend', 'wasm');
    // No GPU, training on WASM: the normal case, told as information.
    await expect(badge).toHaveAttribute('data-tone', 'info');
    await expect(badge).toContainText(/\d+ threads?, SIMD/);
    await expect(badge).toContainText(/WebGL unavailable/);
    await expect(badge).toContainText(/no GPU backend, and WebAssembly trains far faster/);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForStatus(page, 'done');
    await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '2');
    expect(errors).toEqual([]);
  });
});

for (const fault of [
  { name: 'missing (404)', body: { status: 404, body: 'not found' } },
  { name: 'corrupt', body: { status: 200, contentType: 'application/wasm', body: 'not wasm' } },
]) {
  test(`a ${fault.name} .wasm file: a forced backend=wasm falls back to the CPU, says why, trains`, async ({
    playwright,
    baseURL,
  }) => {
    // Its own browser (no console-error guard): the failed fetch or compile logs errors of its own.
    await withGpuLessChrome(playwright.chromium, async (browser) => {
      const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
      const wasmRequests: string[] = [];
      // Context-level: the training worker (and its threads) fetch the binaries.
      await context.route(/\.wasm$/, async (route) => {
        wasmRequests.push(route.request().url());
        await route.fulfill(fault.body);
      });
      const page = await context.newPage();
      await openOn(page, `${TINY_AUTO}&backend=wasm`, /^(wasm|cpu)$/);
      const badge = await openBackendDetails(page);
      await expect(badge).toHaveAttribute('data-backend', 'cpu');
      // The WASM asked for failed: a real fault, in the warning colour, said on the line itself.
      await expect(badge).toHaveAttribute('data-tone', 'warning');
      await expect(badge.locator('summary')).toContainText('WASM failed');
      await expect(badge).toContainText(/WASM unavailable: the WASM backend failed to initialise/);
      expect(wasmRequests.length).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await waitForStatus(page, 'done');
      const { file } = await downloadRun(page);
      expectConsistentRunFile(file, { backend: 'cpu', epochs: 2, validation: 100 });
      expect(file.environment.fallbackReason).toMatch(/WASM unavailable/);
    });
  });
}
