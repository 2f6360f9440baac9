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
  /**
   * How the file was read where it was not plain logits and class indices (float16 values, one
   * sigmoid column, probabilities, one-hot labels), shown with the run. Absent in older records.
   */
  notes?: ImportNote[];
  /**
   * SHA-256 of the file's bytes (hex): importing the same file again opens this run instead of
   * adding a copy. Absent in records imported before it was kept.
   */
  contentHash?: string;
}

/** One way an imported file was read that its owner should know of; `text` is shown as is. */
export interface ImportNote {
  kind: 'float16' | 'single-output' | 'probabilities' | 'one-hot-labels' | 'label-column';
  text: string;
}

export type RunSource = ImportedSource;
