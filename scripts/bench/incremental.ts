/**
 * Incremental builds: how long a cold build, an unchanged rebuild and a rebuild after one
 * document changed take, in one process, and which output files each of them touched.
 */
import { appendFile, cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/build.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { ConfigOverrides, ResolvedConfig } from '../../src/config/resolve-config.js';
import { ingestText } from '../../src/ingest/ingest.js';
import { analyzeDocument } from '../../src/analyze/analyze.js';
import { compileThemes } from '../../src/analyze/score-themes.js';
import { generateCorpus } from './generate-corpus.js';
import { isHidden, snapshot, touched } from './output-snapshot.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The edition date every measured build uses, so that runs are comparable. */
export const BENCH_EDITION_DATE = '2026-11-22';

/** One kind of build over all runs: wall times of `build()` and the output files it touched. */
export interface BuildTimes {
  /** Milliseconds per run, in the order run. */
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Files under the output folder added, removed, rewritten or replaced, per run. */
  touched: number[];
  /** Of those, files outside hidden folders (what a reader sees; not the cache), per run. */
  touchedVisible: number[];
  /** Files under the output folder after the last run. */
  files: number;
  /** Up to ten files the last run touched. */
  touchedExamples: string[];
  /** What the build reported it did in the last run (array lengths of its `work`), if anything. */
  work?: Record<string, number>;
}

/** What {@link benchIncremental} measured. */
export interface IncrementalBench {
  /** Generated documents; 0 for the sample corpus. */
  documents: number;
  corpusFiles: number;
  corpusBytes: number;
  /** The document changed between builds, relative to the corpus (one that covers a theme). */
  changedDocument: string;
  pdf: boolean;
  runs: number;
  /** Whether the resolved config carried the `force` override (false until the CLI has it). */
  forceHonoured: boolean;
  /** Fresh output folder and `force: true`. */
  cold: BuildTimes;
  /** The same corpus again, nothing changed. */
  unchanged: BuildTimes;
  /** After a sentence was appended to one document. */
  changed: BuildTimes;
  /** `unchanged.medianMs / cold.medianMs` (budget: 0.1). */
  unchangedShare: number;
  /** `changed.medianMs / cold.medianMs`. */
  changedShare: number;
}

/**
 * Builds a corpus (the sample corpus when `documents` is 0, else that many generated
 * documents) in a temp folder `runs` times each way: cold (output folder deleted, `force`),
 * unchanged, and with one document changed; all with the edition date fixed.
 */
export async function benchIncremental(options: {
  documents: number;
  pdf: boolean;
  runs?: number;
}): Promise<IncrementalBench> {
  const runs = options.runs ?? 3;
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-bench-incremental-'));
  const corpus = path.join(dir, 'corpus');
  const output = path.join(dir, 'output');
  try {
    if (options.documents === 0) await cp(path.join(root, 'corpus'), corpus, { recursive: true });
    else await generateCorpus(corpus, options.documents);
    const files = await listFiles(corpus);
    const overrides = { corpus, output, pdf: options.pdf, editionDate: BENCH_EDITION_DATE };
    const cold = await loadConfig({ cwd: root, overrides: forced(overrides, true) });
    const warm = await loadConfig({ cwd: root, overrides: forced(overrides, false) });
    const target = await changeTarget(corpus, files, warm);
    const times = { cold: new Recorder(), unchanged: new Recorder(), changed: new Recorder() };
    for (let run = 0; run < runs; run += 1) {
      await rm(output, { recursive: true, force: true });
      await times.cold.measure(cold, output);
      await times.unchanged.measure(warm, output);
      await appendFile(target, `\n${changeSentence(run)}\n`);
      await times.changed.measure(warm, output);
    }
    const [c, u, ch] = [times.cold.result(), times.unchanged.result(), times.changed.result()];
    let bytes = 0;
    for (const file of files) bytes += (await readFile(path.join(corpus, file))).length;
    return {
      documents: options.documents,
      corpusFiles: files.length,
      corpusBytes: bytes,
      changedDocument: path.relative(corpus, target),
      pdf: options.pdf,
      runs,
      forceHonoured: (cold as { force?: unknown }).force === true,
      cold: c,
      unchanged: u,
      changed: ch,
      unchangedShare: u.medianMs / c.medianMs,
      changedShare: ch.medianMs / c.medianMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The overrides with `force`, which `ConfigOverrides` gains with the build cache. */
function forced(overrides: ConfigOverrides, force: boolean): ConfigOverrides {
  return { ...overrides, force } as ConfigOverrides;
}

/** A sentence to append to the changed document, different on every run. */
function changeSentence(run: number): string {
  const day = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][run % 5]!;
  return `On ${day}, the company said it would expand its overseas sales team by ${10 + run} people.`;
}

/** Collects the times and touched files of one kind of build. */
class Recorder {
  private readonly ms: number[] = [];
  private readonly touched: number[] = [];
  private readonly visible: number[] = [];
  private files = 0;
  private examples: string[] = [];
  private work: Record<string, number> | undefined;

  async measure(config: ResolvedConfig, output: string): Promise<void> {
    const before = await snapshot(output);
    const started = performance.now();
    const result = await build(config);
    this.ms.push(performance.now() - started);
    const after = await snapshot(output);
    const changed = touched(before, after);
    this.touched.push(changed.length);
    this.visible.push(changed.filter((file) => !isHidden(file)).length);
    this.files = after.size;
    this.examples = changed.slice(0, 10);
    this.work = workOf(result);
  }

  result(): BuildTimes {
    const sorted = [...this.ms].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return {
      runs: this.ms,
      medianMs:
        sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2,
      minMs: sorted[0]!,
      maxMs: sorted.at(-1)!,
      touched: this.touched,
      touchedVisible: this.visible,
      files: this.files,
      touchedExamples: this.examples,
      ...(this.work ? { work: this.work } : {}),
    };
  }
}

/** The sizes of the lists in a build result's `work` report, where the build gives one. */
function workOf(result: object): Record<string, number> | undefined {
  const work = (result as { work?: unknown }).work;
  if (!work || typeof work !== 'object') return undefined;
  const sizes: Record<string, number> = {};
  for (const [key, value] of Object.entries(work)) {
    if (Array.isArray(value)) sizes[key] = value.length;
    else if (typeof value === 'number') sizes[key] = value;
  }
  return sizes;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else out.push(relative);
  }
  return out.sort();
}

/**
 * The document to change: the first that is not a cable (appending after a cable's signer is
 * odd) and that covers a theme, so that the change reaches a briefing (and its PDF).
 */
async function changeTarget(
  corpus: string,
  files: string[],
  config: ResolvedConfig,
): Promise<string> {
  const themes = compileThemes(config.themes);
  for (const file of files) {
    const { document } = ingestText(file, await readFile(path.join(corpus, file), 'utf8'));
    if (!document || document.format === 'cable') continue;
    if (analyzeDocument(document, themes).themes.length > 0) return path.join(corpus, file);
  }
  return path.join(corpus, files[0]!);
}
