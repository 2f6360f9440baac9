// An imported logits file becomes a stored run: parse it (core/files/logitsImport), compute every
// epoch's figures from its logits with the same code a live run uses (core/metrics/epochMetrics.ts),
// and shape the record and epoch rows the Runs list, Open, Compare and Download already read.
// Pure and tfjs-free (Node-testable); the import worker adds storage and postMessage.

import { metricsFromLogits } from '../../core/metrics';
import { parseLogitsFile, type ImportedLogits } from '../../core/files';
import { curvePoint } from '../../core/runState';
import type { ImportedSource } from '../../core/runSource';
import type { EpochMetrics, Labels, TrainConfig } from '../../core/types';
import { newRunId, type EpochRecord, type RunRecord } from '../../persist/runStore';
import { defaultSettings } from '../../settings';
import { toTrainConfig } from '../../settings';

/** Stages of an import, for the progress bar: reading the file, then each epoch's figures. */
export type ImportStage = 'reading' | 'measuring' | 'saving';
export type ImportProgress = (stage: ImportStage, fraction: number) => void;

export interface ImportedRun {
  record: RunRecord;
  epochs: EpochRecord[];
}

export type ImportJobResult = { ok: true; run: ImportedRun } | { ok: false; error: string };

/**
 * Labels in the narrowest array the panels read: up to 256 classes fit a Uint8Array, as the
 * playground's own labels do; more keep 16 bits.
 */
export function compactLabels(labels: Uint16Array, classes: number): Labels {
  return classes <= 256 ? Uint8Array.from(labels) : labels;
}

/**
 * A config that states only what an imported run has: its epoch and example counts. The other
 * fields hold the defaults because the type needs them; `source` marks the record, and the
 * panels that show settings say "imported" instead of reading them.
 */
export function importedConfig(epochs: number, examples: number): TrainConfig {
  return { ...toTrainConfig(defaultSettings()), epochs, validationSize: examples };
}

/** Epoch e's figures: the file's training curve where it has one, NaN (not drawn) where not. */
function epochFigures(run: ImportedLogits, index: number, labels: Labels): EpochMetrics {
  return metricsFromLogits(
    {
      epoch: index + 1,
      trainLoss: run.trainLoss?.[index] ?? Number.NaN,
      trainAccuracy: run.trainAccuracy?.[index] ?? Number.NaN,
      imagesPerSecond: Number.NaN,
    },
    run.epochLogits[index],
    labels,
  );
}

/** Yields between epochs, so progress messages leave the worker while a large file is measured. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function importLogitsRun(
  fileName: string,
  bytes: Uint8Array,
  onProgress: ImportProgress = () => {},
  now: Date = new Date(),
  /** The file's SHA-256 (importDedupe.ts), kept so a second import of it finds this run. */
  contentHash: string | null = null,
): Promise<ImportJobResult> {
  const parsed = await parseLogitsFile(fileName, bytes, (fraction) =>
    onProgress('reading', fraction),
  );
  if (!parsed.ok) return parsed;
  const run = parsed.run;
  const classes = run.classNames.length;
  const labels = compactLabels(run.labels, classes);
  const id = newRunId(now.getTime());
  const epochs: EpochRecord[] = [];
  for (let index = 0; index < run.epochLogits.length; index++) {
    const metrics = epochFigures(run, index, labels);
    epochs.push({ runId: id, epoch: index + 1, metrics, logits: run.epochLogits[index] });
    onProgress('measuring', (index + 1) / run.epochLogits.length);
    await nextTask();
  }
  const source: ImportedSource = {
    kind: 'imported',
    name: run.name,
    format: run.format,
    classNames: run.classNames,
    hasTrainCurve: run.trainLoss !== null || run.trainAccuracy !== null,
    // How the file was read (float16, one sigmoid column, probabilities, one-hot labels): kept
    // with the run, so the banner says it after a reload too.
    notes: run.notes,
    ...(contentHash === null ? {} : { contentHash }),
  };
  const record: RunRecord = {
    id,
    createdAt: now.toISOString(),
    config: importedConfig(run.epochLogits.length, labels.length),
    backendPreference: 'auto',
    // No link reproduces a run trained elsewhere.
    link: '',
    backend: {
      name: 'cpu',
      adapter: `imported from ${fileName}`,
      fallbackReason: null,
      tfjsVersion: '',
    },
    validationLabels: labels,
    finished: true,
    earlyStop: null,
    // The file holds every epoch's logits; the model "held" is the last epoch's.
    modelEpoch: epochs.length,
    curve: epochs.map((row) => curvePoint(row.metrics)),
    events: [],
    source,
  };
  return { ok: true, run: { record, epochs } };
}
