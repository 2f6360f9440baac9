// Plain-language help for each chart card: a one-line caption (what to look for) and a few
// sentences for the help popover. Titles match the charts' own headings, so the buttons' names
// ("Help on …", "Download … as PNG") and the PNG's title say the same thing.

import { BRIER_BINS } from '../../core/metrics';
import {
  MIN_EPOCHS_SINCE_LOWEST,
  NOISE_MULTIPLE,
  RELIABILITY_FLOOR,
  SMALL_WITHIN_BIN_SHARE,
} from '../../state/story';

export type ChartKey =
  'loss' | 'histogram' | 'split' | 'reliability' | 'calibration' | 'scoring' | 'scoringRules';

export interface ChartHelp {
  title: string;
  caption: string;
  help: string;
  /** The PNG's file name, without ".png". */
  fileName: string;
}

export const CHART_HELP: Record<ChartKey, ChartHelp> = {
  loss: {
    title: 'Validation loss vs accuracy',
    caption: 'Accuracy levels off while the loss climbs: the network grows surer, not better.',
    help:
      'Loss (orange, left axis) and accuracy (blue, right axis) after each epoch: dashed on the ' +
      'training images, solid on held-out validation images. Look for validation loss bottoming ' +
      'out (▲) and climbing again while validation accuracy hardly moves. Accuracy only asks ' +
      'whether an answer is right; loss also charges for how sure it was.',
    fileName: 'loss-vs-accuracy',
  },
  histogram: {
    title: 'How confident: the logit gap',
    caption: 'The bars drift right as the network grows surer, of wrong answers too (hatched).',
    help:
      'Each validation image gets one score (logit) per class; the bigger the gap between the ' +
      'top two, the surer the answer. The bars count images per gap size, wrong answers hatched. Move the epoch slider: ' +
      'the whole histogram shifts right as training goes on, the wrong answers with it.',
    fileName: 'logit-gap-histogram',
  },
  split: {
    title: 'Who pays the loss',
    caption: 'A few wrong answers pay most of the validation loss.',
    help:
      'Each bar is one epoch’s validation loss, split into what the right answers and the wrong ' +
      'ones (hatched) add. Look at how the wrong part grows while the count of wrong answers ' +
      'stays about the same: each mistake is made with more confidence, so it costs more.',
    fileName: 'loss-split',
  },
  reliability: {
    title: 'Does confidence match accuracy?',
    caption: 'Bars below the diagonal: the network is surer than it is right.',
    help:
      'Validation images grouped by how confident the network was. In each group the bar shows ' +
      'how often it was right; an honest network’s bars would reach the dashed diagonal. The ' +
      'gap between bar and diagonal is over-confidence.',
    fileName: 'reliability-diagram',
  },
  calibration: {
    title: 'Calibration error per epoch',
    caption: 'Expected calibration error (ECE) rising means confidence can be trusted less.',
    help:
      'ECE is the average gap between how sure the network is and how often it is right, over ' +
      'the confidence groups; MCE (dashed) is the worst group’s gap. Zero means its confidence ' +
      'can be taken at its word; watch both rise as training goes on. The shaded band (basic ' +
      'bootstrap, 1,000 resamples) is a 90% interval for the population ECE, the value over all ' +
      'images like these, drawn around the bias-corrected estimate (dotted); a run saved before ' +
      'it shows a percentile band, labelled so. ECE measured on a few thousand images adds every ' +
      'group’s sampling noise as a gap, so when the model is nearly calibrated the measured line ' +
      'reads high and can sit above the band.',
    fileName: 'calibration-error',
  },
  scoring: {
    title: 'Why log loss moved: three scores',
    caption:
      'The same predictions scored three ways: the caption says which moved beyond its noise.',
    help:
      'The same validation predictions scored three ways each epoch. The error rate counts ' +
      'mistakes; the Brier score, Σₖ(pₖ − yₖ)² over the K classes, also charges for confidence but ' +
      'at most 2 per image, whatever K; ' +
      'the NLL (cross-entropy, the loss) charges without limit. When NLL rises and the other two ' +
      'do not, a few confident mistakes are growing more confident. The caption calls a change a ' +
      `rise or a fall only when the lowest NLL is ${MIN_EPOCHS_SINCE_LOWEST} or more epochs back ` +
      `and the change exceeds ${NOISE_MULTIPLE} × the robust spread (1.4826 × MAD) of that ` +
      'score’s own epoch-to-epoch changes. Brier splits into reliability (miscalibration, lower ' +
      'is better) − resolution (how well it sorts the images, higher is better) + uncertainty ' +
      `(the data’s own, fixed), for two classes over ${BRIER_BINS} equal-width bins of p₁, plus a within-bin ` +
      'term (the forecasts’ variance inside a bin minus twice their covariance with the outcomes); the ' +
      'caption gives its share of reliability and calls it small only at ' +
      `${SMALL_WITHIN_BIN_SHARE * 100} % of it or less, where reliability is at least ` +
      `${RELIABILITY_FLOOR}.`,
    fileName: 'three-scores',
  },
  scoringRules: {
    title: 'How each score punishes a confident mistake',
    caption: 'NLL has no ceiling; the Brier score stops at 2.',
    help:
      'One wrong answer at a growing logit gap. The error is 1 however sure the network was; the ' +
      'Brier score rises to 2 and stops; the NLL grows in a straight line: 24 nats at logits ' +
      '(12, −12). Move the slider and compare. That is why one confidently wrong image can move ' +
      'the mean NLL of thousands.',
    fileName: 'scoring-rules',
  },
};
