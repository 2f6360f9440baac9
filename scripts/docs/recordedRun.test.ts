// The recorded default run's figures, wherever the README and docs/ quote them, against the
// recording itself (static/replay/default-run.json) read by the code the page uses: the "What
// to expect" table is scripts/expectations.mjs's output verbatim, the scores caption is the
// page's own caption, the post-hoc figures are posthocReport on the final epoch's logits.
import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { replayable, type ReplayableRun } from '../../src/lib/app/replay';
import { parseRunFile } from '../../src/lib/core/files';
import { posthocReport } from '../../src/lib/core/metrics';
import { lossSplitReading, runCaption, scoringCaption } from '../../src/lib/state/story';
import { expectations } from '../expectations.mjs';
import { oneLine, readDoc, section } from './markdown';

const RECORDING = 'static/replay/default-run.json';
const recordingText = readFileSync(RECORDING, 'utf8');

/** The recording as Replay reads it (the same parser and the same completeness check). */
function recordedRun(): ReplayableRun {
  const parsed = parseRunFile(recordingText);
  if (!parsed.ok) throw new Error(`${RECORDING}: ${parsed.error}`);
  const checked = replayable(parsed.run);
  if (!checked.ok) throw new Error(`${RECORDING}: ${checked.reason}`);
  return checked.run;
}

const run = recordedRun();
const reliability = readDoc('docs/reliability.md');
const epochs = run.epochs;
const last = epochs[epochs.length - 1];
const lowest = epochs.reduce((best, e) => (e.validationLoss < best.validationLoss ? e : best));
const mostAccurate = epochs.reduce((best, e) =>
  e.validationAccuracy > best.validationAccuracy ? e : best,
);
const rise = Math.round(100 * (last.validationLoss / lowest.validationLoss - 1));
const percent = (fraction: number) => `${(100 * fraction).toFixed(1)} %`;

describe('the recorded run as the docs quote it', () => {
  it('"What to expect with the defaults" is what scripts/expectations.mjs prints', async () => {
    const printed = await format(expectations(JSON.parse(recordingText)), {
      parser: 'markdown',
      proseWrap: 'always',
      printWidth: 100,
    });
    const written = section(reliability, 'What to expect with the defaults').trim();
    expect(written.startsWith(printed.trim())).toBe(true);
  });

  it('the README quotes its minimum, its rise and its accuracy', () => {
    const accuracyGap = (100 * (mostAccurate.validationAccuracy - last.validationAccuracy)).toFixed(1);
    expect(oneLine(readDoc('README.md'))).toContain(
      `the validation loss bottoms out at ${lowest.validationLoss.toFixed(3)} (epoch ` +
        `${lowest.epoch}) and ends ${rise} % higher while accuracy stays within ${accuracyGap} ` +
        'points of its best',
    );
  });

  it('the phenomenon check quotes the same numbers', () => {
    expect(oneLine(section(reliability, 'The phenomenon check'))).toContain(
      `lowest validation loss ${lowest.validationLoss.toFixed(3)} at epoch ${lowest.epoch}, ` +
        `last ${last.validationLoss.toFixed(3)} (+${rise} %), accuracy ` +
        `${percent(last.validationAccuracy)} against a best of ` +
        `${percent(mostAccurate.validationAccuracy)}`,
    );
  });

  it("the panels page quotes the loss chart's caption at the last epoch", () => {
    const caption = runCaption(epochs);
    expect(caption).not.toBeNull();
    expect(oneLine(readDoc('docs/panels.md'))).toContain(`_"${caption}"_`);
  });

  it('the panels page quotes who pays the loss at the last epoch', () => {
    const reading = lossSplitReading(last, run.validation.labels.length);
    const clause = reading.replace(/^Epoch \d+: /, '').replace(/\.$/, '');
    expect(oneLine(readDoc('docs/panels.md'))).toContain(`_"${clause}"_`);
  });

  it('the three scores quote the page caption for this run (its first sentence)', () => {
    const caption = scoringCaption(epochs);
    expect(caption).not.toBeNull();
    const firstSentence = caption!.split(/(?<=\.) /)[0].replace(/\.$/, '');
    expect(oneLine(section(reliability, 'Three scores: Brier, NLL, error rate'))).toContain(
      `_"${firstSentence}"_`,
    );
  });

  it('the post-hoc fixes quote posthocReport on the final epoch', () => {
    const logits = run.epochLogits[run.epochLogits.length - 1];
    const labels = Uint8Array.from(run.validation.labels);
    const report = posthocReport(logits, labels, run.config.seed);
    const nll = (value: number) => value.toFixed(3);
    const ece = (value: number) => percent(value);
    const { none, temperature, platt, isotonic } = report;
    const text = oneLine(section(reliability, 'Fixing it afterwards: temperature, Platt, isotonic'));
    expect(report.calibrationCount).toBe(report.evaluationCount);
    expect(text).toContain(
      `On the recorded run's final epoch, split by its seed (${run.config.seed}), ` +
        `${report.evaluationCount} images per half: ` +
        `NLL ${nll(none.nll)} → ${nll(temperature.nll)} ` +
        `(T = ${temperature.T.toFixed(2)}), ${nll(platt.nll)} (Platt), ${nll(isotonic.nll)} ` +
        `(isotonic); ECE ${ece(none.ece)} → ${ece(temperature.ece)}, ${ece(platt.ece)}, ` +
        `${ece(isotonic.ece)}.`,
    );
  });
});
