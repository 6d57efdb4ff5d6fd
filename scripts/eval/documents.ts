import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledTheme } from '../../src/analyze/score-themes.js';
import type { DocumentSummary, Entity } from '../../src/model.js';
import { analyzeText, prf } from './analyze-text.js';

interface Label {
  file: string;
  published: string | null;
  themes: string[];
  people: string[];
  organizations: string[];
  places: string[];
  money: string[];
}

/** One document's outcome, for the detail table. */
export interface DocumentRow {
  file: string;
  themes: { expected: string[]; found: string[] };
  published: {
    expected: string | null;
    found: string | null;
    from: string | null;
    ok: boolean;
    invented: boolean;
  };
  money: { expected: number; found: number; missed: string[] };
}

/** Theme, date, money and entity-recall figures on the hand-labelled news pages. */
export interface DocumentResult {
  documents: number;
  themes: Record<string, { tp: number; fp: number; fn: number; p: number; r: number; f1: number }>;
  macroF1: number;
  offTheme: string[];
  dates: {
    stated: number;
    exact: number;
    unstated: number;
    nullOrEstimated: number;
    invented: number;
  };
  money: { expected: number; found: number; recall: number };
  entityRecall: Record<
    'people' | 'organizations' | 'places',
    { expected: number; found: number; recall: number }
  >;
  rows: DocumentRow[];
}

/** `international expansion` → `international-expansion`. */
const themeId = (label: string) => label.toLowerCase().replace(/\s+/g, '-');
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}$€£¥%.]+/gu, ' ')
    .trim();

/** Runs the analyzer on each labelled page and compares with its labels. */
export async function evaluateDocuments(
  dir: string,
  themes: CompiledTheme[],
): Promise<DocumentResult> {
  const labels = JSON.parse(await readFile(path.join(dir, 'labels.json'), 'utf8')) as Label[];
  const ids = themes.map((t) => t.theme.id);
  const themeCounts = Object.fromEntries(ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const dates = { stated: 0, exact: 0, unstated: 0, nullOrEstimated: 0, invented: 0 };
  const money = { expected: 0, found: 0 };
  const recall = {
    people: { expected: 0, found: 0 },
    organizations: { expected: 0, found: 0 },
    places: { expected: 0, found: 0 },
  };
  const offTheme: string[] = [];
  const rows: DocumentRow[] = [];
  for (const label of labels) {
    const doc = analyzeText(label.file, await readFile(path.join(dir, label.file), 'utf8'), themes);
    const found = doc?.themes.map((t) => t.id) ?? [];
    const expected = label.themes.map(themeId);
    for (const id of ids) {
      const c = themeCounts[id]!;
      if (found.includes(id) && expected.includes(id)) c.tp++;
      else if (found.includes(id)) c.fp++;
      else if (expected.includes(id)) c.fn++;
    }
    if (found.some((id) => !expected.includes(id)))
      offTheme.push(`${label.file}: ${found.filter((id) => !expected.includes(id)).join(', ')}`);
    const published = judgeDate(label.published, doc);
    if (label.published) {
      dates.stated++;
      if (published.ok) dates.exact++;
    } else {
      dates.unstated++;
      if (published.ok) dates.nullOrEstimated++;
    }
    if (published.invented) dates.invented++;
    const moneyFound = label.money.filter((m) => hasMoney(doc, m));
    money.expected += label.money.length;
    money.found += moneyFound.length;
    for (const key of ['people', 'organizations', 'places'] as const) {
      const type = ({ people: 'person', organizations: 'organization', places: 'place' } as const)[
        key
      ];
      recall[key].expected += label[key].length;
      recall[key].found += label[key].filter((name) => hasEntity(doc, type, name)).length;
    }
    rows.push({
      file: label.file,
      themes: { expected, found },
      published,
      money: {
        expected: label.money.length,
        found: moneyFound.length,
        missed: label.money.filter((m) => !moneyFound.includes(m)),
      },
    });
  }
  const themeResults = Object.fromEntries(
    Object.entries(themeCounts).map(([id, c]) => [id, { ...c, ...prf(c.tp, c.fp, c.fn) }]),
  );
  const macroF1 = Object.values(themeResults).reduce((s, t) => s + t.f1, 0) / ids.length;
  const withRecall = (x: { expected: number; found: number }) => ({
    ...x,
    recall: x.expected ? x.found / x.expected : 1,
  });
  return {
    documents: labels.length,
    themes: themeResults,
    macroF1,
    offTheme,
    dates,
    money: withRecall(money),
    entityRecall: {
      people: withRecall(recall.people),
      organizations: withRecall(recall.organizations),
      places: withRecall(recall.places),
    },
    rows,
  };
}

function judgeDate(expected: string | null, doc: DocumentSummary | null): DocumentRow['published'] {
  const found = doc?.published ?? null;
  const from = doc?.publishedFrom ?? null;
  if (expected) {
    const ok = found === expected && from !== 'estimated';
    return { expected, found, from, ok, invented: !ok && found !== null && from !== 'estimated' };
  }
  const ok = found === null || from === 'estimated';
  return { expected, found, from, ok, invented: !ok };
}

function hasMoney(doc: DocumentSummary | null, written: string): boolean {
  const target = norm(written);
  return (doc?.figures ?? []).some(
    (f) => f.kind === 'money' && (norm(f.text) === target || norm(f.text).includes(target)),
  );
}

function hasEntity(doc: DocumentSummary | null, type: Entity['type'], name: string): boolean {
  const target = norm(name);
  return (doc?.entities ?? []).some(
    (e) => e.type === type && [e.name, ...e.aliases].some((n) => norm(n) === target),
  );
}
