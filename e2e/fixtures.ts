// Shared fixture: every test fails on a console error, an uncaught page error, or a request
// that leaves the page's origin.

import { test as base, expect, type Page } from '@playwright/test';

interface Guard {
  consoleErrors: string[];
  foreignRequests: string[];
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const guard: Guard = { consoleErrors: [], foreignRequests: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') guard.consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => guard.consoleErrors.push(`pageerror: ${error.message}`));
      // context-level: also sees requests made by the training worker.
      page.context().on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) guard.foreignRequests.push(url);
      });
      await use(guard);
      expect(guard.foreignRequests, 'requests that left the page origin').toEqual([]);
      expect(guard.consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A tiny run for emulated GPUs: small model, 64 training and 100 validation images. */
export const TINY_AUTO =
  'classes=pullover,coat&train=64&val=100&epochs=2&batch=32&model=small&seed=7';
/**
 * The same on WASM, where most specs run: it trains 10–20× faster than SwiftShader's WebGL, and
 * it is what `auto` picks on a machine without a real GPU (e2e/wasm.spec.ts tests that choice
 * with TINY_AUTO). The WebGL and WebGPU paths keep their own specs (webgl.spec.ts,
 * webgpu.spec.ts, the lost-device faults, run-truth.spec.ts, the stored-run spec).
 */
export const TINY = `${TINY_AUTO}&backend=wasm`;
export const TINY_WEBGL = `${TINY_AUTO}&backend=webgl`;

export async function openApp(page: Page, hash: string): Promise<void> {
  await page.goto(`/#${hash}`);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute(
    'data-backend',
    /webgpu|webgl|wasm|cpu/,
    {
      timeout: 120_000,
    },
  );
}

/** Waits until the status word is `status` — training on SwiftShader can take minutes. */
export async function waitForStatus(page: Page, status: string, timeout = 300_000): Promise<void> {
  await expect(page.getByTestId('status')).toHaveText(new RegExp(`\\b${status}\\b`, 'i'), {
    timeout,
  });
}
