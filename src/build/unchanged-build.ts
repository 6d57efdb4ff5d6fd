import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { BuildResult, EditionModel } from '../model.js';
import type { CacheStore } from '../cache/store.js';
import { hashOf } from '../cache/hash.js';
import { outputsIntact, type Manifest } from './manifest.js';

/** Where the manifest of the last complete build is kept in the cache. */
export const MANIFEST = { bucket: 'manifest', key: hashOf('manifest') } as const;

/**
 * When every input is as it was for the last complete build and its outputs are untouched,
 * that build's result stands: nothing is read beyond the inputs, nothing is written. `null`
 * otherwise, including when the last build did not finish (its manifest is removed before it
 * commits and written again only after).
 */
export async function unchangedBuild(
  config: ResolvedConfig,
  cache: CacheStore,
  key: string,
  started: number,
): Promise<BuildResult | null> {
  const manifest = await cache.getJson<Manifest>(MANIFEST.bucket, MANIFEST.key);
  if (manifest?.key !== key || !(await outputsIntact(config.output, manifest))) return null;
  const model = JSON.parse(
    await readFile(path.join(config.output, 'model.json'), 'utf8'),
  ) as EditionModel;
  const pdfs = Object.keys(manifest.files).filter(
    (file) => !file.includes('/') && file.endsWith('.pdf'),
  );
  return {
    model,
    written: [],
    messages: model.messages,
    durationMs: performance.now() - started,
    pdfCount: pdfs.length,
    work: {
      analyzed: [],
      reused: model.documents.map((d) => d.path),
      newEditions: [],
      printed: [],
      reusedPdfs: pdfs.sort(),
    },
  };
}
