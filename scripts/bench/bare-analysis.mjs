/**
 * The floor for analysis throughput: the libraries a pipeline needs, run on the same files with
 * nothing of briefing's, in a pool of worker threads (bare-analysis-worker.mjs). Prints one JSON
 * line: wall ms from starting the pool (the workers load the libraries) to the last document,
 * the ms until every worker was ready, and the summed ms each library took over all threads.
 *
 *     node scripts/bench/bare-analysis.mjs CORPUS_DIR THREADS
 */
/* global process */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
import { Worker } from 'node:worker_threads';

const [corpus, threadsArg] = process.argv.slice(2);
const threads = Number(threadsArg);
if (!corpus || !(threads >= 1)) {
  process.stderr.write('usage: node scripts/bench/bare-analysis.mjs CORPUS_DIR THREADS\n');
  process.exit(2);
}

/** Documents as the pipeline finds them: Markdown and text files, recursively, sorted. */
const files = readdirSync(corpus, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(md|markdown|txt)$/i.test(entry.name))
  .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
  .sort();
const BATCH = 16;
let next = 0;
let ready = 0;
let readyMs = 0;
const totals = { documents: 0, remarkMs: 0, winkMs: 0, entities: 0, sentences: 0, tokens: 0 };

const started = performance.now();
await Promise.all(
  Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./bare-analysis-worker.mjs', import.meta.url));
    const give = () => {
      worker.postMessage(files.slice(next, next + BATCH));
      next += BATCH;
    };
    worker.on('message', (message) => {
      if (message.type === 'ready') {
        ready += 1;
        if (ready === threads) readyMs = performance.now() - started;
      } else for (const key of Object.keys(totals)) totals[key] += message[key];
      give();
    });
    return new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', resolve);
    });
  }),
);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, readyMs, threads, ...totals })}\n`);
