/**
 * Analysis throughput against the bare libraries on the same text and cores: `composeEdition`
 * (ours, no cache, briefings composed at the end) and a pool of worker threads running only
 * remark (GFM) and wink-nlp on the same files (bare-analysis.mjs), each as a fresh child
 * process, on one thread and on all cores.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { TextCorpus } from './analysis.js';
import { runNode, type ChildRun } from './run-child.js';
import { median, peakOf, spreadOf, type Spread } from './stats.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';

const BARE = path.join(import.meta.dirname, 'bare-analysis.mjs');
const OURS = path.join(import.meta.dirname, 'analysis-ours.mjs');

/** A throughput: megabytes and documents per second. */
export interface Rate {
  megabytesPerSecond: number;
  documentsPerSecond: number;
}

/** One side's runs on one number of threads. */
export interface ThroughputSide extends Rate {
  /** Wall ms of the work, from loading the libraries to the last document. */
  ms: Spread;
  /** Peak RSS of the process, KB. */
  nodeKb: number | null;
}

/** Both sides on one number of threads. */
export interface ThreadsBench {
  threads: number;
  /** remark + wink-nlp on every document: the floor. */
  bare: ThroughputSide & {
    /** Median ms until every worker had loaded the libraries (part of `ms`). */
    readyMs: number;
    /** remark alone, from its share of the pipeline's time (summed over threads / threads). */
    remark: Rate;
    /** wink-nlp alone (sentences, tokens and entities read out), likewise. */
    wink: Rate;
  };
  ours: ThroughputSide & {
    /** Documents in the model (duplicates and failures are left out). */
    documents: number;
  };
  /** Ours' throughput over the bare pipeline's (bare ms / ours ms, medians): target ≥ 0.8. */
  ratio: number;
}

/** What {@link benchThroughput} measured on one corpus. */
export interface ThroughputBench {
  corpus: string;
  documents: number;
  bytes: number;
  runs: number;
  oneThread: ThreadsBench;
  allCores: ThreadsBench;
}

interface BareReport {
  ms: number;
  readyMs: number;
  documents: number;
  remarkMs: number;
  winkMs: number;
}

interface OursReport {
  ms: number;
  documents: number;
}

/**
 * Runs both sides on one thread and on all cores, `runs` times each, the four taking turns
 * going first.
 */
export async function benchThroughput(
  corpus: TextCorpus,
  options: { runs: number; log: (line: string) => void },
): Promise<ThroughputBench> {
  const cores = availableParallelism();
  const output = await makeTempDir('analysis-output');
  try {
    const cases = [
      { threads: 1, side: 'bare' as const },
      { threads: 1, side: 'ours' as const },
      { threads: cores, side: 'bare' as const },
      { threads: cores, side: 'ours' as const },
    ];
    const results = cases.map(() => [] as { run: ChildRun; report: BareReport & OursReport }[]);
    for (let run = 0; run < options.runs; run += 1) {
      for (let turn = 0; turn < cases.length; turn += 1) {
        const index = (run + turn) % cases.length;
        const { threads, side } = cases[index]!;
        const child =
          side === 'bare'
            ? await runNode(BARE, [corpus.dir, String(threads)])
            : await runNode(
                OURS,
                [corpus.dir, output, threads === cores ? 'default' : String(threads)],
                { BRIEFING_WORKERS: threads === cores ? undefined : String(threads) },
              );
        const report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as BareReport &
          OursReport;
        results[index]!.push({ run: child, report });
        options.log(`${side}, ${threads} thread(s): ${(report.ms / 1000).toFixed(2)} s`);
      }
    }
    const threadsBench = (bare: number, ours: number) =>
      compare(corpus, cases[bare]!.threads, results[bare]!, results[ours]!);
    return {
      corpus: corpus.label,
      documents: corpus.documents,
      bytes: corpus.bytes,
      runs: options.runs,
      oneThread: threadsBench(0, 1),
      allCores: threadsBench(2, 3),
    };
  } finally {
    await removeTempDir(output);
  }
}

type Measured = { run: ChildRun; report: BareReport & OursReport }[];

function compare(
  corpus: TextCorpus,
  threads: number,
  bare: Measured,
  ours: Measured,
): ThreadsBench {
  const bareSide = sideOf(corpus, bare);
  const oursSide = sideOf(corpus, ours);
  const share = (key: 'remarkMs' | 'winkMs') =>
    rateOf(corpus, median(bare.map(({ report }) => report[key] / threads)));
  return {
    threads,
    bare: {
      ...bareSide,
      readyMs: median(bare.map(({ report }) => report.readyMs)),
      remark: share('remarkMs'),
      wink: share('winkMs'),
    },
    ours: { ...oursSide, documents: ours.at(-1)!.report.documents },
    ratio: bareSide.ms.median / oursSide.ms.median,
  };
}

function sideOf(corpus: TextCorpus, measured: Measured): ThroughputSide {
  const ms = spreadOf(measured.map(({ report }) => report.ms));
  return {
    ms,
    ...rateOf(corpus, ms.median),
    nodeKb: peakOf(measured.map(({ run }) => run.nodeKb)),
  };
}

function rateOf(corpus: TextCorpus, ms: number): Rate {
  return {
    megabytesPerSecond: corpus.bytes / 1e6 / (ms / 1000),
    documentsPerSecond: corpus.documents / (ms / 1000),
  };
}
