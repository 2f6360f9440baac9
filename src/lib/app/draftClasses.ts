// The classes of a dataset being added under "Your images", as plain data: their default
// names, how the list grows and shrinks (2 to 10 classes), and why it cannot be saved yet.
// Pure: tested in Node; ownImages.svelte.ts holds the list as page state.

import { tooFewImages, type SkippedFile } from '../core/data';
import { MAX_CLASSES, MIN_CLASSES } from '../core/types';

/** One class being added: its name and what its files decoded to. */
export interface DraftClass {
  name: string;
  /** 28 × 28 uint8 per decoded image; null before any files were chosen. */
  pixels: Uint8Array | null;
  count: number;
  skipped: SkippedFile[];
  /** Why the files were refused (too many) or could not be decoded. */
  problem: string | null;
  /** Set while decoding: files done of all. */
  progress: { done: number; total: number } | null;
}

/** "Class A" for class 0, … "Class J" for class 9. */
export function defaultClassName(side: number): string {
  return `Class ${String.fromCharCode(65 + side)}`;
}

export function emptyClass(name: string): DraftClass {
  return { name, pixels: null, count: 0, skipped: [], problem: null, progress: null };
}

/** The fresh list: two empty classes. */
export function initialDrafts(): DraftClass[] {
  return Array.from({ length: MIN_CLASSES }, (_, side) => emptyClass(defaultClassName(side)));
}

/**
 * `drafts` with `count` classes (clamped to 2–10): the first ones kept, new ones empty. A drop
 * of several folders sets the count to its folders, so an old class never hides among them.
 */
export function resized(drafts: readonly DraftClass[], count: number): DraftClass[] {
  const wanted = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, count));
  return Array.from(
    { length: wanted },
    (_, side) => drafts[side] ?? emptyClass(defaultClassName(side)),
  );
}

/** The first class with no images yet; past the last when all have some (a new class, if room). */
export function emptySide(drafts: readonly DraftClass[]): number {
  const empty = drafts.findIndex((draft) => draft.pixels === null);
  if (empty >= 0) return empty;
  return Math.min(drafts.length, MAX_CLASSES - 1);
}

/** Why the classes being added cannot be saved yet (the first reason); null when they can. */
export function draftsProblem(drafts: readonly DraftClass[]): string | null {
  if (drafts.some((draft) => draft.progress)) return 'Decoding…';
  if (drafts.length < MIN_CLASSES || drafts.length > MAX_CLASSES) {
    return `A dataset needs ${MIN_CLASSES} to ${MAX_CLASSES} classes.`;
  }
  const missing = drafts.findIndex((draft) => draft.pixels === null);
  if (missing >= 0) {
    return `Add images for every class (class ${missing} has none), or remove it.`;
  }
  for (const draft of drafts) {
    if (draft.name.trim() === '') return 'Name every class.';
    const problem = draft.problem ?? tooFewImages(draft.name, draft.count);
    if (problem) return problem;
  }
  const names = drafts.map((draft) => draft.name.trim());
  const repeated = names.find((name, side) => names.indexOf(name) !== side);
  if (repeated !== undefined)
    return `Two classes are named “${repeated}”: each needs its own name.`;
  return null;
}
