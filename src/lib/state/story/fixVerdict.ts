// The verdict "stop early, or keep training and rescale?" in one plain sentence, read from the
// chooser in core/metrics (fixes/verdict.ts): every figure is the evaluation half's, the
// stopping epoch was chosen on the calibration half, so both sides are judged on the same images.

import type { EpochFix, FixVerdict, VerdictOption } from '../../core/metrics';
import { formatPercent } from '../../format';
import { formatFigure } from './numberText';

/** "stopping at epoch 7", "epoch 30 with T = 3.44", "epoch 30 with Platt scaling", … */
function optionText(option: VerdictOption, verdict: FixVerdict): string {
  const stopsEarly = option.epoch === verdict.stopEpoch && verdict.stopEpoch < verdict.lastEpoch;
  const where = stopsEarly ? `stopping at epoch ${option.epoch}` : `epoch ${option.epoch}`;
  switch (option.fix) {
    case 'none':
      return stopsEarly ? where : `${where} as trained`;
    case 'temperature':
      return `${where} with T = ${formatFigure(option.T)}`;
    case 'platt':
      return `${where} with Platt scaling`;
    case 'isotonic':
      return `${where} with isotonic regression`;
    default:
      return option.fix satisfies never;
  }
}

/**
 * E.g. "Best: epoch 30 with T = 3.44 (NLL 0.716) — stopping at epoch 7 gives 0.731; accuracy
 * 79.2% vs 77.0%, on the same 1000 evaluation images." When the calibration half's loss is lowest
 * at the last epoch, it says that stopping early gains nothing there. Two options whose NLLs
 * read the same to the figures shown are "a tie", best first.
 */
export function fixVerdictSentence(verdict: FixVerdict): string {
  const { best, rival } = verdict;
  const head = `Best: ${optionText(best, verdict)} (NLL ${formatFigure(best.nll)})`;
  const images = `on the same ${verdict.evaluationCount} evaluation images`;
  if (rival === null) return `${head}, ${images}; nothing else could be scored.`;
  const noEarlier =
    verdict.stopEpoch === verdict.lastEpoch
      ? ', and stopping early gains nothing (the calibration half’s loss is lowest at the last epoch)'
      : '';
  const accuracy = `accuracy ${formatPercent(best.accuracy)} vs ${formatPercent(rival.accuracy)}`;
  // A winner by less than the figures shown is no winner a reader could see: call it a tie.
  if (formatFigure(best.nll) === formatFigure(rival.nll)) {
    return (
      `A tie: ${optionText(best, verdict)} and ${optionText(rival, verdict)} both give NLL ` +
      `${formatFigure(best.nll)}${noEarlier}; ${accuracy}, ${images}.`
    );
  }
  return `${head} — ${optionText(rival, verdict)} gives ${formatFigure(rival.nll)}${noEarlier}; ${accuracy}, ${images}.`;
}

/**
 * One epoch's temperature fit in words, for the epoch the slider shows, e.g. "Epoch 7: T = 1.10
 * takes the evaluation half's NLL from 0.731 to 0.725 and its ECE from 5.2% to 3.1%."
 */
export function epochFixSentence(fix: EpochFix): string {
  const { none, temperature } = fix.report;
  const where = fix.bound === null ? '' : ' (where the search stopped, not a best T)';
  return (
    `Epoch ${fix.epoch}: T = ${formatFigure(temperature.T)}${where} takes the evaluation half’s NLL ` +
    `from ${formatFigure(none.nll)} to ${formatFigure(temperature.nll)} and its ECE from ` +
    `${formatPercent(none.ece)} to ${formatPercent(temperature.ece)}.`
  );
}
