// What the calibration worker does with each command (calibrate.worker.ts is the postMessage
// glue): pure and tfjs-free, so Node tests reach it. It holds the logits of the latest `fit`,
// which `evaluate` commands name by id; a newer `fit` replaces them, and an `evaluate` for an
// older one is answered with an error the page ignores (it has moved on too).

import { epochFixes, posthocReport } from '../../core/metrics';
import { calibrationSplit, evaluateAtTemperature, fitAndEvaluate } from '../../core/metrics';
import type { Labels } from '../../core/types';
import type { FromCalibrateWorker, ToCalibrateWorker } from './calibrateProtocol';

export type CalibratePost = (message: FromCalibrateWorker) => void;

interface HeldFit {
  id: number;
  logits: Float32Array;
  labels: Labels;
  evaluation: number[];
}

/**
 * A handler with its own held fit. Replies go out through `post` as each is ready: a `fit`
 * posts `fitted` (T and the evaluation at T, what the panel shows first) before it spends as
 * long again on `posthoc`.
 */
export function createCalibrateHandler(post: CalibratePost): (command: ToCalibrateWorker) => void {
  let held: HeldFit | null = null;

  const fail = (replyTo: number, error: unknown) =>
    post({
      type: 'error',
      replyTo,
      message: error instanceof Error ? error.message : String(error),
    });

  return (command) => {
    try {
      switch (command.type) {
        case 'fit': {
          const { id, logits, labels, seed } = command;
          held = null;
          const { fit, atFitted } = fitAndEvaluate(logits, labels, seed);
          held = { id, logits, labels, evaluation: calibrationSplit(labels, seed).evaluation };
          post({ type: 'fitted', replyTo: id, fit, atFitted });
          post({
            type: 'posthoc',
            replyTo: id,
            report: posthocReport(logits, labels, seed, fit.T),
          });
          return;
        }
        case 'evaluate': {
          const { id, fitId, T } = command;
          if (held === null || held.id !== fitId) {
            post({
              type: 'error',
              replyTo: id,
              message: `No logits held for fit ${fitId} (a newer fit replaced them)`,
            });
            return;
          }
          const evaluation = evaluateAtTemperature(held.logits, held.labels, held.evaluation, T);
          post({ type: 'evaluated', replyTo: id, T, evaluation });
          return;
        }
        case 'report': {
          const { id, logits, labels, seed } = command;
          post({ type: 'posthoc', replyTo: id, report: posthocReport(logits, labels, seed) });
          return;
        }
        case 'fixes': {
          const { id, epochLogits, labels, seed } = command;
          const fixes = epochFixes(epochLogits, labels, seed, (done, total) =>
            post({ type: 'fixes-progress', replyTo: id, done, total }),
          );
          post({ type: 'fixes', replyTo: id, fixes });
          return;
        }
        default:
          return command satisfies never;
      }
    } catch (error) {
      fail(command.id, error);
    }
  };
}
