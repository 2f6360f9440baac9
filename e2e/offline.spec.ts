// Offline (a workshop on bad Wi-Fi): after one visit, the service worker has precached the app
// and the default pair, so the page reloads and trains with the network off.
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';

// This test is about the service worker: allow it even where the config blocks them.
test.use({ serviceWorkers: 'allow' });

interface CacheReport {
  names: string[];
  paths: string[];
  bytes: number;
}

test('after one visit the page and the default pair work offline', async ({ page, context }) => {
  await openApp(page, TINY);
  // The worker activates only after its install has precached everything, then claims this
  // page: an activated controller means the cache is complete.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
      timeout: 60_000,
    })
    .toBe('activated');

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
  ]);
  expect(cached.paths).toEqual(
    expect.arrayContaining([
      '/index.html',
      expect.stringMatching(/^\/assets\/index-.+\.js$/),
      expect.stringMatching(/^\/assets\/index-.+\.css$/),
      expect.stringMatching(/^\/assets\/train\.worker-.+\.js$/),
      '/data/manifest.json',
      '/data/pullover-train.bin',
      '/data/pullover-test.bin',
      '/data/coat-train.bin',
      '/data/coat-test.bin',
    ]),
  );
  test.info().annotations.push({
    type: 'service-worker cache',
    description: `${cached.paths.length} files, ${(cached.bytes / 1e6).toFixed(2)} MB`,
  });

  await context.setOffline(true);
  const served: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('response', (response) =>
    served.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() }),
  );
  await page.reload();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /webgl|cpu/, {
    timeout: 120_000,
  });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '2');

  expect(served.length).toBeGreaterThan(0);
  expect(served.filter((response) => !response.fromServiceWorker)).toEqual([]);

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
