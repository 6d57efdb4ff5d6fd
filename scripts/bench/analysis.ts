import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestText } from '../../src/ingest/ingest.js';
import { analyzeDocument } from '../../src/analyze/analyze.js';
import type { CompiledTheme } from '../../src/analyze/score-themes.js';

/** Analysis throughput on real news text. */
export interface AnalysisBench {
  documents: number;
  megabytes: number;
  /** Seconds per run, one entry per run. */
  runs: number[];
  medianSeconds: number;
  megabytesPerSecond: number;
  documentsPerSecond: number;
  /** Median milliseconds for the same ten documents analyzed alone vs within the whole corpus. */
  perDocumentMs: { small: number; large: number };
}

/** News articles to analyze: the eval set's CNN/DailyMail articles, else the sample corpus. */
export async function newsTexts(root: string): Promise<string[]> {
  const sample = path.join(root, '..', 'shared', 'eval-dev', 'cnndm', 'sample.jsonl');
  const lines = await readFile(sample, 'utf8').then(
    (t) => t.split('\n').filter(Boolean),
    () => [],
  );
  if (lines.length > 0) return lines.map((l) => (JSON.parse(l) as { article: string }).article);
  const corpus = path.join(root, 'corpus');
  const { readdir } = await import('node:fs/promises');
  return Promise.all((await readdir(corpus)).map((f) => readFile(path.join(corpus, f), 'utf8')));
}

/** Repeats the texts into at least `bytes` of separate documents. */
export function corpusOf(texts: string[], bytes: number): { file: string; text: string }[] {
  const docs: { file: string; text: string }[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const text = texts[i % texts.length]!;
    docs.push({ file: `doc-${i}.txt`, text });
    size += Buffer.byteLength(text);
  }
  return docs;
}

function analyzeAll(docs: { file: string; text: string }[], themes: CompiledTheme[]): number[] {
  return docs.map(({ file, text }) => {
    const started = performance.now();
    const { document } = ingestText(file, text);
    if (document) analyzeDocument(document, themes);
    return performance.now() - started;
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Times ingest + analyze of about 1 MB of news, several runs, after a warm-up. */
export function benchAnalysis(texts: string[], themes: CompiledTheme[], runs = 3): AnalysisBench {
  const docs = corpusOf(texts, 1_000_000);
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  analyzeAll(docs.slice(0, 20), themes);
  const times: number[] = [];
  let perDoc: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    perDoc = analyzeAll(docs, themes);
    times.push((performance.now() - started) / 1000);
  }
  // The same ten documents alone: their cost must not depend on how many others there are.
  const alone = Math.min(...[0, 1, 2].map(() => median(analyzeAll(docs.slice(0, 10), themes))));
  const seconds = median(times);
  return {
    documents: docs.length,
    megabytes: bytes / 1e6,
    runs: times,
    medianSeconds: seconds,
    megabytesPerSecond: bytes / 1e6 / seconds,
    documentsPerSecond: docs.length / seconds,
    perDocumentMs: { small: alone, large: median(perDoc.slice(0, 10)) },
  };
}
