import { describe, expect, it } from 'vitest';
import type { Briefing } from '../src/model.js';
import { compileThemes } from '../src/analyze/score-themes.js';
import { composeBriefing } from '../src/compose/compose.js';
import { SAMPLE } from './helpers/paths.js';
import { sampleModel } from './helpers/sample-model.js';
import { citingItems } from './helpers/citing-items.js';

async function briefing(theme: string): Promise<Briefing> {
  const found = (await sampleModel()).briefings.find((b) => b.theme === theme);
  if (!found) throw new Error(`no briefing ${theme}`);
  return found;
}

/** Everything a reader of the briefing's items sees, as one text. */
const itemsText = (b: Briefing) =>
  [...b.bottomLine, ...b.developments].map((i) => i.text).join('\n') +
  '\n' +
  b.figures.map((f) => f.context).join('\n');

describe('compose: the sample corpus', () => {
  it('puts the USTR listing and Operation Cloud Sword in IP enforcement, and nothing off-theme', async () => {
    const b = await briefing('ip-enforcement');
    const text = itemsText(b);
    expect(text).toMatch(/Notorious Markets/);
    expect(text).toMatch(/Cloud Sword/);
    expect(b.documents).toEqual([SAMPLE.column.replace('.txt', '')]);
    expect(b.marking).toBeNull();
  });

  it('puts Japan, SingPost, Mexico and South Korea in International expansion', async () => {
    const text = itemsText(await briefing('international-expansion'));
    expect(text).toMatch(/data center in (Japan|Toyko)|services in Japan/);
    expect(text).toMatch(/SingPost|Singapore Post/);
    expect(text).toMatch(/Mexic/);
    expect(text).toMatch(/South Korea/);
  });

  it('puts Wang Yang’s courting and the Mexican programme in Government relations, with the cable’s marking', async () => {
    const b = await briefing('government-relations');
    const text = itemsText(b);
    expect(text).toMatch(/Wang/);
    expect(text).toMatch(/Mexic(o|an) government/);
    expect(b.marking?.banner).toBe('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(b.marking?.handling).toMatch(/SENSITIVE BUT UNCLASSIFIED/);
    expect([...b.bottomLine, ...b.developments].some((i) => i.marking === 'SBU')).toBe(true);
  });

  it('has a 3–5 point bottom line and developments in date order', async () => {
    for (const b of (await sampleModel()).briefings) {
      expect(b.bottomLine.length).toBeGreaterThanOrEqual(3);
      expect(b.bottomLine.length).toBeLessThanOrEqual(5);
      const dates = b.developments.map((d) => d.date).filter((d): d is string => d !== null);
      expect(dates).toEqual([...dates].sort());
      const undatedFrom = b.developments.findIndex((d) => d.date === null);
      if (undatedFrom !== -1)
        expect(b.developments.slice(undatedFrom).every((d) => d.date === null)).toBe(true);
    }
  });

  it('cites every item back to a real paragraph, numbered in reading order', async () => {
    const model = await sampleModel();
    for (const b of model.briefings) {
      expect(b.citations.map((c) => c.n)).toEqual(b.citations.map((_, i) => i + 1));
      for (const item of citingItems(b)) {
        expect(item.citations.length).toBeGreaterThan(0);
        for (const n of item.citations) {
          const citation = b.citations[n - 1]!;
          const doc = model.documents.find((d) => d.id === citation.document)!;
          expect(doc.paragraphs.some((p) => p.id === citation.paragraph)).toBe(true);
          expect(b.sources.flatMap((s) => s.passages).some((p) => p.n === n)).toBe(true);
        }
      }
      for (const item of [...b.bottomLine, ...b.developments]) {
        const citation = b.citations[item.citations[0]! - 1]!;
        const doc = model.documents.find((d) => d.id === citation.document)!;
        expect(doc.paragraphs.find((p) => p.id === citation.paragraph)!.text).toContain(
          item.text.slice(1),
        );
      }
    }
  });

  it('says a theme has no material instead of padding', async () => {
    const model = await sampleModel();
    const [compiled] = compileThemes([
      {
        id: 'space-launches',
        title: 'Space launches',
        description: 'Rockets and satellites.',
        signals: [{ terms: ['rocket*', 'satellite*', 'orbit*'], weight: 1, required: false }],
        sentenceScore: 1,
        minEvidence: 2,
      },
    ]);
    const b = composeBriefing(model.documents, compiled!, { editionDate: '2026-11-22' });
    expect(b.empty).toBe(true);
    expect(b.bottomLine).toEqual([]);
    expect(b.sources).toEqual([]);
    expect(b.headline).toMatch(/No material/);
  });
});

describe('compose: a large corpus', () => {
  it('cites only what the briefing shows, and keeps a briefing to a reader’s length', async () => {
    const { analyzeCorpus } = await import('../src/analyze-corpus.js');
    const { generateCorpus } = await import('../scripts/bench/generate-corpus.js');
    const { loadConfig } = await import('../src/config/load-config.js');
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'briefing-compose-large-'));
    try {
      await generateCorpus(path.join(dir, 'corpus'), 150, 7);
      const config = await loadConfig({
        cwd: path.resolve(import.meta.dirname, '..'),
        overrides: { corpus: path.join(dir, 'corpus'), output: path.join(dir, 'out') },
      });
      const model = await analyzeCorpus(config);
      for (const b of model.briefings) {
        expect(b.empty).toBe(false);
        const shown = new Set(citingItems(b).flatMap((item) => item.citations));
        expect([...shown].sort((x, y) => x - y)).toEqual(b.citations.map((c) => c.n));
        expect(b.figures.length).toBeLessThanOrEqual(12);
        expect(b.quotes.length).toBeLessThanOrEqual(6);
        expect(b.sources.length).toBeLessThanOrEqual(b.citations.length);
        expect(b.sources.length).toBeLessThan(60);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
