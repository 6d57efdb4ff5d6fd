import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledTheme } from '../../src/analyze/score-themes.js';
import type { Entity } from '../../src/model.js';
import { analyzeText, prf } from './analyze-text.js';

const TAGS = ['PER', 'ORG', 'LOC'] as const;
type Tag = (typeof TAGS)[number];
const TAG_OF: Record<Entity['type'], Tag> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/** Per-type and micro precision/recall/F1 over exact spans. */
export interface EntityResult {
  documents: number;
  byType: Record<Tag, { tp: number; fp: number; fn: number; p: number; r: number; f1: number }>;
  micro: { tp: number; fp: number; fn: number; p: number; r: number; f1: number };
}

interface ConllDocument {
  text: string;
  /** `start:end:TAG` */
  gold: Set<string>;
}

/** Reads CoNLL-2003 (IOB1): one document per `-DOCSTART-`, tokens joined by spaces, one sentence a line. */
export function parseConll(raw: string): ConllDocument[] {
  return raw
    .split(/^-DOCSTART-.*$/m)
    .map(parseDocument)
    .filter((doc) => doc.text.trim() !== '');
}

function parseDocument(chunk: string): ConllDocument {
  const lines: string[] = [];
  const gold = new Set<string>();
  let offset = 0;
  for (const block of chunk.split(/\n\s*\n/)) {
    const rows = block
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.split(' '));
    if (rows.length === 0) continue;
    let line = '';
    let open: { start: number; end: number; tag: string } | null = null;
    const close = () => {
      if (open && (TAGS as readonly string[]).includes(open.tag))
        gold.add(`${open.start}:${open.end}:${open.tag}`);
      open = null;
    };
    for (const [word = '', , , ner = 'O'] of rows) {
      const at = offset + line.length + (line ? 1 : 0);
      line += (line ? ' ' : '') + word;
      const [bio, tag] = ner.split('-');
      if (ner === 'O' || bio === 'B' || (open && open.tag !== tag)) close();
      if (ner === 'O' || !tag) continue;
      if (open) open.end = at + word.length;
      else open = { start: at, end: at + word.length, tag };
    }
    close();
    lines.push(line);
    offset += line.length + 1;
  }
  return { text: lines.join('\n'), gold };
}

/** Runs the analyzer on each CoNLL document and scores its entity mentions by exact span. */
export async function evaluateEntities(
  dir: string,
  themes: CompiledTheme[],
): Promise<EntityResult> {
  const docs = parseConll(await readFile(path.join(dir, 'test-part.txt'), 'utf8'));
  const counts = Object.fromEntries(TAGS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Tag,
    { tp: number; fp: number; fn: number }
  >;
  docs.forEach((doc, i) => {
    const summary = analyzeText(`conll-${i + 1}.txt`, doc.text, themes);
    const found = new Set<string>();
    for (const entity of summary?.entities ?? []) {
      for (const m of entity.mentions) found.add(`${m.start}:${m.end}:${TAG_OF[entity.type]}`);
    }
    for (const key of found) counts[key.split(':')[2] as Tag][doc.gold.has(key) ? 'tp' : 'fp']++;
    for (const key of doc.gold) if (!found.has(key)) counts[key.split(':')[2] as Tag].fn++;
  });
  const byType = Object.fromEntries(
    TAGS.map((t) => [t, { ...counts[t], ...prf(counts[t].tp, counts[t].fp, counts[t].fn) }]),
  ) as EntityResult['byType'];
  const total = TAGS.reduce(
    (s, t) => ({ tp: s.tp + counts[t].tp, fp: s.fp + counts[t].fp, fn: s.fn + counts[t].fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return {
    documents: docs.length,
    byType,
    micro: { ...total, ...prf(total.tp, total.fp, total.fn) },
  };
}
