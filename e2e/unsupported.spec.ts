// A browser with neither WebGPU nor WebGL (old GPU, blocklisted driver, hardware acceleration
// off) whose WebAssembly backend cannot load either (its .wasm files answer 404 here): the page
// must say so in plain words and train on the plain-JavaScript CPU — never show a stack trace.
// (Without the GPUs but with WASM, auto picks WASM: e2e/wasm.spec.ts.)
// This test launches its own Chromium: `--disable-gpu --disable-software-rasterizer` leaves no
// GPU and no SwiftShader fallback, so every WebGL context (page and OffscreenCanvas in the
// worker) fails. (`--disable-webgl` alone is not enough: OffscreenCanvas in a worker still gets
// one.) Without `--enable-unsafe-webgpu` headless Chromium offers no WebGPU adapter.
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../scripts/chromium.mjs';
import { openBackendDetails } from './backend-badge';

const NO_GPU_ARGS = ['--disable-gpu', '--disable-software-rasterizer'];
/** A run the CPU finishes in seconds. */
const TINY_CPU = 'classes=pullover,coat&train=16&val=20&epochs=1&batch=16&model=small&seed=7';
/** What a stack trace looks like: "at fn (https://…/x.js:1:2)", "x.js:12", "Error: …". */
const STACK_TRACE = /\bat \S+ \(|\.js:\d+|\b[A-Z]\w*Error:|^\s*at /m;

test('no WebGPU and no WebGL: a plain reason, the CPU, and a working Step', async ({ baseURL }) => {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, ...NO_GPU_ARGS],
  });
  try {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    const origin = new URL(baseURL ?? '').origin;
    const problems: string[] = [];
    page.on('console', (message) => {
      // The browser and TF.js report the missing .wasm files themselves; anything else counts.
      const text = message.text();
      if (message.type() === 'error' && !/wasm|404/i.test(text)) {
        problems.push(`console error: ${text}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
        problems.push(`foreign request: ${url}`);
      }
    });

    await context.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`/#${TINY_CPU}`);
    // The flags really took every GPU path away (else this test would prove nothing).
    expect(
      await page.evaluate(() => ({
        webgl2: document.createElement('canvas').getContext('webgl2') !== null,
        webgl: document.createElement('canvas').getContext('webgl') !== null,
      })),
    ).toEqual({ webgl2: false, webgl: false });

    const badge = page.getByTestId('backend-badge');
    await expect(badge).toHaveAttribute('data-backend', 'cpu', { timeout: 120_000 });
    const [worker] = page.workers();
    expect(
      await worker.evaluate(async () => ({
        webgl2: new OffscreenCanvas(1, 1).getContext('webgl2') !== null,
        webgl: new OffscreenCanvas(1, 1).getContext('webgl') !== null,
        webgpuAdapter: navigator.gpu ? (await navigator.gpu.requestAdapter()) !== null : false,
      })),
    ).toEqual({ webgl2: false, webgl: false, webgpuAdapter: false });

    // Plain words: which backends failed, what it trains on instead, what that means. WASM
    // failing is a real fault: the line says so in the warning colour; the reasons open on demand.
    await expect(badge).toHaveAttribute('data-tone', 'warning');
    await expect(badge.locator('summary')).toContainText('WASM failed');
    await openBackendDetails(page);
    await expect(badge).toContainText('WebGPU unavailable');
    await expect(badge).toContainText('WebGL unavailable');
    await expect(badge).toContainText('WASM unavailable');
    await expect(badge).toContainText(/training on CPU/);
    await expect(badge).toContainText(/slow/i);
    expect(await page.locator('body').innerText()).not.toMatch(STACK_TRACE);

    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1', {
      timeout: 120_000,
    });
    await expect(page.getByTestId('error')).toHaveCount(0);
    expect(await page.locator('body').innerText()).not.toMatch(STACK_TRACE);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});
