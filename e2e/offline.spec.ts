// Offline (a workshop on bad Wi-Fi): after one visit, the service worker has precached the app
// (the wasm binaries and thread scripts included), the default pair and the recorded run, so the
// page reloads, trains and replays with the network off — cross-origin isolated, because the
// service worker adds the COOP/COEP headers to what it serves.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ISOLATION_HEADERS } from '../scripts/vite/security.mjs';
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY, TINY_AUTO, waitForStatus } from './fixtures';
import { expectEveryPanelAt, RECORDED_EPOCHS, RECORDING } from './replay-page';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

// This test is about the service worker: allow it even where the config blocks them.
test.use({ serviceWorkers: 'allow' });

interface CacheReport {
  names: string[];
  paths: string[];
  bytes: number;
}

/** Waits until the service worker controls the page, which it does once all is precached. */
async function waitForPrecache(page: Page): Promise<void> {
  // The worker activates only after its install has precached everything, then claims this
  // page: an activated controller means the cache is complete.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
      timeout: 60_000,
    })
    .toBe('activated');
}

/** Every response the page gets from now on, and whether the service worker answered it. */
function recordResponses(page: Page) {
  const served: { url: string; fromServiceWorker: boolean; headers: Record<string, string> }[] = [];
  page.on('response', (response) =>
    served.push({
      url: response.url(),
      fromServiceWorker: response.fromServiceWorker(),
      headers: response.headers(),
    }),
  );
  return served;
}

test('after one visit the page and the default pair work offline', async ({ page, context }) => {
  await openApp(page, TINY);
  await waitForPrecache(page);

  const cached = await page.evaluate(async (): Promise<CacheReport> => {
    const report: CacheReport = { names: await caches.keys(), paths: [], bytes: 0 };
    for (const name of report.names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        report.paths.push(new URL(request.url).pathname);
        const response = await cache.match(request);
        report.bytes += response ? (await response.blob()).size : 0;
      }
    }
    return report;
  });
  expect(cached.names).toEqual([
    expect.stringMatching(/^overconfidence-app-[0-9a-f]{16}$/),
    expect.stringMatching(/^overconfidence-data-[0-9a-f]{16}$/),
    expect.stringMatching(/^overconfidence-replay-[0-9a-f]{16}$/),
  ]);
  expect(cached.paths).toEqual(
    expect.arrayContaining([
      '/index.html',
      expect.stringMatching(/^\/assets\/index-.+\.js$/),
      expect.stringMatching(/^\/assets\/index-.+\.css$/),
      expect.stringMatching(/^\/assets\/train\.worker-.+\.js$/),
      expect.stringMatching(/^\/assets\/tfjs-backend-wasm-simd-.+\.wasm$/),
      expect.stringMatching(/^\/assets\/tfjs-backend-wasm-threaded-simd-.+\.wasm$/),
      expect.stringMatching(/^\/assets\/tfjs-backend-wasm-threaded-simd\.worker-.+\.js$/),
      expect.stringMatching(/^\/assets\/tfjs-backend-wasm-threaded-simd-.+\.js$/),
      '/data/manifest.json',
      '/data/pullover-train.bin',
      '/data/pullover-test.bin',
      '/data/coat-train.bin',
      '/data/coat-test.bin',
      '/replay/default-run.json',
      '/replay/remedies-sweep.json',
    ]),
  );
  test.info().annotations.push({
    type: 'service-worker cache',
    description: `${cached.paths.length} files, ${(cached.bytes / 1e6).toFixed(2)} MB`,
  });

  await context.setOffline(true);
  const served = recordResponses(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute(
    'data-backend',
    /webgl|wasm|cpu/,
    {
      timeout: 120_000,
    },
  );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '2');

  expect(served.length).toBeGreaterThan(0);
  expect(served.filter((response) => !response.fromServiceWorker)).toEqual([]);
  // What the service worker serves carries the isolation headers (a static host may send none),
  // so the offline page still has SharedArrayBuffer for wasm threads.
  for (const response of served) {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
      expect(response.headers[name.toLowerCase()], `${name} on ${response.url}`).toBe(value);
    }
  }
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

  // The network really is off for the service worker too: a class outside the default pair,
  // never fetched before, cannot be had (asked from the worker, so no page console error).
  const [serviceWorker] = context.serviceWorkers();
  const uncached = await serviceWorker.evaluate(() =>
    fetch('data/bag-test.bin').then(
      (response) => `HTTP ${response.status}`,
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');
});

test('after one visit, with the network off, replay=1 plays the recorded run to its last epoch', async ({
  page,
  context,
}) => {
  // One visit that never asks for the recording: only the precache can have fetched it.
  await openApp(page, TINY);
  await waitForPrecache(page);
  const recordingBytes = await page.evaluate(async () => {
    const response = await caches.match('/replay/default-run.json');
    return response ? (await response.blob()).size : 0;
  });
  // The byte cost the README names: the file as shipped.
  expect(recordingBytes).toBe(statSync(RECORDING).size);
  test.info().annotations.push({
    type: 'recorded run in the cache',
    description: `${(recordingBytes / 1e6).toFixed(2)} MB`,
  });

  await context.setOffline(true);
  const served = recordResponses(page);
  await page.goto('/#replay=1');
  await page.reload();
  await expect(page.getByTestId('replay-shown')).toHaveText(
    `Epoch ${RECORDED_EPOCHS} of ${RECORDED_EPOCHS}`,
    { timeout: 60_000 },
  );
  await expectEveryPanelAt(page, RECORDED_EPOCHS);
  expect(served.some((response) => response.url.endsWith('/replay/default-run.json'))).toBe(true);
  expect(served.filter((response) => !response.fromServiceWorker)).toEqual([]);
});

test('a static host that sends no headers still gets isolation (wasm threads) from the second visit', async ({
  browser,
}) => {
  // The built files from a bare static server: no COOP/COEP, no CSP header.
  const root = path.resolve(process.env.E2E_DIST ?? 'dist');
  const server = createServer(async (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/#${TINY_AUTO}&backend=wasm`);
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toHaveAttribute('data-backend', 'wasm', { timeout: 120_000 });
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    await expect(badge).toContainText('not cross-origin isolated');
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
        timeout: 60_000,
      })
      .toBe('activated');

    await page.reload();
    await expect(badge).toHaveAttribute('data-backend', 'wasm', { timeout: 120_000 });
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await expect(badge).not.toContainText('not cross-origin isolated');
  } finally {
    await context.close();
    server.close();
  }
});
