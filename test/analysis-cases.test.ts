import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../src/ingest/ingest.js';
import { analyzeDocument } from '../src/analyze/analyze.js';
import { compileThemes } from '../src/analyze/score-themes.js';
import { loadConfig } from '../src/config/load-config.js';
import { fixture, root } from './helpers/paths.js';

/** What a case folder expects of its document's analysis (every field optional). */
interface Expected {
  file: string;
  title?: string;
  author?: string;
  handling?: string;
  themes?: string[];
  published?: string | null;
  publishedFrom?: string | null;
  entities?: { name: string; type: string }[];
  money?: { value: number; unit: string }[];
  sentences?: string[];
  paragraphs?: { label: string; marking?: string }[];
  noHeadings?: boolean;
}

const casesDir = fixture('analysis');
const cases = readdirSync(casesDir).sort();
const themes = compileThemes((await loadConfig({ cwd: root })).themes);

describe('analysis cases (test/fixtures/analysis/<case>/)', () => {
  it.each(cases)('%s', (name) => {
    const dir = path.join(casesDir, name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    const file = expected.file;
    const { document, messages } = ingestText(file, readFileSync(path.join(dir, input), 'utf8'));
    expect(messages).toEqual([]);
    const doc = analyzeDocument(document!, themes);
    if (expected.title) expect(doc.title).toBe(expected.title);
    if (expected.author) expect(doc.author).toBe(expected.author);
    if (expected.handling) expect(doc.handling).toBe(expected.handling);
    if (expected.themes) expect(doc.themes.map((t) => t.id)).toEqual(expected.themes);
    if (expected.published !== undefined) expect(doc.published).toBe(expected.published);
    if (expected.publishedFrom !== undefined)
      expect(doc.publishedFrom).toBe(expected.publishedFrom);
    for (const entity of expected.entities ?? []) {
      expect(doc.entities.map((e) => ({ name: e.name, type: e.type }))).toContainEqual(entity);
    }
    for (const money of expected.money ?? []) {
      expect(
        doc.figures
          .filter((f) => f.kind === 'money')
          .map((f) => ({ value: f.value, unit: f.unit })),
      ).toContainEqual(money);
    }
    if (expected.sentences) expect(doc.sentences.map((s) => s.text)).toEqual(expected.sentences);
    if (expected.paragraphs) {
      expect(
        doc.paragraphs.map((p) => ({
          label: p.label,
          ...(p.marking ? { marking: p.marking } : {}),
        })),
      ).toEqual(expected.paragraphs);
    }
    if (expected.noHeadings)
      expect(document!.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });
});
