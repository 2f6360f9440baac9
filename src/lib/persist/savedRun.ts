// A run saved in this browser as the store holds it, and the state its record describes.

import type { RunState } from '../core/runState';
import type { RunIdentity } from '../worker/train/protocol';
import type { EpochRecord, RunRecord } from './runStore';

export interface SavedRun {
  record: RunRecord;
  epochs: readonly EpochRecord[];
}

/**
 * The run's state as the worker saved it: its record names the epoch whose weights the model
 * held (`modelEpoch`), and that epoch's row holds the logits. Null before the first epoch.
 */
export function savedRunState({ record, epochs }: SavedRun): RunState | null {
  const held = epochs[record.modelEpoch - 1];
  if (!held) return null;
  return {
    runId: record.id,
    backend: record.backend,
    epochsCompleted: epochs.length,
    model: { epoch: record.modelEpoch, validationLogits: held.logits },
    earlyStop: record.earlyStop,
    finished: record.finished,
    events: record.events ?? [],
  };
}

/** The identity a saved record was stored under. */
export function identityOf(record: RunRecord): RunIdentity {
  const { id, createdAt, link, backendPreference } = record;
  return { id, createdAt, link, backendPreference };
}
