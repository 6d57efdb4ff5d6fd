/**
 * Our side of the analysis throughput bench: `composeEdition` from `dist/` on a corpus folder,
 * with no cache: what a cold build does (read, ingest, analyze each document into its digest,
 * compose the briefings). Prints one JSON line: ms from importing the analyzer (which loads its
 * libraries) to the model, and how many documents the model holds.
 *
 *     node scripts/bench/analysis-ours.mjs CORPUS_DIR OUTPUT_DIR default|THREADS
 *
 * With a number of threads it passes `{ workers }` (and the caller sets BRIEFING_WORKERS);
 * with `default` it passes nothing, and the analyzer uses all cores.
 */
/* global process */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [corpus, output, workers] = process.argv.slice(2);
if (!corpus || !output || !workers) {
  process.stderr.write('usage: node scripts/bench/analysis-ours.mjs CORPUS OUTPUT THREADS\n');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = (file) => pathToFileURL(path.join(root, 'dist', file)).href;
const { loadConfig } = await import(dist('config/load-config.js'));
const config = await loadConfig({
  cwd: root,
  overrides: { corpus, output, editionDate: '2026-11-22' },
});
const started = performance.now();
const { composeEdition } = await import(dist('analyze-corpus.js'));
const model = await composeEdition(
  config,
  workers === 'default' ? {} : { workers: Number(workers) },
);
const ms = performance.now() - started;
const errors = model.messages.filter((message) => message.severity === 'error').length;
process.stdout.write(`${JSON.stringify({ ms, documents: model.documents.length, errors })}\n`);
