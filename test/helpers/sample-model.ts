import { loadConfig } from '../../src/config/load-config.js';
import { analyzeCorpus } from '../../src/analyze-corpus.js';
import type { CorpusModel, DocumentSummary } from '../../src/model.js';
import { corpus, root } from './paths.js';

let cached: Promise<CorpusModel> | undefined;

/** The model of the sample corpus with the default config, analyzed once per test file. */
export function sampleModel(): Promise<CorpusModel> {
  cached ??= loadConfig({ cwd: root, overrides: { corpus, editionDate: '2026-11-22' } }).then(
    analyzeCorpus,
  );
  return cached;
}

/** A sample document's summary by its file name. */
export async function sampleDocument(file: string): Promise<DocumentSummary> {
  const model = await sampleModel();
  const doc = model.documents.find((d) => d.path === file);
  if (!doc) throw new Error(`no document ${file}`);
  return doc;
}
