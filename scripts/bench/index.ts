/**
 * `npm run bench`: measures what the performance issue sets targets for and writes BENCHMARKS.md
 * (and benchmarks.json). Builds are timed as users run them, `node dist/cli.js build` in a
 * child process, so run `npm run build` first. Absolute times on a shared machine are noisy:
 * compare figures measured side by side in one run. Env knobs: see options.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findBrowser } from '../../src/print/find-browser.js';
import { loadAssets, referencedBy } from '../../src/render/assets.js';
import { newsCorpus } from './analysis.js';
import { benchBuilds, type BuildCase } from './builds.js';
import { prepareCorpus, sizeLabel, type Corpus, type CorpusSize } from './corpora.js';
import { benchMail } from './mail.js';
import { benchOptions, LARGE } from './options.js';
import { benchPdf } from './pdf.js';
import { benchmarksMarkdown, type BenchResults } from './report.js';
import { root } from './run-child.js';
import { checkTargets } from './targets.js';
import { benchThroughput, type ThroughputBench } from './throughput.js';
import { removeTempDirs } from './temp-dirs.js';
import { benchWholeBuild } from './whole-build.js';

const started = performance.now();
/** Prints a progress line with the time since the bench started. */
const log = (line: string) =>
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void removeTempDirs().finally(() => process.exit(130)));

const options = benchOptions();
if (!existsSync(path.join(root, 'dist', 'cli.js')))
  throw new Error('dist/cli.js is missing: run `npm run build` before `npm run bench`.');
log(
  `sizes ${options.sizes.join(', ')}; runs: builds ${options.buildRuns}, cold at ` +
    `${LARGE.toLocaleString('en')} ${options.largeRuns}, analysis ${options.analysisRuns}, ` +
    `whole build ${options.wholeRuns}, PDF rounds ${options.pdfRounds}, mail ${options.mailRuns}`,
);

try {
  const corpora = new Map<CorpusSize, Corpus>();
  const corpusOf = async (size: CorpusSize) => {
    if (!corpora.has(size)) {
      log(`Preparing the ${sizeLabel(size)}…`);
      corpora.set(size, await prepareCorpus(size));
    }
    return corpora.get(size)!;
  };

  log('Whole sample build with PDFs vs a bare launch-and-print script…');
  const { htmls, ...whole } = await benchWholeBuild(await corpusOf('sample'), {
    runs: options.wholeRuns,
    log: (line) => log(`  whole build: ${line}`),
  });

  log('PDF stage per briefing vs bare setContent + pdf…');
  const pages = Object.values(htmls);
  const pdf = await benchPdf(pages, referencedBy(await loadAssets(), pages), options.pdfRounds);
  log(`  PDF stage: ${pdf.printMs.toFixed(0)} ms vs bare ${pdf.bareMs.toFixed(0)} ms`);

  const throughput: ThroughputBench[] = [];
  log('Analysis throughput: news text…');
  throughput.push(
    await benchThroughput(await newsCorpus(root), {
      runs: options.analysisRuns,
      log: (line) => log(`  analysis (news): ${line}`),
    }),
  );
  const generated = options.sizes.filter((size): size is number => size !== 'sample');
  if (generated.length > 0) {
    const largest = await corpusOf(Math.max(...generated));
    log(`Analysis throughput: ${sizeLabel(largest.size)}…`);
    const generatedText = {
      label: sizeLabel(largest.size),
      dir: largest.dir,
      documents: largest.files.length,
      bytes: largest.bytes,
    };
    throughput.push(
      await benchThroughput(generatedText, {
        runs: largest.files.length >= LARGE ? options.largeRuns : options.analysisRuns,
        log: (line) => log(`  analysis (${largest.size}): ${line}`),
      }),
    );
  }

  const builds: BuildCase[] = [];
  for (const size of options.sizes) {
    const corpus = await corpusOf(size);
    const large = size !== 'sample' && size >= LARGE;
    for (const withPdf of [false, true]) {
      const label = `${sizeLabel(size)}, ${withPdf ? 'PDFs' : 'HTML only'}`;
      log(`Builds: ${label}…`);
      builds.push(
        await benchBuilds(corpus, {
          pdf: withPdf,
          runs: options.buildRuns,
          coldRuns: large ? options.largeRuns : options.buildRuns,
          log: (line) => log(`  ${label}: ${line}`),
        }),
      );
    }
  }

  let mail = null;
  if (options.mailRuns > 0) {
    log('Email distribution: 1,000 messages to a loopback SMTP server…');
    mail = await benchMail({ runs: options.mailRuns });
  }

  const largestThroughput = throughput.length > 1 ? throughput.at(-1)! : null;
  const results: BenchResults = {
    machine: await machineLine(),
    date: new Date().toISOString().slice(0, 10),
    options,
    targets: checkTargets({ whole, pdf, throughput: largestThroughput, builds, mail }),
    whole,
    pdf,
    throughput,
    builds,
    mail,
  };
  await writeFile(path.join(root, 'benchmarks.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(root, 'BENCHMARKS.md'), benchmarksMarkdown(results));
  for (const t of results.targets)
    log(`${t.met === null ? '–' : t.met ? '✓' : '✗'} ${t.target}: ${t.measured}`);
  log('Wrote BENCHMARKS.md and benchmarks.json.');
} finally {
  await removeTempDirs();
}

/** Cores, memory, Node and Chromium versions. */
async function machineLine(): Promise<string> {
  let browser = 'Chromium unknown';
  try {
    const { executablePath } = await findBrowser();
    const version = execFileSync(executablePath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    browser = /(Chromium|Chrome) [\d.]+/.exec(version)?.[0] ?? version.trim();
  } catch {
    // The version is only for the record.
  }
  return (
    `${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Node ${process.version}, ${browser}`
  );
}
