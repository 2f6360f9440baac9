// Reads one epoch of a run file: the headline figures, the logit-gap histogram and the
// calibration and scoring fields, which older files lack (absent, never guessed) and newer ones
// must give whole. Part of the untrusted-file reader (runFileParse.ts): every number is checked.

import type {
  BrierDecomposed,
  BrierScore,
  EceBand,
  EceInterval,
  EceIntervalMethod,
  EpochMetrics,
  LogitGapHistogram,
  ReliabilityDiagram,
} from '../types';
import { classFigures } from './runFileClasses';
import { COUNT, fail, Fields, NON_NEGATIVE, POSITIVE_COUNT, PROBABILITY } from './untrustedJson';

/** Fields a run file from before calibration metrics (issue 3) lacks; absent, not guessed. */
type CalibrationKey =
  'validationLossCorrect' | 'validationLossWrong' | 'wrongCount' | 'ece' | 'mce' | 'reliability';
export type ParsedEpochMetrics = Omit<EpochMetrics, CalibrationKey> &
  Partial<Pick<EpochMetrics, CalibrationKey>>;

const CALIBRATION_KEYS: readonly CalibrationKey[] = [
  'validationLossCorrect',
  'validationLossWrong',
  'wrongCount',
  'ece',
  'mce',
  'reliability',
];

function histogram(fields: Fields, examples: number): LogitGapHistogram {
  const edges = fields.edges('edges');
  const correct = fields.numbers('correct', COUNT, edges.length - 1);
  const wrong = fields.numbers('wrong', COUNT, edges.length - 1);
  const total = [...correct, ...wrong].reduce((sum, count) => sum + count, 0);
  if (total !== examples) fail(`${fields.path} counts`, `${examples} in total`, total);
  return { edges, correct, wrong };
}

function reliability(fields: Fields): ReliabilityDiagram {
  const edges = fields.edges('edges');
  const bins = edges.length - 1;
  return {
    edges,
    count: fields.numbers('count', COUNT, bins),
    accuracy: fields.numbers('accuracy', PROBABILITY, bins),
    confidence: fields.numbers('confidence', PROBABILITY, bins),
  };
}

/** The calibration fields if the epoch has any of them; then it must have all. */
function calibration(fields: Fields, examples: number): Partial<EpochMetrics> {
  if (!CALIBRATION_KEYS.some((key) => fields.has(key))) return {};
  return {
    validationLossCorrect: fields.number('validationLossCorrect', NON_NEGATIVE),
    validationLossWrong: fields.number('validationLossWrong', NON_NEGATIVE),
    wrongCount: fields.number('wrongCount', { ...COUNT, max: examples }),
    ece: fields.number('ece', PROBABILITY),
    mce: fields.number('mce', PROBABILITY),
    reliability: reliability(fields.object('reliability')),
  };
}

/** Murphy's parts must add up to the score they decompose (to rounding): otherwise the file lies. */
const BRIER_SUM_TOLERANCE = 1e-6;

/** A K-class score (K > 2): the score alone, its parts null (core/metrics/brier.ts says why). */
function brierScoreOnly(fields: Fields, classCount: number): BrierScore {
  for (const part of ['reliability', 'resolution', 'uncertainty', 'withinBin']) {
    if (fields.raw(part) !== null)
      fail(fields.at(part), 'null for more than two classes', fields.raw(part));
  }
  return {
    score: fields.number('score', { min: 0, max: 2 }),
    reliability: null,
    resolution: null,
    uncertainty: null,
    withinBin: null,
    bins: fields.number('bins', POSITIVE_COUNT),
    classCount,
  };
}

function brier(fields: Fields, classCount: number): BrierScore {
  if (classCount > 2) return brierScoreOnly(fields, classCount);
  const result: BrierDecomposed = {
    score: fields.number('score', { min: 0, max: 2 }),
    reliability: fields.number('reliability', { min: 0, max: 2 }),
    resolution: fields.number('resolution', { min: 0, max: 2 }),
    uncertainty: fields.number('uncertainty', { min: 0, max: 0.5 }),
    withinBin: fields.number('withinBin', { min: -2, max: 2 }),
    bins: fields.number('bins', POSITIVE_COUNT),
  };
  const sum = result.reliability - result.resolution + result.uncertainty + result.withinBin;
  if (Math.abs(sum - result.score) > BRIER_SUM_TOLERANCE) {
    fail(fields.path, `parts that sum to score ${result.score}`, sum);
  }
  // The within-bin term's two parts (Stephenson et al. 2008): absent in older files, and when
  // present they must make up the term, as the parts make up the score.
  if (fields.has('withinBinVariance') || fields.has('withinBinCovariance')) {
    const variance = fields.number('withinBinVariance', { min: 0, max: 2 });
    const covariance = fields.number('withinBinCovariance', { min: -4, max: 4 });
    if (Math.abs(variance - covariance - result.withinBin) > BRIER_SUM_TOLERANCE) {
      fail(
        fields.path,
        `within-bin parts that make up withinBin ${result.withinBin}`,
        variance - covariance,
      );
    }
    result.withinBinVariance = variance;
    result.withinBinCovariance = covariance;
  }
  return result;
}

/** A band; a basic-bootstrap one also gives its bias-corrected estimate. */
function interval(fields: Fields, method: EceIntervalMethod): EceBand {
  const low = fields.number('low', PROBABILITY);
  const band: EceBand = { low, high: fields.number('high', { ...PROBABILITY, min: low }) };
  if (method === 'basic-bootstrap') band.estimate = fields.number('estimate', PROBABILITY);
  return band;
}

const ECE_INTERVAL_METHODS: readonly EceIntervalMethod[] = ['basic-bootstrap', 'percentile'];

function eceInterval(fields: Fields): EceInterval {
  // Files from before `method` hold percentile bands: read and labelled as such, never recomputed.
  const method = fields.has('method') ? fields.oneOf('method', ECE_INTERVAL_METHODS) : 'percentile';
  return {
    method,
    level: fields.number('level', { min: Number.MIN_VALUE, max: 1 }),
    resamples: fields.number('resamples', POSITIVE_COUNT),
    seed: fields.number('seed', COUNT),
    equalWidth: interval(fields.object('equalWidth'), method),
    equalMass: interval(fields.object('equalMass'), method),
  };
}

/** The scoring fields (Brier, equal-mass ECE, bootstrap intervals): absent in older files, checked when present. */
function scoring(fields: Fields, classCount: number): Partial<EpochMetrics> {
  const result: Partial<EpochMetrics> = {};
  if (fields.has('brier')) result.brier = brier(fields.object('brier'), classCount);
  if (['eceAdaptive', 'mceAdaptive', 'reliabilityAdaptive'].some((key) => fields.has(key))) {
    result.eceAdaptive = fields.number('eceAdaptive', PROBABILITY);
    result.mceAdaptive = fields.number('mceAdaptive', PROBABILITY);
    result.reliabilityAdaptive = reliability(fields.object('reliabilityAdaptive'));
  }
  if (fields.has('eceInterval')) result.eceInterval = eceInterval(fields.object('eceInterval'));
  return result;
}

/** Epoch `index + 1` of a run of `examples` validation examples and `classCount` classes. */
export function epochMetrics(
  value: unknown,
  index: number,
  examples: number,
  classCount = 2,
): ParsedEpochMetrics {
  const fields = new Fields(value, `epochs[${index}]`);
  const epoch = fields.number('epoch', POSITIVE_COUNT);
  // Charts put epoch i at x = i: a gap or a repeat would misplace every later point.
  if (epoch !== index + 1) fail(fields.at('epoch'), `${index + 1}`, epoch);
  const validationLoss = fields.number('validationLoss', NON_NEGATIVE);
  return {
    epoch,
    trainLoss: fields.number('trainLoss', NON_NEGATIVE),
    trainAccuracy: fields.number('trainAccuracy', PROBABILITY),
    validationLoss,
    validationAccuracy: fields.number('validationAccuracy', PROBABILITY),
    imagesPerSecond: fields.number('imagesPerSecond', NON_NEGATIVE),
    logitGapHistogram: histogram(fields.object('logitGapHistogram'), examples),
    ...calibration(fields, examples),
    ...scoring(fields, classCount),
    // K, as the metrics say it: only when more than two (core/metricTypes.ts).
    ...(classCount > 2 ? { classCount } : {}),
    // Per-class figures: absent in files from before them (a replay measures them from the logits).
    ...(fields.has('classFigures')
      ? {
          classFigures: classFigures(fields.object('classFigures'), examples, validationLoss),
        }
      : {}),
  };
}
