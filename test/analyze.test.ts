import { describe, expect, it } from 'vitest';
import { SAMPLE } from './helpers/paths.js';
import { sampleDocument, sampleModel } from './helpers/sample-model.js';
import { sentenceRanges } from '../src/analyze/split-sentences.js';
import { publishedDate } from '../src/analyze/published-date.js';
import type { Sentence } from '../src/model.js';

const sentence = (text: string, id = 1): Sentence => ({
  id,
  text,
  start: 0,
  end: text.length,
  paragraph: 1,
});

describe('analyze: sentences', () => {
  it('splits around abbreviations, acronyms and quotes', () => {
    const split = (t: string) => sentenceRanges(t).map(([a, b]) => t.slice(a, b));
    expect(
      split('Ms. Luo met Mr. Alvarez of Wal-Mart Inc. in the U.S. capital. They talked.'),
    ).toEqual(['Ms. Luo met Mr. Alvarez of Wal-Mart Inc. in the U.S. capital.', 'They talked.']);
    expect(split('He moved to the U.S. The firm followed.')).toEqual([
      'He moved to the U.S.',
      'The firm followed.',
    ]);
    expect(split('"It is costly. But it pays," he said. Shares rose 1.44% to $85.81.')).toEqual([
      '"It is costly. But it pays," he said.',
      'Shares rose 1.44% to $85.81.',
    ]);
  });

  it.each(Object.values(SAMPLE))(
    '%s: every sentence points into the original text',
    async (file) => {
      const doc = await sampleDocument(file);
      const { readFile } = await import('node:fs/promises');
      const { corpus } = await import('./helpers/paths.js');
      const original = await readFile(`${corpus}/${file}`, 'utf8');
      expect(doc.sentences.length).toBeGreaterThan(5);
      for (const s of doc.sentences) {
        const slice = original.slice(s.start, s.end);
        expect(slice.charAt(0)).toBe(s.text.charAt(0));
        expect(slice.charAt(slice.length - 1)).toBe(s.text.charAt(s.text.length - 1));
        expect(s.text.split(' ')[0]).toBe(slice.split(/\s+/)[0]);
        expect(
          doc.paragraphs.some((p) => p.id === s.paragraph && p.start <= s.start && s.end <= p.end),
        ).toBe(true);
      }
      expect([...doc.keySentences].sort((a, b) => a - b)).toEqual(doc.sentences.map((s) => s.id));
    },
  );
});

describe('analyze: publication date', () => {
  it('reads declared dates and never invents one', async () => {
    expect(await sampleDocument(SAMPLE.cable)).toMatchObject({
      published: '2008-05-16',
      publishedFrom: 'header',
    });
    expect(await sampleDocument(SAMPLE.mexico)).toMatchObject({
      published: '2018-08-25',
      publishedFrom: 'header',
    });
    expect(await sampleDocument(SAMPLE.column)).toMatchObject({
      published: '2017',
      publishedFrom: 'estimated',
    });
    expect(await sampleDocument(SAMPLE.korea)).toMatchObject({
      published: null,
      publishedFrom: null,
    });
  });

  it('reads a dateline or a stated date, and ignores future years when estimating', () => {
    expect(publishedDate({}, 'May 22, 2023\nHeadline here\n\nBody.', [])).toEqual({
      published: '2023-05-22',
      publishedFrom: 'dateline',
    });
    expect(publishedDate({}, 'Body text.\nPublished on March 3, 2015 by the desk.', [])).toEqual({
      published: '2015-03-03',
      publishedFrom: 'text',
    });
    const sentences = [
      sentence('Sales grew in 2019.'),
      sentence('The market will reach $5 billion by 2030.', 2),
    ];
    expect(publishedDate({}, '', sentences)).toEqual({
      published: '2019',
      publishedFrom: 'estimated',
    });
  });
});

describe('analyze: titles', () => {
  it('keeps declared titles and derives one from the lead when there is no headline', async () => {
    expect((await sampleDocument(SAMPLE.cable)).titleFrom).toBe('declared');
    for (const file of [SAMPLE.column, SAMPLE.korea]) {
      const doc = await sampleDocument(file);
      expect(doc.titleFrom).toBe('derived');
      expect(doc.title.split(/\s+/).length).toBeLessThanOrEqual(20);
      expect(doc.title).toMatch(/^[A-Z]/);
    }
    expect((await sampleDocument(SAMPLE.column)).title).toMatch(
      /^The Office of the U\.S\. Trade Representative/,
    );
  });
});

describe('analyze: themes', () => {
  it('lists the themes each sample document substantively covers', async () => {
    const themes = async (file: string) => (await sampleDocument(file)).themes.map((t) => t.id);
    expect(await themes(SAMPLE.cable)).toContain('government-relations');
    expect(await themes(SAMPLE.column)).toEqual(
      expect.arrayContaining(['ip-enforcement', 'international-expansion']),
    );
    expect(await themes(SAMPLE.mexico)).toEqual(
      expect.arrayContaining(['government-relations', 'international-expansion']),
    );
    expect(await themes(SAMPLE.korea)).toContain('international-expansion');
    for (const file of [SAMPLE.cable, SAMPLE.mexico, SAMPLE.korea])
      expect(await themes(file)).not.toContain('ip-enforcement');
  });

  it('gives evidence as sentence ids of the document', async () => {
    const model = await sampleModel();
    for (const doc of model.documents) {
      for (const theme of doc.themes) {
        expect(theme.evidence.length).toBeGreaterThanOrEqual(2);
        expect(theme.score).toBeGreaterThan(0);
        expect(theme.score).toBeLessThanOrEqual(1);
        for (const id of theme.evidence) expect(doc.sentences.some((s) => s.id === id)).toBe(true);
      }
    }
  });
});

describe('analyze: entities, figures and quotes in the model', () => {
  it('finds the cable’s people, organisations, places and sums', async () => {
    const doc = await sampleDocument(SAMPLE.cable);
    const names = (type: string) => doc.entities.filter((e) => e.type === type).map((e) => e.name);
    expect(names('person')).toEqual(expect.arrayContaining(['Wang Yang', 'Luo Yun']));
    expect(names('organization')).toContain('Alibaba');
    expect(names('place')).toEqual(expect.arrayContaining(['Guangdong', 'Guangzhou']));
    expect(doc.figures).toContainEqual(
      expect.objectContaining({ kind: 'money', value: 200_000_000, unit: 'USD' }),
    );
    expect(doc.quotes).toContainEqual(
      expect.objectContaining({ text: expect.stringContaining('will prosper in Guangdong') }),
    );
  });
});
