/**
 * One-changed rebuilds in a process that keeps running, as `briefing watch` and `serve` do:
 * `build()` from `dist/` again and again in one process, a sentence appended to one document
 * before each. The first rebuild starts the analysis threads (and loads the analyzer in them);
 * the next ones find it loaded. Prints one JSON line: ms of each rebuild after the first.
 *
 *     node scripts/bench/warm-rebuilds.mjs CORPUS OUTPUT CHANGED_FILE RUNS [--no-pdf]
 */
/* global process */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [corpus, output, changed, runs, flag] = process.argv.slice(2);
if (!corpus || !output || !changed || !runs) {
  process.stderr.write(
    'usage: node warm-rebuilds.mjs CORPUS OUTPUT CHANGED_FILE RUNS [--no-pdf]\n',
  );
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = (file) => pathToFileURL(path.join(root, 'dist', file)).href;
const { loadConfig } = await import(dist('config/load-config.js'));
const { build } = await import(dist('build.js'));
const config = await loadConfig({
  cwd: root,
  overrides: { corpus, output, editionDate: '2026-11-22', pdf: flag !== '--no-pdf' },
});
const times = [];
for (let run = 0; run <= Number(runs); run += 1) {
  await appendFile(changed, `\nIn a later note, the company said it added ${run + 20} staff.\n`);
  const started = performance.now();
  await build(config);
  if (run > 0) times.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify({ ms: times })}\n`);
