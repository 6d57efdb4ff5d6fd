/**
 * The corpora the bench builds and analyzes, each made once in a temp folder and shared by
 * every case that uses it: a copy of the sample corpus, and generated corpora of N documents.
 */
import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ingestText } from '../../src/ingest/ingest.js';
import { analyzeDocument } from '../../src/analyze/analyze.js';
import { compileThemes } from '../../src/analyze/score-themes.js';
import { loadConfig } from '../../src/config/load-config.js';
import { generateCorpus } from './generate-corpus.js';
import { root } from './run-child.js';
import { makeTempDir } from './temp-dirs.js';

/** A corpus size the bench knows: the sample corpus or a number of generated documents. */
export type CorpusSize = 'sample' | number;

/** A corpus on disk. */
export interface Corpus {
  size: CorpusSize;
  /** Folder holding the documents. */
  dir: string;
  /** Document paths relative to `dir`, sorted. */
  files: string[];
  bytes: number;
  /**
   * The document one-changed builds append to: the first that is not a cable (appending after
   * a cable's signer is odd) and that covers a theme, so that the change reaches a briefing.
   */
  changeTarget: string;
}

/** A human label for a corpus size. */
export function sizeLabel(size: CorpusSize): string {
  return size === 'sample' ? 'sample corpus' : `${size.toLocaleString('en')} generated documents`;
}

/** Copies the sample corpus (for `sample`) or generates `size` documents (seed 1) into a temp folder. */
export async function prepareCorpus(size: CorpusSize): Promise<Corpus> {
  const dir = path.join(await makeTempDir(`corpus-${size}`), 'corpus');
  if (size === 'sample') await cp(path.join(root, 'corpus'), dir, { recursive: true });
  else await generateCorpus(dir, size, 1);
  const files = await listFiles(dir);
  let bytes = 0;
  for (const file of files) bytes += (await readFile(path.join(dir, file))).length;
  return { size, dir, files, bytes, changeTarget: await changeTarget(dir, files) };
}

async function changeTarget(dir: string, files: string[]): Promise<string> {
  const config = await loadConfig({ cwd: root });
  const themes = compileThemes(config.themes);
  for (const file of files) {
    const { document } = ingestText(file, await readFile(path.join(dir, file), 'utf8'));
    if (!document || document.format === 'cable') continue;
    if (analyzeDocument(document, themes).themes.length > 0) return file;
  }
  return files[0]!;
}

/** Every file under `dir`, relative to it, sorted. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else out.push(relative);
  }
  return out.sort();
}
