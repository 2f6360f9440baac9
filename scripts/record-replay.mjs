// Records the run that Replay plays: the app itself trains the default run (Pullover vs Coat,
// wide model, 40 epochs, seed 1) in headless Chromium, then its own "Download run" button saves
// the run file with every epoch's validation logits; this script checks the file and writes it.
//   npx vite build --outDir /tmp/dist-record && node scripts/record-replay.mjs /tmp/dist-record
// Options: a second argument names the output (default static/replay/default-run.json);
// RECORD_HASH=... changes the link (default: the defaults on the WASM backend, which trains
// 5–8× faster than SwiftShader WebGL without a GPU; expect 15–30 min on a loaded 2-core machine).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { launchOptions } from './chromium.mjs';
import { startPreview } from './preview.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'dist'));
const out = path.resolve(process.argv[3] ?? path.join(REPO_ROOT, 'static/replay/default-run.json'));
const hash = process.env.RECORD_HASH ?? '#backend=wasm&autostart=1';
const backend = new URLSearchParams(hash.slice(1)).get('backend') ?? 'wasm';
/** A poll, not a test: the status is read this often while the run trains. */
const POLL_MS = 10_000;
/** Longer than any default run should take, even on WebGL without a GPU (~70 min). */
const RUN_TIMEOUT_MS = 3 * 60 * 60_000;

/** @param {...unknown} parts */
const log = (...parts) => console.log(new Date().toISOString(), ...parts);

const preview = await startPreview(outDir);
const browser = await chromium.launch(launchOptions(backend === 'auto' ? 'wasm' : backend));
try {
  const page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (error) => log('page error:', error.message));
  const started = Date.now();
  await page.goto(`${preview.url}${hash}`);
  log('opened', `${preview.url}${hash}`);
  let printed = 0;
  for (;;) {
    const rows = await page
      .getByTestId('chart-loss')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim()).join('  ')),
      );
    for (; printed < rows.length; printed++) log(rows[printed]);
    const status = (await page.getByTestId('status').textContent()) ?? '';
    if (/done/i.test(status)) break;
    if (await page.getByTestId('error').isVisible()) {
      throw new Error(await page.getByTestId('error').innerText());
    }
    if (Date.now() - started > RUN_TIMEOUT_MS) throw new Error('the run did not finish in time');
    await page.waitForTimeout(POLL_MS);
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download run' }).click();
  const download = await downloadPromise;
  // The file exactly as the app wrote it: Replay must play what the button gives anyone.
  const text = await readFile(await download.path(), 'utf8');
  /** @type {import('../src/lib/core/files/runFile').RunFile} */
  const run = JSON.parse(text);
  const logits = run.epochLogits?.epochs ?? [];
  if (logits.length !== run.epochs.length) {
    throw new Error(`the file has logits for ${logits.length} of ${run.epochs.length} epochs`);
  }
  await writeFile(out, text);
  const losses = run.epochs.map((epoch) => epoch.validationLoss);
  const lowest = Math.min(...losses);
  log(
    `${run.epochs.length} epochs on ${run.environment.backend} (${run.environment.adapter}) in`,
    `${minutes} min; lowest validation loss ${lowest.toFixed(4)} at epoch`,
    `${losses.indexOf(lowest) + 1}, last ${losses.at(-1)?.toFixed(4)};`,
    `${text.length} bytes written to ${path.relative(REPO_ROOT, out)}`,
  );
} finally {
  await browser.close();
  await preview.close();
}
