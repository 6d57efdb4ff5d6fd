import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../ingest/find-documents.js';

/** The places a build reads from (and the one it writes to, which is never watched). */
export interface SourcePaths {
  /** Absolute path of the corpus folder. */
  corpus: string;
  /** Absolute path of the templates folder. */
  templates: string;
  /** Absolute path of the config file, `null` when there is none. */
  configFile: string | null;
  /** Absolute path of the output folder. */
  output: string;
}

/** What a changed file is to a build. */
export type SourceKind = 'corpus' | 'template' | 'config';

/** Whether `file` is `dir` or lies inside it. */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Editor droppings: swap and backup files (`*.swp`, `*~`) and lock files (`.#name`). */
export function isEditorFile(name: string): boolean {
  return /\.sw[a-p]$/i.test(name) || name.endsWith('~') || name.startsWith('.#');
}

/**
 * Whether the watcher should skip `file` (a file or a folder) entirely: anything in the output
 * folder (it may sit inside the corpus), hidden files and folders below a watched folder, and
 * editor swap files. Document extensions are checked later, since folders have none.
 */
export function isIgnored(paths: SourcePaths, file: string): boolean {
  if (isInside(paths.output, file)) return true;
  const root = [paths.corpus, paths.templates].find((dir) => isInside(dir, file));
  if (root === undefined) return false;
  const parts = path.relative(root, file).split(path.sep).filter(Boolean);
  return parts.some((part) => part.startsWith('.') || isEditorFile(part));
}

/** What a changed file means to a build, or `null` when it means nothing (e.g. `notes.pdf`). */
export function classify(paths: SourcePaths, file: string): SourceKind | null {
  if (isIgnored(paths, file)) return null;
  if (paths.configFile !== null && file === paths.configFile) return 'config';
  if (isInside(paths.templates, file)) return 'template';
  if (isInside(paths.corpus, file)) {
    return DOCUMENT_EXTENSIONS.includes(path.extname(file).toLowerCase()) ? 'corpus' : null;
  }
  return null;
}
