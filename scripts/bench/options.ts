/**
 * What the bench runs, from the environment:
 *
 * - `BENCH_SIZES=sample,100,1000,10000` (the default): corpora to build; the analysis
 *   throughput bench uses the largest generated one. With no generated corpus over 100 documents
 *   (`BENCH_SIZES=sample,100`) the run is a quick check: one run of each build and analysis, two
 *   rounds of the whole build and of the PDF stage, and no email bench, unless `BENCH_RUNS` /
 *   `BENCH_MAIL=1` say otherwise.
 * - `BENCH_RUNS=N`: runs of every measured case (builds, analysis, whole build, PDF rounds, mail).
 * - `BENCH_COLD_RUNS=N` (default 1): cold builds and analysis runs at 10,000 documents or more.
 * - `BENCH_MAIL=0|1`: skip or run the email bench (default: run it unless a quick check).
 */
import type { CorpusSize } from './corpora.js';

/** How many runs each part of the bench takes, and which parts run. */
export interface BenchOptions {
  sizes: CorpusSize[];
  /** True when no generated corpus has over 100 documents: fewer runs, no email. */
  quick: boolean;
  /** Runs of each build kind below 10,000 documents, and of unchanged/changed builds at it. */
  buildRuns: number;
  /** Cold builds (and analysis runs) at 10,000 documents or more. */
  largeRuns: number;
  /** Analysis throughput runs on the news text and on corpora under 10,000 documents. */
  analysisRuns: number;
  wholeRuns: number;
  pdfRounds: number;
  /** Runs of each side of the email bench; 0 skips it. */
  mailRuns: number;
}

/** The sizes at and above which a corpus is "large": fewer cold runs. */
export const LARGE = 10_000;

/** The largest generated corpus of a quick check. */
const QUICK = 100;

/** Reads the options from `env`. @throws on a value it cannot read. */
export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const sizes = (env.BENCH_SIZES ?? 'sample,100,1000,10000')
    .split(',')
    .map((size) => size.trim().replaceAll('_', ''))
    .filter(Boolean)
    .map((size): CorpusSize => {
      if (size === 'sample') return 'sample';
      if (/^\d+$/.test(size) && Number(size) > 0) return Number(size);
      throw new Error(`BENCH_SIZES: expected "sample" or a number of documents, got "${size}".`);
    });
  const quick = sizes.every((size) => size === 'sample' || size <= QUICK);
  const runs = count(env, 'BENCH_RUNS');
  const mail = env.BENCH_MAIL === undefined ? !quick : env.BENCH_MAIL === '1';
  return {
    sizes,
    quick,
    buildRuns: runs ?? (quick ? 1 : 3),
    largeRuns: count(env, 'BENCH_COLD_RUNS') ?? 1,
    analysisRuns: runs ?? (quick ? 1 : 3),
    wholeRuns: runs ?? (quick ? 2 : 5),
    pdfRounds: runs ?? (quick ? 2 : 7),
    mailRuns: mail ? (runs ?? 5) : 0,
  };
}

function count(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new Error(`${name}: expected a whole number of runs, got "${value}".`);
  return Number(value);
}
