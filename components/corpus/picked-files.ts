/**
 * The files of one pick or drop, as the import reads them: a file chosen by name is always
 * imported or refused by name; a folder's other files (a saved page's `_files/` scripts, styles
 * and images) are left out and counted, since nobody picked them one by one.
 */
import { importKindOf } from '../../lib/corpus/import-kinds';
import type { PickedFile } from './import-run';

export interface PickedFiles {
  files: PickedFile[];
  /** Files inside dropped or picked folders that are not documents. */
  ignored: number;
}

function picked(file: File, name: string): PickedFile {
  return { name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

/**
 * An `<input type="file">`'s files. A folder picker (`webkitdirectory`) names each file by its
 * path in the folder; those that are not documents are left out.
 */
export function fromFileList(list: FileList | readonly File[]): PickedFiles {
  const out: PickedFiles = { files: [], ignored: 0 };
  for (const file of Array.from(list)) {
    const path = file.webkitRelativePath;
    if (path && !importKindOf(file.name)) out.ignored++;
    else out.files.push(picked(file, path || file.name));
  }
  return out;
}

/** A drop's files, folders walked (both browsers give entries for dropped folders). */
export async function fromDrop(transfer: DataTransfer): Promise<PickedFiles> {
  // Entries must be taken synchronously, before the drop event's data store is cleared.
  const entries = Array.from(transfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return fromFileList(transfer.files);
  const out: PickedFiles = { files: [], ignored: 0 };
  for (const entry of entries as FileSystemEntry[]) await walk(entry, '', true, out);
  return out;
}

async function walk(entry: FileSystemEntry, folder: string, chosen: boolean, out: PickedFiles): Promise<void> {
  const path = folder ? `${folder}/${entry.name}` : entry.name;
  if (isFile(entry)) {
    if (!chosen && !importKindOf(entry.name)) {
      out.ignored++;
      return;
    }
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    out.files.push(picked(file, path));
    return;
  }
  if (!isDirectory(entry)) return;
  const reader = entry.createReader();
  // readEntries hands a folder over in batches (100 in Chrome) until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, path, false, out);
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
