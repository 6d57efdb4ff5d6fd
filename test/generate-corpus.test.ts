import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, generateDocument } from '../scripts/bench/generate-corpus.js';
import { ingestText } from '../src/ingest/ingest.js';
import { analyzeDocument } from '../src/analyze/analyze.js';
import { compileThemes, type CompiledTheme } from '../src/analyze/score-themes.js';
import { loadConfig } from '../src/config/load-config.js';
import type { DocumentSummary } from '../src/model.js';

const COUNT = 40;

async function readCorpus(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}

async function generated(count: number, seed: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-generate-'));
  const result = await generateCorpus(dir, count, seed);
  return { result, files: await readCorpus(dir) };
}

let themes: CompiledTheme[];
let corpus: Awaited<ReturnType<typeof generated>>;

beforeAll(async () => {
  themes = compileThemes(
    (await loadConfig({ cwd: path.resolve(import.meta.dirname, '..') })).themes,
  );
  corpus = await generated(COUNT, 1);
});

function analyze(relative: string): DocumentSummary {
  const { document, messages } = ingestText(relative, corpus.files.get(relative)!.toString('utf8'));
  expect(messages).toEqual([]);
  if (!document) throw new Error(`${relative} was not ingested`);
  return analyzeDocument(document, themes);
}

const under = (folder: string) =>
  [...corpus.files.keys()].filter((file) => file.startsWith(`${folder}${path.sep}`));

describe('generateCorpus: a seeded, deterministic corpus', () => {
  it('writes the number of files asked for, over sub-folders, about 3 KB each', () => {
    expect(corpus.result.files).toBe(COUNT);
    expect(corpus.files.size).toBe(COUNT);
    const bytes = [...corpus.files.values()].reduce((sum, body) => sum + body.length, 0);
    expect(corpus.result.bytes).toBe(bytes);
    expect(bytes / COUNT).toBeGreaterThan(2500);
    expect(bytes / COUNT).toBeLessThan(3600);
    const folders = new Set([...corpus.files.keys()].map((file) => file.split(path.sep)[0]));
    expect([...folders].sort()).toEqual(['cables', 'news', 'web']);
    expect(under('news').every((file) => file.endsWith('.md'))).toBe(true);
  });

  it('gives byte-identical files for the same seed and count, different ones for another seed', async () => {
    const again = await generated(COUNT, 1);
    expect([...again.files.keys()].sort()).toEqual([...corpus.files.keys()].sort());
    for (const [file, body] of corpus.files) expect(again.files.get(file)!.equals(body)).toBe(true);
    const other = await generated(COUNT, 2);
    const same = [...other.files].filter(([file, body]) => corpus.files.get(file)?.equals(body));
    expect(same).toHaveLength(0);
    expect(generateDocument(7, 1)).toEqual(generateDocument(7, 1));
  });
});

describe('generated documents, read by the real ingest and analysis', () => {
  it('cables are recognised as cables, with their header, subject and handling', () => {
    const cables = under('cables');
    expect(cables.length).toBeGreaterThan(3);
    for (const file of cables) {
      const text = corpus.files.get(file)!.toString('utf8');
      const { document } = ingestText(file, text);
      expect(document?.format).toBe('cable');
      expect(document!.meta.date).toBe(/^Created\n(?:.*\n){3}(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1]);
      expect(document!.meta.classification).toBe('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
      expect(document!.meta.handling).toMatch(/^THIS DOCUMENT IS SENSITIVE BUT UNCLASSIFIED/);
      expect(document!.meta.title?.length).toBeGreaterThan(10);
      expect(document!.blocks.some((b) => b.marking === 'SBU')).toBe(true);
      const body = document!.blocks.map((b) => b.text).join('\n');
      expect(body).not.toMatch(/SIPDIS|UNCLAS SECTION|VZCZCXRO|E\.O\. 12958|\d{3} OF 002/);
    }
  });

  it('reads the Markdown front matter (title, date, source) and the web articles’ page date', () => {
    for (const file of under('news')) {
      const text = corpus.files.get(file)!.toString('utf8');
      const summary = analyze(file);
      expect(summary.format).toBe('markdown');
      expect(summary.published).toBe(/^date: (\d{4}-\d{2}-\d{2})$/m.exec(text)?.[1]);
      expect(summary.publishedFrom).toBe('front-matter');
      expect(summary.titleFrom).toBe('declared');
      expect(summary.source).toBe(/^source: (.+)$/m.exec(text)?.[1]);
    }
    for (const file of under('web')) {
      const summary = analyze(file);
      expect(summary.format).toBe('web-article');
      expect(summary.published).toBe(
        /date (\d{4}-\d{2}-\d{2}) You are here/.exec(corpus.files.get(file)!.toString('utf8'))?.[1],
      );
    }
  });

  it('finds the themes each document was written about, with people, places, money and quotes', () => {
    let agree = 0;
    let withMoney = 0;
    const found = new Set<string>();
    const sizes = { none: 0, one: 0, two: 0 };
    for (let index = 0; index < COUNT; index += 1) {
      const document = generateDocument(index, 1);
      const summary = analyze(document.path.split('/').join(path.sep));
      const detected = summary.themes.map((theme) => theme.id);
      detected.forEach((id) => found.add(id));
      sizes[(['none', 'one', 'two'] as const)[document.themes.length]!] += 1;
      // The leading theme is always found; a second one may fall under the 60% share.
      if (document.themes.every((id) => detected.includes(id))) agree += 1;
      expect(detected.every((id) => document.themes.includes(id))).toBe(true);
      expect(summary.entities.some((e) => e.type === 'organization')).toBe(true);
      expect(summary.entities.some((e) => e.type === 'place')).toBe(true);
      if (summary.figures.some((f) => f.kind === 'money')) withMoney += 1;
    }
    expect(withMoney / COUNT).toBeGreaterThan(0.8);
    expect(agree / COUNT).toBeGreaterThan(0.7);
    expect(found).toEqual(
      new Set(['international-expansion', 'government-relations', 'ip-enforcement']),
    );
    expect(Object.values(sizes).every((n) => n > 0)).toBe(true);
    const summaries = Array.from({ length: 8 }, (_, i) =>
      analyze(generateDocument(i, 1).path.split('/').join(path.sep)),
    );
    const people = summaries.flatMap((s) => s.entities.filter((e) => e.type === 'person'));
    expect(
      people.some((p) =>
        /^(?:Zhang|Wang|Li|Liu|Chen|Yang|Zhao|Huang|Zhou|Wu|Xu|Sun|Hu|Zhu|Gao|Lin|Guo|Luo|Tang|Deng) /.test(
          p.name,
        ),
      ),
    ).toBe(true);
    const quotes = summaries.flatMap((s) => s.quotes);
    expect(quotes.length).toBeGreaterThan(5);
    expect(quotes.filter((q) => q.speaker !== null).length / quotes.length).toBeGreaterThan(0.8);
    const money = summaries.flatMap((s) => s.figures.filter((f) => f.kind === 'money'));
    expect(new Set(money.map((f) => f.unit))).toContain('CNY');
    expect(summaries.some((s) => s.figures.some((f) => f.kind === 'percent'))).toBe(true);
    expect(summaries.every((s) => s.dates.length > 0 || s.published !== null)).toBe(true);
  });
});
