// The messages between the page and the import worker (import.worker.ts), which reads a
// practitioner's logits file, measures every epoch and stores the run, off the main thread.
// A discriminated union on `type`, like the training worker's protocol: the command carries a
// request id and every reply names it.

import type { EpochRecord, RunRecord } from '../../persist/runStore';
import type { JobReplies } from '../jobReplies';
import type { ImportStage } from './logitsImportJob';

/** Page → import worker. The File itself travels (it is cloneable): the worker reads its bytes. */
export type ToImportWorker = { type: 'import'; id: number; file: File };

/** Import worker → page. */
export type FromImportWorker = JobReplies<
  { stage: ImportStage; fraction: number },
  {
    type: 'imported';
    record: RunRecord;
    /** Every epoch with its logits (their buffers are transferred, not copied). */
    epochs: EpochRecord[];
    /** False when this browser could not store it: it is shown, but a reload forgets it. */
    stored: boolean;
    /** Why it could not be stored, in the browser's words; null when it was. */
    storageProblem: string | null;
    /** True when this file was imported before: the reply is that stored run, not a copy. */
    existing: boolean;
  }
>;
