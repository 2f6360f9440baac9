// What a drop on the page holds: loose files, and folders read recursively (a folder's files
// keep its name, which names a class). The entries must be taken from the DataTransfer during
// the drop event itself; reading them may continue afterwards.

export interface DroppedGroup {
  /** The dropped folder's name; null for files dropped loose. */
  folder: string | null;
  files: File[];
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a directory: readEntries answers in batches until it answers none. */
async function entriesOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function filesUnder(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await fileOf(entry as FileSystemFileEntry)];
  if (!entry.isDirectory) return [];
  const children = await entriesOf(entry as FileSystemDirectoryEntry);
  return (await Promise.all(children.map(filesUnder))).flat();
}

/** Call from the drop handler (synchronously); resolves to one group per folder, plus loose files. */
export function droppedGroups(transfer: DataTransfer): Promise<DroppedGroup[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  return (async () => {
    const groups: DroppedGroup[] = [];
    const loose: File[] = [];
    for (const { entry, file } of entries) {
      if (entry?.isDirectory) groups.push({ folder: entry.name, files: await filesUnder(entry) });
      else if (file) loose.push(file);
    }
    if (loose.length > 0) groups.push({ folder: null, files: loose });
    return groups;
  })();
}
