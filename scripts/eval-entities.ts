/**
 * Measures findEntities on the development data (never tunes on it):
 * CoNLL-2003 exact-span P/R/F1 for PER/ORG/LOC, and name-level P/R against the
 * hand-labelled news pages. Usage: `npx tsx scripts/eval-entities.ts [shared/eval-dev]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../src/analyze/find-entities.js';
import type { Entity, Sentence } from '../src/model.js';
import { sentencesOf as simpleSentences } from '../test/helpers/sentences.js';

type Tag = 'PER' | 'ORG' | 'LOC';
const TAGS: Tag[] = ['PER', 'ORG', 'LOC'];
const TYPE_TAG: Record<Entity['type'], Tag> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface ConllDoc {
  text: string;
  sentences: Sentence[];
  /** `start:end:TAG` character spans of the gold entities. */
  gold: Set<string>;
}

function parseConll(raw: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  for (const chunk of raw.split(/^-DOCSTART-.*$/m)) {
    const doc = parseDoc(chunk);
    if (doc.sentences.length) docs.push(doc);
  }
  return docs;
}

function parseDoc(chunk: string): ConllDoc {
  const doc: ConllDoc = { text: '', sentences: [], gold: new Set() };
  for (const block of chunk.split(/\n\s*\n/)) {
    const rows = block
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.split(' '));
    if (!rows.length) continue;
    const start = doc.text.length;
    let open: { start: number; end: number; tag: string } | null = null;
    const close = (): void => {
      if (open && TAGS.includes(open.tag as Tag))
        doc.gold.add(`${open.start}:${open.end}:${open.tag}`);
      open = null;
    };
    rows.forEach(([word = '', , , ner = 'O'], i) => {
      const at = doc.text.length + (i > 0 ? 1 : 0);
      doc.text += (i > 0 ? ' ' : '') + word;
      const [bio, tag] = ner.split('-');
      if (ner === 'O' || bio === 'B' || (open && open.tag !== tag)) close();
      if (ner === 'O' || !tag) return;
      if (open) open.end = at + word.length;
      else open = { start: at, end: at + word.length, tag };
    });
    close();
    doc.sentences.push({
      id: doc.sentences.length + 1,
      text: doc.text.slice(start),
      start,
      end: doc.text.length,
      paragraph: doc.sentences.length + 1,
    });
    doc.text += '\n';
  }
  return doc;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function prf(c: Counts): string {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
}

function evalConll(dir: string, verbose: boolean): void {
  const docs = parseConll(readFileSync(join(dir, 'conll/test-part.txt'), 'utf8'));
  const counts = new Map<string, Counts>(
    ['PER', 'ORG', 'LOC', 'all'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]),
  );
  const t0 = performance.now();
  for (const doc of docs) {
    const pred = new Set<string>();
    for (const e of findEntities(doc.text, doc.sentences))
      for (const m of e.mentions) pred.add(`${m.start}:${m.end}:${TYPE_TAG[e.type]}`);
    for (const key of new Set([...pred, ...doc.gold])) {
      const tag = key.split(':')[2] ?? '';
      const kind = pred.has(key) ? (doc.gold.has(key) ? 'tp' : 'fp') : 'fn';
      for (const t of [tag, 'all']) (counts.get(t) as Counts)[kind]++;
      if (verbose && kind !== 'tp') {
        const [s, e] = key.split(':').map(Number);
        console.log(kind, tag, JSON.stringify(doc.text.slice(s, e)));
      }
    }
  }
  console.log(`CoNLL (${docs.length} docs, ${(performance.now() - t0).toFixed(0)} ms)`);
  for (const [t, c] of counts) console.log(`  ${t.padEnd(4)} ${prf(c)}`);
}

interface Labels {
  file: string;
  people: string[];
  organizations: string[];
  places: string[];
}

function evalNews(dir: string, verbose: boolean): void {
  const labels = JSON.parse(readFileSync(join(dir, 'news/labels.json'), 'utf8')) as Labels[];
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const l of labels) {
    const text = readFileSync(join(dir, 'news', l.file), 'utf8');
    const ents = findEntities(text, simpleSentences(text));
    const gold: [string, Entity['type']][] = [
      ...l.people.map((n): [string, Entity['type']] => [n, 'person']),
      ...l.organizations.map((n): [string, Entity['type']] => [n, 'organization']),
      ...l.places.map((n): [string, Entity['type']] => [n, 'place']),
    ];
    const norm = (s: string): string => s.toLowerCase().replace(/[’']/g, "'");
    const names = (e: Entity): string[] => [e.name, ...e.aliases].map(norm);
    const matched = new Set<Entity>();
    for (const [name, type] of gold) {
      const hit = ents.find((e) => e.type === type && names(e).includes(norm(name)));
      if (hit) {
        c.tp++;
        matched.add(hit);
      } else {
        c.fn++;
        if (verbose) console.log('fn', l.file, type, name);
      }
    }
    for (const e of ents.filter((x) => !matched.has(x))) {
      c.fp++;
      if (verbose) console.log('fp', l.file, e.type, e.name);
    }
  }
  console.log(`News (${labels.length} docs, entity level, type must match)\n  all  ${prf(c)}`);
}

const dir = process.argv.find((a, i) => i >= 2 && !a.startsWith('-')) ?? '../shared/eval-dev';
const verbose = process.argv.includes('-v');
evalConll(dir, verbose);
evalNews(dir, verbose);
