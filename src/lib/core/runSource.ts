// Where a run's epochs came from. A run trained here has no source field (the playground's own
// data, described by its config); a run imported from a practitioner's logits file says so, and
// carries what the file told: its name, its classes and how many examples it held. Plain data.

export interface ImportedSource {
  kind: 'imported';
  /** The file's name without extension, as the Runs list shows it. */
  name: string;
  format: 'npz' | 'json';
  /** K ≥ 2 class names, index-aligned with the logits' columns. */
  classNames: string[];
  /** Whether the file carried training loss and accuracy (otherwise those curves are empty). */
  hasTrainCurve: boolean;
}

export type RunSource = ImportedSource;
