// Runs one configuration to the end in headless Chromium against a running `vite preview`
// and prints its per-epoch figures; the run file is saved beside it. Used to check that the
// defaults show the phenomenon (slow on an emulated GPU: expect over an hour for the defaults).
//   node scripts/reference-run.mjs '#backend=webgl' out.json
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, WEBGPU_ARG } from './chromium.mjs';

const hash = process.argv[2] ?? '';
const out = process.argv[3] ?? 'reference-run.json';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const executablePath = chromiumExecutable();
const args = process.env.WEBGPU ? [...CHROMIUM_ARGS, WEBGPU_ARG] : CHROMIUM_ARGS;

const browser = await chromium.launch({ executablePath, args });
const page = await browser.newPage({ acceptDownloads: true });
await page.goto(
  `${base}${hash.startsWith('#') ? hash : `#${hash}`}${hash.includes('autostart') ? '' : '&autostart=1'}`,
);
// Prints each epoch's row of the loss chart's figures table as it appears.
let printed = 0;
for (;;) {
  const rows = await page
    .getByTestId('chart-loss')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim()).join('  ')),
    );
  for (; printed < rows.length; printed++) console.log(new Date().toISOString(), rows[printed]);
  const status = (await page.getByTestId('status').textContent()) ?? '';
  if (/done/i.test(status)) break;
  if (await page.getByTestId('error').isVisible()) {
    throw new Error(await page.getByTestId('error').innerText());
  }
  await page.waitForTimeout(5000); // a polling script, not a test
}
const downloadPromise = page.waitForEvent('download');
await page.getByRole('button', { name: 'Download run' }).click();
const download = await downloadPromise;
await download.saveAs(out);
await browser.close();
/** @type {import('../src/lib/core/runFile').RunFile} */
const run = JSON.parse(await readFile(out, 'utf8'));
for (const e of run.epochs) {
  console.log(
    `${String(e.epoch).padStart(3)}  train ${e.trainLoss.toFixed(4)} ${e.trainAccuracy.toFixed(3)}  val ${e.validationLoss.toFixed(4)} ${e.validationAccuracy.toFixed(4)}  ${e.imagesPerSecond.toFixed(1)} img/s`,
  );
}
const losses = run.epochs.map((e) => e.validationLoss);
const accs = run.epochs.map((e) => e.validationAccuracy);
const min = Math.min(...losses);
console.log(
  `min val loss ${min.toFixed(4)} at epoch ${losses.indexOf(min) + 1}; final ${losses[losses.length - 1].toFixed(4)} (+${((losses[losses.length - 1] / min - 1) * 100).toFixed(0)}%); best acc ${Math.max(...accs).toFixed(4)}, final ${accs[accs.length - 1].toFixed(4)}`,
);
await writeFile(out, JSON.stringify(run, null, 1));
