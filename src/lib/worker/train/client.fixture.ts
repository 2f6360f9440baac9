// Messages the client tests play from the worker, in the protocol's shapes.
import type { RunState } from '../../core/runState';
import type { EpochMetrics } from '../../core/types';
import type { FromWorker, ToWorker } from './protocol';
import { testConfig } from '../../core/train/trainConfig.fixture';

export const CONFIG = testConfig();

export const BACKEND = {
  name: 'webgl',
  adapter: 'test',
  fallbackReason: null,
  tfjsVersion: '4',
} as const;

export function metrics(epoch: number): EpochMetrics {
  return { epoch, validationLoss: 0.5, validationAccuracy: 0.9 } as EpochMetrics;
}

/** Epoch `n` of run `runId`; the model holds `heldEpoch` (default n) with logits [held, 0, 0, held]. */
export function epochMessage(
  runId: string,
  n: number,
  { heldEpoch = n, finished = false } = {},
): FromWorker {
  const validationLogits = new Float32Array([n, 0, 0, n]);
  const state: RunState = {
    runId,
    backend: BACKEND,
    epochsCompleted: n,
    model: {
      epoch: heldEpoch,
      validationLogits:
        heldEpoch === n ? validationLogits : new Float32Array([heldEpoch, 0, 0, heldEpoch]),
    },
    earlyStop:
      heldEpoch === n ? null : { metric: 'loss', bestEpoch: heldEpoch, stoppedAfterEpoch: n },
    finished,
    events: [],
  };
  return {
    type: 'epoch',
    runId,
    metrics: metrics(n),
    validationLogits,
    state,
    ...(n === 1 ? { validationLabels: new Uint8Array([0, 1]) } : {}),
  };
}

/** The run command the client posted last (train or step). */
export function lastRunCommand(posted: ToWorker[]): Extract<ToWorker, { type: 'train' | 'step' }> {
  const command = [...posted].reverse().find((m) => m.type === 'train' || m.type === 'step');
  if (!command || (command.type !== 'train' && command.type !== 'step')) throw new Error('no run');
  return command;
}

/** The id of the last command of `type` the client posted. */
export function lastId(posted: ToWorker[], type: ToWorker['type']): number {
  const command = [...posted].reverse().find((message) => message.type === type);
  if (!command) throw new Error(`no ${type} posted`);
  return command.id;
}
