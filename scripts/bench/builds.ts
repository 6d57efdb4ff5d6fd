/**
 * Builds as the user runs them: `node dist/cli.js build` as a child process, cold (fresh output
 * folder, `--force`), unchanged (the same again) and one changed (a sentence appended to one
 * document), timed from spawn to exit, with the peak memory of Node and of Chromium and the
 * output files each build touched.
 */
import { appendFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus, CorpusSize } from './corpora.js';
import { isHidden, snapshot, touched } from './output-snapshot.js';
import { runBuild, runNode, type ChildRun } from './run-child.js';
import { peakOf, spreadOf, type Spread } from './stats.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';

const BARE_SCAN = path.join(import.meta.dirname, 'bare-scan.mjs');
const WARM_REBUILDS = path.join(import.meta.dirname, 'warm-rebuilds.mjs');

/** The edition date every measured build uses, so that runs are comparable. */
export const BENCH_EDITION_DATE = '2026-11-22';

/** One kind of build (cold, unchanged or one changed) over all its runs. */
export interface BuildKind {
  /** Wall time from spawn to exit, ms. */
  ms: Spread;
  /** Peak RSS of the Node process, KB, the largest over runs. */
  nodeKb: number | null;
  /** Peak summed PSS of Chromium's processes, KB, the largest over runs (0: none started). */
  chromiumKb: number | null;
  /** Files under the output folder added, removed, rewritten or replaced, per run. */
  touched: number[];
  /** Of those, files outside hidden folders (what a reader sees; not the cache), per run. */
  touchedVisible: number[];
  /** Files under the output folder after the last run. */
  files: number;
  /** Up to ten files the last run touched. */
  touchedExamples: string[];
}

/** One corpus built one way (HTML only or with PDFs). */
export interface BuildCase {
  size: CorpusSize;
  corpusFiles: number;
  corpusBytes: number;
  /** The document changed between builds, relative to the corpus. */
  changedDocument: string;
  pdf: boolean;
  cold: BuildKind;
  unchanged: BuildKind;
  changed: BuildKind;
  /** The floor of a rebuild: Node started, every document read and hashed (bare-scan.mjs), ms. */
  scanMs: Spread;
  /**
   * One changed, rebuilt by a process that keeps running (`briefing watch`, `serve`), with the
   * analyzer already loaded in its threads (warm-rebuilds.mjs), ms.
   */
  watching: Spread;
}

/**
 * Builds `corpus` into a fresh output folder: `coldRuns` cold builds, each followed by an
 * unchanged and a one-changed build; then unchanged and one-changed builds alone until there are
 * `runs` of each (a cold build of 10,000 documents takes long).
 */
export async function benchBuilds(
  corpus: Corpus,
  options: { pdf: boolean; runs: number; coldRuns: number; log: (line: string) => void },
): Promise<BuildCase> {
  const dir = await makeTempDir('build');
  const output = path.join(dir, 'output');
  const args = ['--corpus', corpus.dir, '--out', output, '--date', BENCH_EDITION_DATE];
  if (!options.pdf) args.push('--no-pdf');
  const kinds = { cold: new Recorder(), unchanged: new Recorder(), changed: new Recorder() };
  const scans: number[] = [];
  let watching: Spread;
  try {
    for (let run = 0; run < Math.max(options.runs, options.coldRuns); run += 1) {
      if (run < options.coldRuns) {
        await rm(output, { recursive: true, force: true });
        await kinds.cold.measure(output, () => runBuild([...args, '--force']));
        options.log(`cold ${kinds.cold.last()}`);
      }
      await kinds.unchanged.measure(output, () => runBuild(args));
      scans.push((await runNode(BARE_SCAN, [corpus.dir])).ms);
      await appendFile(path.join(corpus.dir, corpus.changeTarget), `\n${changeSentence(run)}\n`);
      await kinds.changed.measure(output, () => runBuild(args));
      options.log(
        `unchanged ${kinds.unchanged.last()}, one changed ${kinds.changed.last()}, ` +
          `read + hash ${(scans.at(-1)! / 1000).toFixed(2)} s`,
      );
    }
    const warm = await runNode(WARM_REBUILDS, [
      corpus.dir,
      output,
      path.join(corpus.dir, corpus.changeTarget),
      String(options.runs),
      ...(options.pdf ? [] : ['--no-pdf']),
    ]);
    watching = spreadOf(
      (JSON.parse(warm.stdout.trim().split('\n').at(-1)!) as { ms: number[] }).ms,
    );
    options.log(`one changed, in a running process: ${(watching.median / 1000).toFixed(2)} s`);
  } finally {
    await removeTempDir(dir);
  }
  return {
    size: corpus.size,
    corpusFiles: corpus.files.length,
    corpusBytes: corpus.bytes,
    changedDocument: corpus.changeTarget,
    pdf: options.pdf,
    cold: kinds.cold.result(),
    unchanged: kinds.unchanged.result(),
    changed: kinds.changed.result(),
    scanMs: spreadOf(scans),
    watching,
  };
}

/** A sentence to append to the changed document, different on every run. */
function changeSentence(run: number): string {
  const day = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][run % 5]!;
  return `On ${day}, the company said it would expand its overseas sales team by ${10 + run} people.`;
}

/** Collects the runs and touched files of one kind of build. */
class Recorder {
  private readonly runs: ChildRun[] = [];
  private readonly touched: number[] = [];
  private readonly visible: number[] = [];
  private files = 0;
  private examples: string[] = [];

  async measure(output: string, build: () => Promise<ChildRun>): Promise<void> {
    const before = await snapshot(output);
    this.runs.push(await build());
    const after = await snapshot(output);
    const changed = touched(before, after);
    this.touched.push(changed.length);
    this.visible.push(changed.filter((file) => !isHidden(file)).length);
    this.files = after.size;
    this.examples = changed.slice(0, 10);
  }

  /** The last run's time, for progress lines. */
  last(): string {
    return `${((this.runs.at(-1)?.ms ?? 0) / 1000).toFixed(2)} s`;
  }

  result(): BuildKind {
    return {
      ms: spreadOf(this.runs.map((run) => run.ms)),
      nodeKb: peakOf(this.runs.map((run) => run.nodeKb)),
      chromiumKb: peakOf(this.runs.map((run) => run.childrenKb)),
      touched: this.touched,
      touchedVisible: this.visible,
      files: this.files,
      touchedExamples: this.examples,
    };
  }
}
