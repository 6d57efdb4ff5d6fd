/**
 * The whole `briefing build` of the sample corpus with PDFs against its floor: a bare script
 * that launches the same browser, prints the same HTML files the build wrote, and closes.
 * Both are child processes timed from spawn to exit, taking turns going first.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { BENCH_EDITION_DATE } from './builds.js';
import type { Corpus } from './corpora.js';
import { runBuild, runNode, type ChildRun } from './run-child.js';
import { median, peakOf, spreadOf, type Spread } from './stats.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';

const BARE_PRINT = path.join(import.meta.dirname, 'bare-print.mjs');

/** One side's runs: wall time (ms) and the peak memory (KB) of Node and of Chromium. */
export interface SideRuns {
  ms: Spread;
  nodeKb: number | null;
  chromiumKb: number | null;
}

/** What {@link benchWholeBuild} measured. */
export interface WholeBuildBench {
  /** The briefing HTML files printed by both sides (the build also writes the edition PDF). */
  htmlFiles: string[];
  runs: number;
  /** The bare launch-and-print script. */
  bare: SideRuns;
  /** `briefing build --force` into a fresh output folder, PDFs included. */
  cold: SideRuns;
  /** `briefing build` again right after, nothing changed: for reference. */
  unchanged: SideRuns;
  /** `cold.ms.median / bare.ms.median`: the target, 1.25 at most. */
  ratio: number;
  /** Median of each round's cold / bare, less sensitive to drift in the machine's load. */
  pairedRatio: number;
  /** `unchanged.ms.median / bare.ms.median`. */
  unchangedRatio: number;
  /** The briefing HTML the build wrote, by file (for the PDF stage's bench). */
  htmls: Record<string, string>;
}

/**
 * Times `runs` rounds of (cold build, then unchanged rebuild) and of the bare script on the
 * sample corpus, after a warm-up run of each, alternating which goes first.
 */
export async function benchWholeBuild(
  corpus: Corpus,
  options: { runs: number; log: (line: string) => void },
): Promise<WholeBuildBench> {
  const dir = await makeTempDir('whole');
  const reference = path.join(dir, 'reference');
  const output = path.join(dir, 'output');
  const pdfs = path.join(dir, 'bare-pdfs');
  const args = ['--corpus', corpus.dir, '--date', BENCH_EDITION_DATE];
  try {
    await runBuild([...args, '--out', reference, '--force']);
    const htmlFiles = (await readdir(reference))
      .filter((file) => file.endsWith('.html') && file !== 'index.html')
      .sort();
    await mkdir(pdfs);
    const bare = () => runNode(BARE_PRINT, [reference, pdfs, ...htmlFiles]);
    const cold = async () => {
      await rm(output, { recursive: true, force: true });
      return runBuild([...args, '--out', output, '--force']);
    };
    await bare();
    const runs = { bare: [] as ChildRun[], cold: [] as ChildRun[], unchanged: [] as ChildRun[] };
    for (let round = 0; round < options.runs; round += 1) {
      if (round % 2 === 0) runs.bare.push(await bare());
      runs.cold.push(await cold());
      runs.unchanged.push(await runBuild([...args, '--out', output]));
      if (round % 2 === 1) runs.bare.push(await bare());
      const seconds = (list: ChildRun[]) => `${((list.at(-1)?.ms ?? 0) / 1000).toFixed(2)} s`;
      options.log(
        `round ${round + 1}: bare ${seconds(runs.bare)}, build ${seconds(runs.cold)}, ` +
          `unchanged ${seconds(runs.unchanged)}`,
      );
    }
    const [b, c, u] = [sideOf(runs.bare), sideOf(runs.cold), sideOf(runs.unchanged)];
    const htmls: Record<string, string> = {};
    for (const file of htmlFiles) htmls[file] = await readFile(path.join(reference, file), 'utf8');
    return {
      htmlFiles,
      runs: options.runs,
      bare: b,
      cold: c,
      unchanged: u,
      ratio: c.ms.median / b.ms.median,
      pairedRatio: median(runs.cold.map((run, i) => run.ms / runs.bare[i]!.ms)),
      unchangedRatio: u.ms.median / b.ms.median,
      htmls,
    };
  } finally {
    await removeTempDir(dir);
  }
}

function sideOf(runs: ChildRun[]): SideRuns {
  return {
    ms: spreadOf(runs.map((run) => run.ms)),
    nodeKb: peakOf(runs.map((run) => run.nodeKb)),
    chromiumKb: peakOf(runs.map((run) => run.childrenKb)),
  };
}
