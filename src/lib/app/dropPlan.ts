// What a drop of folders and files on "Your images" adds, and the sentence that says so. The
// page trains two classes, one folder each: whatever a drop holds beyond that (loose files with
// no class, a third folder, a second folder dropped on one class) is left out, and the message
// names what was used and what was ignored, so nothing is dropped silently. Pure: tested in Node.

import type { DroppedGroup } from './droppedFiles';

export type Side = 0 | 1;

/** One class's files from a drop: its side, its files and the folder that names it (if any). */
export interface ClassFiles {
  side: Side;
  files: File[];
  folder: string | null;
}

export interface DropPlan {
  classes: ClassFiles[];
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

/**
 * A drop on the panel: two folders are the two classes, in the order the browser lists them.
 * One folder fills `emptySide` (the first class with no images yet); loose files have no class
 * and more than two folders cannot all be classes, so those are ignored and named.
 */
export function planPanelDrop(groups: readonly DroppedGroup[], emptySide: Side): DropPlan {
  const { folders, loose } = split(groups);
  const sides: Side[] = folders.length === 1 ? [emptySide] : [0, 1];
  const classes = folders.slice(0, 2).map((group, i) => ({
    side: sides[i],
    files: group.files,
    folder: group.folder,
  }));
  const parts: string[] = [];
  if (classes.length === 0) parts.push('Nothing was added: a class needs a folder of images.');
  else parts.push(`Used ${classes.map(used).join(' and ')}.`);
  if (folders.length > 2) {
    parts.push(
      `Ignored ${ignoredFolders(folders.slice(2))}: the page trains two classes, one folder each.`,
    );
  }
  if (loose.length > 0) {
    parts.push(
      `Ignored ${ignoredFiles(loose)}: put ${loose.length === 1 ? 'it' : 'them'} in a class's ` +
        `folder, or drop ${loose.length === 1 ? 'it' : 'them'} on a class below.`,
    );
  }
  if (classes.length === 1) {
    const other = classes[0].side === 0 ? 1 : 0;
    parts.push(`Add the other class: drop its folder on class ${other} below.`);
  }
  return { classes, message: parts.join(' ') };
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
    return { classes: loose.length === 0 ? [] : [{ side, files: loose, folder: null }], message };
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
      : ` Ignored ${ignored.join(' and ')}: a class takes one folder (drop two folders on the area above for both classes).`);
  return { classes: [chosen], message };
}
