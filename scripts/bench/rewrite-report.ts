/**
 * Writes BENCHMARKS.md again from benchmarks.json, without measuring anything: for changes to
 * the report's layout. It replaces the whole file, prose added by hand included.
 *
 *     npx tsx scripts/bench/rewrite-report.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { benchmarksMarkdown, type BenchResults } from './report.js';
import { root } from './run-child.js';
import { checkTargets } from './targets.js';

const results = JSON.parse(
  await readFile(path.join(root, 'benchmarks.json'), 'utf8'),
) as BenchResults;
const { whole, pdf, throughput, builds, mail } = results;
const largest = throughput.length > 1 ? throughput.at(-1)! : null;
results.targets = checkTargets({ whole, pdf, throughput: largest, builds, mail });
await writeFile(path.join(root, 'BENCHMARKS.md'), benchmarksMarkdown(results));
console.log('Wrote BENCHMARKS.md from benchmarks.json.');
