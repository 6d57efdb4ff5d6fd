import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { explainFileError } from './file-errors.js';

/** File extensions read as documents. */
export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** A document file found in the corpus. */
export interface DocumentFile {
  /** Absolute path. */
  file: string;
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
}

/** A corpus entry named like a document (or a folder) that cannot be read, and why. */
export interface SkippedFile {
  /** Path relative to the corpus folder; a folder's ends with `/`. */
  path: string;
  /** `unreadable` (a broken or looping link, no permission) or `not-a-file` (a FIFO, a device). */
  code: 'unreadable' | 'not-a-file';
  reason: string;
}

/** What the corpus folder holds: the documents to read, and the entries that cannot be read. */
export interface CorpusListing {
  /** Regular files (or links to them), sorted by path. */
  files: DocumentFile[];
  /** Sorted by path. */
  skipped: SkippedFile[];
}

/**
 * Lists every `*.md`, `*.markdown` and `*.txt` under the corpus folder, recursively, sorted by
 * path. Hidden files and folders are skipped; symlinked folders are followed once (a link back
 * to a folder already listed is not followed again, so link loops end). Only regular files are
 * listed as documents, so nothing ever opens a FIFO or a device; those, broken or looping links
 * and folders that cannot be read are listed as skipped, with the reason.
 */
export async function listCorpus(corpus: string): Promise<CorpusListing> {
  const listing: CorpusListing = { files: [], skipped: [] };
  await walk(corpus, corpus, new Set([await realpath(corpus)]), listing);
  listing.files.sort(byPath);
  listing.skipped.sort(byPath);
  return listing;
}

/** The documents of the corpus folder (regular files only; see {@link listCorpus}). */
export async function findDocuments(corpus: string): Promise<DocumentFile[]> {
  return (await listCorpus(corpus)).files;
}

async function walk(
  root: string,
  dir: string,
  seen: Set<string>,
  listing: CorpusListing,
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    const relative = path.relative(root, file).split(path.sep).join('/');
    const info = await statOf(entry, file);
    if (info instanceof Error) {
      if (isDocumentName(entry.name)) listing.skipped.push(unreadable(relative, info));
    } else if (info.isDirectory()) {
      await walkFolder(root, file, relative, seen, listing);
    } else if (!isDocumentName(entry.name)) {
      continue;
    } else if (info.isFile()) {
      listing.files.push({ file, path: relative });
    } else {
      listing.skipped.push({
        path: relative,
        code: 'not-a-file',
        reason: `not a regular file (${kindOf(info)}); not read`,
      });
    }
  }
}

async function walkFolder(
  root: string,
  dir: string,
  relative: string,
  seen: Set<string>,
  listing: CorpusListing,
): Promise<void> {
  const real = await realpath(dir).catch(() => null);
  if (real === null || seen.has(real)) return;
  seen.add(real);
  try {
    await walk(root, dir, seen, listing);
  } catch (error) {
    listing.skipped.push({
      path: `${relative}/`,
      code: 'unreadable',
      reason: `cannot read the folder: ${explainFileError(error)}`,
    });
  }
}

/** The entry's type without a system call where the directory listing already says it. */
async function statOf(entry: Dirent, file: string): Promise<Pick<Stats, Kind> | Error> {
  if (entry.isFile() || entry.isDirectory() || entry.isFIFO() || entry.isSocket()) return entry;
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return entry;
  // A symbolic link (or a file system that does not report types): follow it.
  return stat(file).catch((error: Error) => error);
}

type Kind =
  'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice';

function kindOf(info: Pick<Stats, Kind>): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'a device';
  return 'not a file';
}

function unreadable(relative: string, error: Error): SkippedFile {
  return {
    path: relative,
    code: 'unreadable',
    reason: `cannot read the file: ${explainFileError(error)}`,
  };
}

function isDocumentName(name: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
