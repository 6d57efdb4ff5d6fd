import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/ingest.js';
import { analyzeDocument } from '../../src/analyze/analyze.js';
import { findDates, parseStatedDate } from '../../src/analyze/find-dates.js';
import { findFigures } from '../../src/analyze/find-figures.js';
import { compileThemes, type CompiledTheme } from '../../src/analyze/score-themes.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { SourceDocument } from '../../src/model.js';
import { root } from '../helpers/paths.js';
import { sentencesOf } from '../helpers/sentences.js';
import { anyText, documentPath, pathAndText } from './arbitraries.js';
import { holds, summaryProblems } from './well-formed.js';

let themes: CompiledTheme[];
let themeIds: string[];

beforeAll(async () => {
  const config = await loadConfig({ cwd: root });
  themes = compileThemes(config.themes);
  themeIds = config.themes.map((t) => t.id);
});

/** Analyzes what ingest made of the text (if anything) and lists what is ill-formed. */
function analyzeProblems(path: string, text: string): string[] {
  const { document } = ingestText(path, text);
  if (!document) return [];
  return problemsOf(document);
}

function problemsOf(document: SourceDocument): string[] {
  const summary = analyzeDocument(document, themes);
  const problems = summaryProblems(document, summary, themeIds);
  const json = JSON.parse(JSON.stringify(summary)) as unknown;
  try {
    expect(json).toStrictEqual(summary);
  } catch {
    problems.push('the summary does not round-trip through JSON');
  }
  return problems;
}

describe('property: analyzeDocument', () => {
  it('never throws on any string and returns a well-formed summary', () => {
    fc.assert(
      fc.property(documentPath, anyText, (path, text) => holds(analyzeProblems(path, text))),
      { numRuns: 300 },
    );
  });

  it('never throws on generated documents and returns a well-formed summary', () => {
    fc.assert(
      fc.property(pathAndText, ([path, text]) => holds(analyzeProblems(path, text))),
      { numRuns: 300 },
    );
  });

  // Counterexamples the properties found, kept as regressions.
  it('reads no publication date from an ISO-shaped non-date (2018-13-40)', () => {
    expect(parseStatedDate('2018-13-40')).toBeNull();
    expect(parseStatedDate('2019-02-29')).toBeNull();
    expect(parseStatedDate('2020-02-29')).toBe('2020-02-29');
    const { document } = ingestText('doc.md', '---\ndate: 2018-13-40\n---\nThe?');
    expect(analyzeDocument(document!, themes)).toMatchObject({
      published: null,
      publishedFrom: null,
    });
  });

  it('writes the year of a date in four digits (0999-12-31)', () => {
    const text = 'date 20108-25 You are here 0999-12-31 the';
    expect(findDates(sentencesOf(text), null)).toEqual([
      { sentence: 1, date: '0999-12-31', text: '0999-12-31' },
    ]);
  });

  it('derives a title from words, not from a sentence of punctuation', () => {
    const { document } = ingestText('doc.md', '!');
    expect(analyzeDocument(document!, themes)).toMatchObject({
      title: 'doc.md',
      titleFrom: 'derived',
    });
    const { document: marked } = ingestText('doc.md', '(Reuters).\n\nPrices rose in Mexico.');
    expect(analyzeDocument(marked!, themes).title).toBe('Prices rose in Mexico');
  });

  it('states no figure whose value overflows a double ($9…9 billion)', () => {
    const text = `It cost $${'9'.repeat(305)} billion and then $5 billion.`;
    const figures = findFigures(text, sentencesOf(text));
    expect(figures.map((f) => [f.text, f.value])).toEqual([['$5 billion', 5e9]]);
    const wide = `Between $${'9'.repeat(300)} and 10 trillion.`;
    for (const figure of findFigures(wide, sentencesOf(wide)))
      expect(Number.isFinite(figure.value)).toBe(true);
  });
});
