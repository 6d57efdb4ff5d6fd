import type { BuildTimes, IncrementalBench } from './incremental.js';

/** One measured case of the incremental benchmark, with the label its table row shows. */
export interface IncrementalCase {
  label: string;
  bench: IncrementalBench;
}

const ms = (times: BuildTimes): string =>
  times.runs.length > 1
    ? `${times.medianMs.toFixed(0)} (${times.minMs.toFixed(0)}–${times.maxMs.toFixed(0)})`
    : times.medianMs.toFixed(0);

const touchedFiles = (times: BuildTimes): string =>
  `${Math.max(...times.touchedVisible)}+${Math.max(...times.touched) - Math.max(...times.touchedVisible)}`;

/** The "Incremental builds" section of BENCHMARKS.md. */
export function incrementalSection(cases: IncrementalCase[], skipped: string[]): string {
  const rows = cases.map(({ label, bench }) => {
    const share = bench.unchangedShare * 100;
    return (
      `| ${label} | ${bench.runs} | ${ms(bench.cold)} | ${ms(bench.unchanged)} | ` +
      `${share.toFixed(1)}% ${share <= 10 ? '✓' : '✗'} | ${ms(bench.changed)} | ` +
      `${touchedFiles(bench.cold)} / ${touchedFiles(bench.unchanged)} / ${touchedFiles(bench.changed)} |`
    );
  });
  return `## Incremental builds

\`build()\` timed in one process, edition date fixed, each case in a fresh temp folder: **cold**
(output folder deleted, \`force\`), then **unchanged** (the same corpus again), then **one changed**
(a sentence appended to one document that covers a theme); repeated for the runs shown.
Milliseconds, median (min–max). Files touched: those under the output folder added, removed,
rewritten or replaced (inode, size or mtime), as visible files + hidden ones (the cache), the most
in any run. The generated corpus is \`scripts/bench/generate-corpus.ts\` (seed 1): news Markdown,
saved web articles and cables of about 3 KB each.

| corpus | runs | cold ms | unchanged ms | unchanged / cold (≤ 10%) | one changed ms | files touched: cold / unchanged / changed |
|---|---|---|---|---|---|---|
${rows.join('\n')}
${skipped.length > 0 ? `\nNot run by default: ${skipped.join('; ')}.\n` : ''}`;
}
