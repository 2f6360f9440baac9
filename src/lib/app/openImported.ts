// A practitioner's own run: a logits file, read and measured in the import worker, stored, and
// then opened like a saved run, its story on the first screen. What became of the file comes
// back as the import panel's line (a success line too, so the panel says where the run went).

import type { TrainerClient } from '../worker/train/client.svelte';
import type { LogitsImporter } from './logitsImporter.svelte';
import type { SavedRuns } from './savedRuns.svelte';

export interface ImportTargets {
  importer: LogitsImporter;
  saved: SavedRuns;
  client: TrainerClient;
  /** Clears the page for the imported run (a replay or a finished run). */
  reset: () => void;
  /** Shows a view: the story, where the opened run's charts are. */
  showView: (view: 'story') => void;
}

/** Imports `file` and opens it; the panel's line, or null when the file was refused. */
export async function importAndOpen(file: File, targets: ImportTargets): Promise<string | null> {
  const { importer, saved, client } = targets;
  const result = await importer.import(file);
  if (!result) return null;
  const { run, stored, storageProblem, existing } = result;
  if (stored) saved.noteSaved(run.record);
  const name = run.record.source?.name ?? file.name;
  if (client.hasRun && !client.opened) {
    return `“${name}” is saved in Runs. Open it there once this run is reset.`;
  }
  targets.reset();
  client.open(run);
  targets.showView('story');
  if (!stored)
    return `Shown in the Story view but not saved (${storageProblem}): a reload forgets it.`;
  return existing
    ? `“${name}” was imported before: its saved run is open in the Story view.`
    : `Imported “${name}”: its story is open in the Story view, and it is saved in Runs.`;
}
