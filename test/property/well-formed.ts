/**
 * What "well-formed" means for the model's stages, as checks that list every problem found
 * (an empty list is a pass), so a property failure says exactly which invariant broke.
 */
import type {
  DocumentSummary,
  Message,
  SourceDocument,
  Block,
  CorpusModel,
} from '../../src/model.js';
import { citingItems } from '../helpers/citing-items.js';

/** Fails with the problems listed, so fast-check prints them beside the counterexample. */
export function holds(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.slice(0, 20).join('\n'));
}

const FORMATS = ['markdown', 'text', 'cable', 'web-article'];
const PUBLISHED_FROM = ['front-matter', 'header', 'dateline', 'text', 'estimated', null];
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date. */
export function isModelDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

const isInt = (n: unknown): n is number => Number.isInteger(n);

/** Problems with a range `[start, end)` that must lie inside a text of `length`. */
function rangeProblems(what: string, start: unknown, end: unknown, length: number): string[] {
  if (!isInt(start) || !isInt(end)) return [`${what}: non-integer offsets ${start}..${end}`];
  if (start < 0 || end > length || start > end)
    return [`${what}: offsets ${start}..${end} outside [0, ${length}] or reversed`];
  return [];
}

/** Problems with the messages a stage reports about `file`. */
export function messageProblems(messages: Message[], file: string): string[] {
  const problems: string[] = [];
  for (const m of messages) {
    if (m.severity !== 'error' && m.severity !== 'warning')
      problems.push(`message severity ${m.severity}`);
    if (m.file !== file) problems.push(`message names ${m.file}, not ${file}`);
    if (typeof m.code !== 'string' || m.code === '') problems.push('message without a code');
    if (typeof m.reason !== 'string' || m.reason === '') problems.push('message without a reason');
    if (m.line !== undefined && (!isInt(m.line) || m.line < 1))
      problems.push(`message line ${m.line}`);
  }
  return problems;
}

/**
 * Where a block's character may sit in the original text: on the same character, or inside
 * the character reference (`&copy;`, `&#169;`) or backslash escape that writes it. CommonMark
 * reads U+0000 as U+FFFD.
 */
function writtenAt(original: string, offset: number, char: string): boolean {
  if (original[offset] === char) return true;
  if (char === '\uFFFD' && original[offset] === '\0') return true;
  const around = original.slice(Math.max(0, offset - 12), offset + 12);
  return /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);|\\/i.test(around);
}

/** Problems with one block of a document whose original text is `original`. */
export function blockProblems(block: Block, original: string, index: number): string[] {
  const what = `block ${index}`;
  const problems: string[] = [];
  if (block.kind !== 'paragraph' && block.kind !== 'heading')
    problems.push(`${what}: kind ${block.kind}`);
  if (typeof block.text !== 'string' || block.text === '')
    return [...problems, `${what}: empty text`];
  if (/^\s|\s$|\s\s|[^\S ]/.test(block.text))
    problems.push(`${what}: whitespace not collapsed in ${JSON.stringify(block.text)}`);
  problems.push(...rangeProblems(what, block.start, block.end, original.length));
  const { offsets } = block;
  if (!Array.isArray(offsets) || offsets.length !== block.text.length + 1)
    return [
      ...problems,
      `${what}: ${offsets?.length} offsets for ${block.text.length} characters + 1`,
    ];
  if (offsets[0] !== block.start || offsets[offsets.length - 1] !== block.end)
    problems.push(`${what}: start/end ${block.start}..${block.end} differ from its offsets`);
  offsets.forEach((offset, i) => {
    if (!isInt(offset) || offset < 0 || offset > original.length)
      problems.push(`${what}: offset[${i}] = ${offset} outside [0, ${original.length}]`);
    else if (i > 0 && offset < offsets[i - 1]!)
      problems.push(`${what}: offset[${i}] = ${offset} goes back from ${offsets[i - 1]}`);
    const char = block.text[i];
    if (char !== undefined && char !== ' ' && !writtenAt(original, offset, char))
      problems.push(
        `${what}: character ${JSON.stringify(char)} at ${i} maps to ${JSON.stringify(original[offset])} at ${offset}`,
      );
  });
  for (const key of ['label', 'marking'] as const)
    if (block[key] !== undefined && (typeof block[key] !== 'string' || block[key] === ''))
      problems.push(`${what}: ${key} ${block[key]}`);
  return problems;
}

/** Problems with what `ingestText(path, text)` returned. */
export function ingestProblems(
  path: string,
  text: string,
  result: { document: SourceDocument | null; messages: Message[] },
): string[] {
  const problems = messageProblems(result.messages, path);
  const doc = result.document;
  if (!doc) {
    if (!result.messages.some((m) => m.severity === 'error'))
      problems.push('no document and no error message');
    return problems;
  }
  if (doc.text !== text) problems.push('document text differs from the input');
  if (doc.path !== path) problems.push(`document path ${doc.path}`);
  if (!/^[a-z0-9_-]+$/.test(doc.id)) problems.push(`document id ${JSON.stringify(doc.id)}`);
  if (!FORMATS.includes(doc.format)) problems.push(`format ${doc.format}`);
  problems.push(...metaProblems(doc.meta));
  if (!doc.blocks.some((b) => b.kind === 'paragraph'))
    problems.push('a document without paragraphs');
  doc.blocks.forEach((block, i) => {
    problems.push(...blockProblems(block, text, i));
    const previous = doc.blocks[i - 1];
    if (previous && block.start < previous.start)
      problems.push(
        `block ${i} starts at ${block.start}, before block ${i - 1} (${previous.start})`,
      );
  });
  return problems;
}

function metaProblems(meta: SourceDocument['meta']): string[] {
  const problems: string[] = [];
  for (const key of ['title', 'source', 'author', 'classification', 'handling'] as const)
    if (meta[key] !== undefined && typeof meta[key] !== 'string')
      problems.push(`meta.${key} ${meta[key]}`);
  if (meta.date !== undefined && !isModelDate(meta.date)) problems.push(`meta.date ${meta.date}`);
  if (meta.date !== undefined && meta.dateFrom === undefined)
    problems.push('meta.date without dateFrom');
  if (
    meta.tags !== undefined &&
    !(Array.isArray(meta.tags) && meta.tags.every((t) => typeof t === 'string'))
  )
    problems.push(`meta.tags ${JSON.stringify(meta.tags)}`);
  return problems;
}

/** Problems with a value that must survive JSON: no undefined, NaN, Infinity or non-plain objects. */
export function jsonProblems(value: unknown, at = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${at} is ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonProblems(v, `${at}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.entries(value).flatMap(([k, v]) => jsonProblems(v, `${at}.${k}`));
  return [`${at} is ${value === undefined ? 'undefined' : typeof value}`];
}

/** Problems with the summary `analyzeDocument(doc, themes)` returned. */
export function summaryProblems(
  doc: SourceDocument,
  summary: DocumentSummary,
  themeIds: readonly string[],
): string[] {
  const length = doc.text.length;
  const problems = jsonProblems(summary);
  if (summary.id !== doc.id || summary.path !== doc.path || summary.format !== doc.format)
    problems.push('id, path or format differ from the document');
  if (typeof summary.title !== 'string' || summary.title.trim() === '')
    problems.push(`title ${JSON.stringify(summary.title)}`);
  if (summary.titleFrom !== (doc.meta.title ? 'declared' : 'derived'))
    problems.push(
      `titleFrom ${summary.titleFrom} for meta.title ${JSON.stringify(doc.meta.title)}`,
    );
  if (summary.published !== null && !isModelDate(summary.published))
    problems.push(`published ${summary.published}`);
  if (!PUBLISHED_FROM.includes(summary.publishedFrom))
    problems.push(`publishedFrom ${summary.publishedFrom}`);
  if ((summary.published === null) !== (summary.publishedFrom === null))
    problems.push(`published ${summary.published} from ${summary.publishedFrom}`);

  summary.paragraphs.forEach((p, i) => {
    if (p.id !== i + 1) problems.push(`paragraph ${i} has id ${p.id}`);
    if (typeof p.label !== 'string' || p.label === '') problems.push(`paragraph ${p.id}: label`);
    problems.push(...rangeProblems(`paragraph ${p.id}`, p.start, p.end, length));
  });
  const paragraphs = new Map(summary.paragraphs.map((p) => [p.id, p]));

  const sentences = new Map(summary.sentences.map((s) => [s.id, s]));
  summary.sentences.forEach((s, i) => {
    const what = `sentence ${s.id}`;
    if (s.id !== i + 1) problems.push(`sentence ${i} has id ${s.id}`);
    if (typeof s.text !== 'string' || s.text.trim() === '') problems.push(`${what}: empty text`);
    problems.push(...rangeProblems(what, s.start, s.end, length));
    if (s.start >= s.end) problems.push(`${what}: empty range ${s.start}..${s.end}`);
    const previous = summary.sentences[i - 1];
    if (previous && s.start < previous.end)
      problems.push(
        `${what} (${s.start}..${s.end}) overlaps or precedes ${previous.id} (..${previous.end})`,
      );
    const p = paragraphs.get(s.paragraph);
    if (!p) problems.push(`${what}: no paragraph ${s.paragraph}`);
    else if (s.start < p.start || s.end > p.end)
      problems.push(
        `${what} (${s.start}..${s.end}) outside paragraph ${p.id} (${p.start}..${p.end})`,
      );
    const first = s.text.charAt(0);
    if (first !== '' && !writtenAt(doc.text, s.start, first))
      problems.push(
        `${what}: starts with ${JSON.stringify(first)}, text has ${JSON.stringify(doc.text[s.start])}`,
      );
  });

  /**
   * A reference to a sentence, with an optional range that must lie inside the text and start
   * inside the sentence (a quote may run on into the next sentences).
   */
  const inSentence = (what: string, id: number, start?: number, end?: number, within = true) => {
    const s = sentences.get(id);
    if (!s) return [`${what}: no sentence ${id}`];
    if (start === undefined || end === undefined) return [];
    const range = rangeProblems(what, start, end, length);
    if (range.length > 0) return range;
    if (start < s.start || (within ? end > s.end : start > s.end))
      return [`${what} (${start}..${end}) not in sentence ${id} (${s.start}..${s.end})`];
    return [];
  };

  const keys = summary.keySentences;
  if (new Set(keys).size !== keys.length) problems.push(`keySentences repeat: ${keys}`);
  for (const id of keys) if (!sentences.has(id)) problems.push(`keySentences: no sentence ${id}`);

  summary.entities.forEach((e, i) => {
    const what = `entity ${i} ${JSON.stringify(e.name)}`;
    if (typeof e.name !== 'string' || e.name.trim() === '') problems.push(`${what}: empty name`);
    if (!['person', 'organization', 'place'].includes(e.type))
      problems.push(`${what}: type ${e.type}`);
    if (!e.aliases.every((a) => typeof a === 'string')) problems.push(`${what}: aliases`);
    if (e.mentions.length === 0) problems.push(`${what}: no mentions`);
    for (const m of e.mentions) {
      problems.push(...inSentence(`${what} mention`, m.sentence, m.start, m.end));
      if (m.start >= m.end) problems.push(`${what}: empty mention ${m.start}..${m.end}`);
    }
  });
  summary.figures.forEach((f, i) => {
    const what = `figure ${i} ${JSON.stringify(f.text)}`;
    if (!['money', 'percent', 'count'].includes(f.kind)) problems.push(`${what}: kind ${f.kind}`);
    if (typeof f.unit !== 'string') problems.push(`${what}: unit ${f.unit}`);
    problems.push(...inSentence(what, f.sentence, f.start, f.end));
    if (doc.text.slice(f.start, f.end) !== f.text)
      problems.push(`${what}: not the text at ${f.start}..${f.end}`);
  });
  summary.quotes.forEach((q, i) => {
    const what = `quote ${i}`;
    if (typeof q.text !== 'string' || q.text === '') problems.push(`${what}: empty text`);
    if (q.speaker !== null && (typeof q.speaker !== 'string' || q.speaker === ''))
      problems.push(`${what}: speaker ${q.speaker}`);
    problems.push(...inSentence(what, q.sentence, q.start, q.end, false));
  });
  summary.dates.forEach((d, i) => {
    problems.push(...inSentence(`date ${i}`, d.sentence));
    if (!isModelDate(d.date)) problems.push(`date ${i}: ${d.date}`);
  });
  const themeSeen = new Set<string>();
  for (const t of summary.themes) {
    if (!themeIds.includes(t.id) || themeSeen.has(t.id))
      problems.push(`theme ${t.id} unknown or repeated`);
    themeSeen.add(t.id);
    if (!Number.isFinite(t.score) || t.score < 0 || t.score > 1)
      problems.push(`theme ${t.id}: score ${t.score}`);
    if (new Set(t.evidence).size !== t.evidence.length)
      problems.push(`theme ${t.id}: evidence repeats`);
    for (const id of t.evidence)
      if (!sentences.has(id)) problems.push(`theme ${t.id}: no sentence ${id}`);
  }
  return problems;
}

/** Problems with a corpus model: every citation points at an existing document and paragraph. */
export function modelProblems(model: CorpusModel): string[] {
  const problems = jsonProblems(model);
  const documents = new Map(model.documents.map((d) => [d.id, d]));
  if (documents.size !== model.documents.length) problems.push('document ids repeat');
  for (const b of model.briefings) {
    const what = `briefing ${b.theme}`;
    const numbers = new Set(b.citations.map((c) => c.n));
    b.citations.forEach((c, i) => {
      if (c.n !== i + 1) problems.push(`${what}: citation ${i} numbered ${c.n}`);
      const doc = documents.get(c.document);
      const paragraph = doc?.paragraphs.find((p) => p.id === c.paragraph);
      if (!doc) problems.push(`${what}: citation [${c.n}] to missing document ${c.document}`);
      else if (!paragraph)
        problems.push(`${what}: citation [${c.n}] to missing ${c.document} ¶${c.paragraph}`);
      else if (paragraph.label !== c.label)
        problems.push(`${what}: citation [${c.n}] label ${c.label}`);
    });
    for (const item of citingItems(b)) {
      if (item.citations.length === 0) problems.push(`${what}: an item without citations`);
      for (const n of item.citations)
        if (!numbers.has(n)) problems.push(`${what}: cites [${n}], not listed`);
    }
    for (const id of b.documents)
      if (!documents.has(id)) problems.push(`${what}: missing document ${id}`);
    for (const source of b.sources) {
      if (!documents.has(source.document))
        problems.push(`${what}: source ${source.document} missing`);
      for (const passage of source.passages)
        if (!numbers.has(passage.n))
          problems.push(`${what}: passage [${passage.n}] not a citation`);
    }
    if (b.empty !== (b.documents.length === 0)) problems.push(`${what}: empty is ${b.empty}`);
  }
  return problems;
}
