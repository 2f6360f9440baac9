// What a drop of folders and files on "Your images" adds, and the sentence that says so. The
// page trains 2 to 10 classes, one folder each: whatever a drop holds beyond that (loose files
// with no class, an eleventh folder, a second folder dropped on one class) is left out, and the
// message names what was used and what was ignored, so nothing is dropped silently. Pure:
// tested in Node.

import { MAX_CLASSES } from '../core/types';
import type { DroppedGroup } from './droppedFiles';

/** A class's place in the list being added: 0 for the first, up to MAX_CLASSES − 1. */
export type Side = number;

/** One class's files from a drop: its side, its files and the folder that names it (if any). */
export interface ClassFiles {
  side: Side;
  files: File[];
  folder: string | null;
}

export interface DropPlan {
  classes: ClassFiles[];
  /**
   * How many classes the dataset being added has after the drop: several folders dropped
   * together replace the classes, one per folder; null leaves the count as it was.
   */
  classCount: number | null;
  /** What was used and what was ignored, in a sentence or two. */
  message: string;
}

/** Names shown in a message before "…". */
const MAX_NAMES = 3;

function count(items: number, singular: string, plural: string): string {
  return `${items} ${items === 1 ? singular : plural}`;
}

function names(items: readonly string[], quoted: boolean): string {
  const shown = items.slice(0, MAX_NAMES).map((name) => (quoted ? `“${name}”` : name));
  return shown.join(', ') + (items.length > MAX_NAMES ? ', …' : '');
}

function used(group: ClassFiles): string {
  return `folder “${group.folder}” (${count(group.files.length, 'file', 'files')}) for class ${group.side}`;
}

function ignoredFolders(folders: readonly DroppedGroup[]): string {
  const list = folders.map((group) => group.folder ?? '');
  return `${count(folders.length, 'folder', 'folders')} (${names(list, true)})`;
}

function ignoredFiles(loose: readonly File[]): string {
  return `${count(loose.length, 'loose file', 'loose files')} (${names(
    loose.map((file) => file.name),
    false,
  )})`;
}

function split(groups: readonly DroppedGroup[]) {
  return {
    folders: groups.filter((group) => group.folder !== null),
    loose: groups.filter((group) => group.folder === null).flatMap((group) => group.files),
  };
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A drop on the panel: 2 to 10 folders are the classes, in the order the browser lists them.
 * One folder fills `emptySide` (the first class with no images yet); loose files have no class
 * and folders past the tenth cannot be classes, so those are ignored and named.
 */
export function planPanelDrop(groups: readonly DroppedGroup[], emptySide: Side): DropPlan {
  const { folders, loose } = split(groups);
  const classes = folders.slice(0, MAX_CLASSES).map((group, i) => ({
    side: folders.length === 1 ? emptySide : i,
    files: group.files,
    folder: group.folder,
  }));
  const parts: string[] = [];
  if (classes.length === 0) parts.push('Nothing was added: a class needs a folder of images.');
  else parts.push(`Used ${listed(classes.map(used))}.`);
  if (folders.length > MAX_CLASSES) {
    parts.push(
      `Ignored ${ignoredFolders(folders.slice(MAX_CLASSES))}: the page trains at most ` +
        `${MAX_CLASSES} classes, one folder each.`,
    );
  }
  if (loose.length > 0) {
    parts.push(
      `Ignored ${ignoredFiles(loose)}: put ${loose.length === 1 ? 'it' : 'them'} in a class's ` +
        `folder, or drop ${loose.length === 1 ? 'it' : 'them'} on a class below.`,
    );
  }
  if (classes.length === 1) {
    parts.push('Add the other classes: drop a folder on each class below.');
  }
  return {
    classes,
    classCount: classes.length > 1 ? classes.length : null,
    message: parts.join(' '),
  };
}

/**
 * A drop on one class: one folder (named for it) or loose files. A drop holding a folder uses
 * its first folder only, and names the other folders and any loose files it ignored.
 */
export function planClassDrop(groups: readonly DroppedGroup[], side: Side): DropPlan {
  const { folders, loose } = split(groups);
  if (folders.length === 0) {
    const message =
      loose.length === 0
        ? 'Nothing was added: the drop held no files.'
        : `Used ${count(loose.length, 'loose file', 'loose files')} for class ${side}.`;
    const classes = loose.length === 0 ? [] : [{ side, files: loose, folder: null }];
    return { classes, classCount: null, message };
  }
  const chosen: ClassFiles = { side, files: folders[0].files, folder: folders[0].folder };
  const ignored = [
    ...(folders.length > 1 ? [ignoredFolders(folders.slice(1))] : []),
    ...(loose.length > 0 ? [ignoredFiles(loose)] : []),
  ];
  const message =
    `Used ${used(chosen)}.` +
    (ignored.length === 0
      ? ''
      : ` Ignored ${ignored.join(' and ')}: a class takes one folder (drop several folders on the area above, one per class).`);
  return { classes: [chosen], classCount: null, message };
}
