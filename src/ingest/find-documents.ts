import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** File extensions read as documents. */
export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** A document file found in the corpus. */
export interface DocumentFile {
  /** Absolute path. */
  file: string;
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
}

/**
 * Lists every `*.md`, `*.markdown` and `*.txt` under the corpus folder, recursively, sorted
 * by path. Hidden files and folders are skipped; symlinked folders are followed once.
 */
export async function findDocuments(corpus: string): Promise<DocumentFile[]> {
  const found: DocumentFile[] = [];
  await walk(corpus, corpus, new Set([await realpath(corpus)]), found);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(
  root: string,
  dir: string,
  seen: Set<string>,
  found: DocumentFile[],
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(file)));
    if (isDir) {
      const real = await realpath(file).catch(() => null);
      if (real === null || seen.has(real)) continue;
      seen.add(real);
      await walk(root, file, seen, found);
    } else if (DOCUMENT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      found.push({ file, path: path.relative(root, file).split(path.sep).join('/') });
    }
  }
}

async function isDirectory(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
