import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { CorpusScan } from '../ingest/scan-corpus.js';
import { ANALYZER_VERSION } from '../analyze/version.js';
import { hashOf, stableJson } from '../cache/hash.js';

/** What the last complete build was made from, and the output files it left. */
export interface Manifest {
  schema: 1;
  /** Hash of every input: documents, config, templates and briefing's own code. */
  key: string;
  files: Record<string, { size: number; mtimeMs: number }>;
}

const codeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * One hash of everything a build's output depends on: each document's path and text (as the
 * scan identified it) and the problems met reading the corpus, the config (but the edition date,
 * which an unchanged briefing does not take), the templates, and briefing's own code. Equal keys
 * mean the previous build's output is this build's output.
 */
export async function inputsKey(config: ResolvedConfig, scan: CorpusScan): Promise<string> {
  const parts: string[] = [ANALYZER_VERSION];
  // Mail settings and lists change what `send` does, not what a build writes.
  const { force: _force, editionDate: _date, mail: _mail, lists: _lists, ...settings } = config;
  parts.push(stableJson(settings));
  for (const file of scan.files) {
    // A file that cannot be read is a message in the model: a new one must rebuild it.
    parts.push(file.path, file.textKey ?? '', stableJson(file.messages));
  }
  parts.push(await treeFingerprint(config.templates, true), await treeFingerprint(codeDir, false));
  return hashOf(...parts);
}

/** Hash of a folder's files: by content, or (for code) by size and modification time. */
async function treeFingerprint(dir: string, byContent: boolean): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const parts: string[] = [];
  for (const file of files) {
    if (byContent) parts.push(file, hashOf(await readFile(file)));
    else {
      const info = await stat(file);
      parts.push(file, `${info.size}:${info.mtimeMs}`);
    }
  }
  return hashOf(...parts);
}

/** A manifest for the output files a build has just left in place. */
export async function manifestOf(key: string, output: string, files: string[]): Promise<Manifest> {
  const entries = await Promise.all(
    files.map(async (file) => {
      const info = await stat(path.join(output, file));
      return [file, { size: info.size, mtimeMs: info.mtimeMs }] as const;
    }),
  );
  return { schema: 1, key, files: Object.fromEntries(entries) };
}

/** True when every output file the manifest lists is still there, as the build left it. */
export async function outputsIntact(output: string, manifest: Manifest): Promise<boolean> {
  for (const [file, expected] of Object.entries(manifest.files)) {
    const info = await stat(path.join(output, file)).catch(() => null);
    if (!info || info.size !== expected.size || info.mtimeMs !== expected.mtimeMs) return false;
  }
  return true;
}
