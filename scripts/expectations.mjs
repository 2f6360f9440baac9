// Prints docs/reliability.md's "What to expect with the defaults" from a run file, so its figures come from
// a run and are never typed by hand:
//   node scripts/expectations.mjs [run.json]     (default: static/replay/default-run.json)
// Paste the output under the heading (Prettier-formatted as the docs are). The file is what the app's Download run writes (run@2:
// every epoch's validation logits are needed for the logit gaps).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';

/** @typedef {import('../src/lib/core/files/runFile').RunFile} RunFile */
/** @typedef {RunFile['epochs'][number]} Epoch */

/**
 * Each validation image's |z₁ − z₀| at one epoch, from the file's float32 LE base64 logits.
 * @param {string} base64
 */
export function logitGaps(base64) {
  const bytes = Buffer.from(base64, 'base64');
  const logits = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const gaps = [];
  for (let i = 0; i + 1 < logits.length; i += 2) gaps.push(Math.abs(logits[i + 1] - logits[i]));
  return gaps;
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const percent = (/** @type {number} */ fraction, digits = 1) =>
  `${(100 * fraction).toFixed(digits)} %`;

/**
 * The first epoch holding the extreme of `pick` (ties: the earliest, as the charts mark).
 * @param {Epoch[]} epochs
 * @param {(epoch: Epoch) => number} pick
 * @param {(a: number, b: number) => boolean} better
 */
function extremeEpoch(epochs, pick, better) {
  return epochs.reduce((best, epoch) => (better(pick(epoch), pick(best)) ? epoch : best));
}

/**
 * The Markdown table and sentences for a default run.
 * @param {RunFile} run
 * @returns {string}
 */
export function expectations(run) {
  const { epochs, config, environment } = run;
  const lowest = extremeEpoch(
    epochs,
    (e) => e.validationLoss,
    (a, b) => a < b,
  );
  const mostAccurate = extremeEpoch(
    epochs,
    (e) => e.validationAccuracy,
    (a, b) => a > b,
  );
  const last = epochs[epochs.length - 1];
  const rise = last.validationLoss / lowest.validationLoss - 1;
  const accuracyDrop = 100 * (mostAccurate.validationAccuracy - last.validationAccuracy);
  const row = (
    /** @type {string} */ label,
    /** @type {Epoch} */ epoch,
    loss = epoch.validationLoss.toFixed(3),
  ) =>
    `| ${label} | ${epoch.epoch} | ${loss} | ${percent(epoch.validationAccuracy)} | ` +
    `${percent(epoch.trainAccuracy, epoch.trainAccuracy > 0.999 ? 2 : 1)} |`;
  const rates = epochs.map((e) => e.imagesPerSecond);
  const trainingMinutes = rates.reduce((sum, rate) => sum + config.trainSize / rate, 0) / 60;
  const logits = run.epochLogits?.epochs ?? [];
  const firstGaps = logits.length > 0 ? logitGaps(logits[0]) : [];
  const lastGaps = logits.length > 0 ? logitGaps(logits[logits.length - 1]) : [];
  const validationSize = run.validation?.labels?.length ?? config.validationSize;
  const lines = [
    `The recorded default run that **Replay** plays (${config.classes.join(' vs ')}, ` +
      `${config.model} CNN, ${config.optimizer === 'adam' ? 'Adam' : config.optimizer} ` +
      `${config.learningRate}, batch ${config.batchSize}, ${config.trainSize} training images, ` +
      `${config.epochs} epochs, seed ${config.seed}), trained by the app on ` +
      `${environment.backend.toUpperCase()} (${environment.adapter}), ` +
      `${Math.round(Math.min(...rates))}–${Math.round(Math.max(...rates))} images/s ` +
      `(median ${Math.round(median(rates))}); ${trainingMinutes.toFixed(1)} minutes of training ` +
      `by those rates, validation not included; ${run.createdAt.slice(0, 10)}:`,
    '',
    '|                             | epoch | validation loss | validation accuracy | training accuracy |',
    '| --------------------------- | ----- | --------------- | ------------------- | ----------------- |',
    row('lowest validation loss     ', lowest),
    row('highest validation accuracy', mostAccurate),
    row(
      'last                       ',
      last,
      `${last.validationLoss.toFixed(3)} (**${rise >= 0 ? '+' : ''}${(100 * rise).toFixed(0)} %**)`,
    ),
    '',
    `Accuracy ends within ${accuracyDrop.toFixed(1)} points of its peak, yet the loss is ` +
      `${(100 * rise).toFixed(0)} % above its minimum. At epoch ${last.epoch} the ` +
      `${last.wrongCount} wrong examples (${percent(last.wrongCount / validationSize)}) carry ` +
      `${percent(last.validationLossWrong / last.validationLoss, 0)} of the validation loss` +
      (lastGaps.length > 0
        ? `; the median logit gap grew from ${median(firstGaps).toFixed(2)} at epoch 1 to ` +
          `${median(lastGaps).toFixed(1)} (largest ${Math.max(...lastGaps).toFixed(1)})`
        : '') +
      (run.temperature
        ? `; temperature scaling fits T = ${run.temperature.T.toFixed(2)} (evaluation NLL ` +
          `${run.temperature.nllBefore.toFixed(3)} → ${run.temperature.nllAfter.toFixed(3)})`
        : '') +
      '.',
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'static/replay/default-run.json';
  const markdown = expectations(JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(
    await format(markdown, { parser: 'markdown', proseWrap: 'always', printWidth: 100 }),
  );
}
