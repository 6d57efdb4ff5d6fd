import type { DeclaredMeta } from '../../model.js';
import { lines, lineRange, mask, type Line, type Range } from '../mask.js';
import { capitalWords, titleCase, type Normalized } from './format.js';

const HEADER_LABELS = ['Identifier', 'Created', 'Classification', 'Origin'];
const PAGE_BREAK = /^\s*[A-Z][A-Z ]+\s\d{6,}\s+\d{3}\s+OF\s+\d{3}\s*$/;
const SECTION_LINE =
  /^\s*(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|C O N F I D E N T I A L|S E C R E T)\b.*SECTION\s+\d+\s+OF\s+\d+/;
const FIRST_PARAGRAPH = /^\s*1\.\s+(?:\([A-Z/]+\)\s*)?\S/;
const SUMMARY_TAG = /\b(?:End\s+)?Summary[:.]/g;

/** True when a text looks like a diplomatic cable (header block or telegram routing lines). */
export function isCable(text: string): boolean {
  const head = text.slice(0, 4000);
  const labels = HEADER_LABELS.every((label) => new RegExp(`^${label}\\s*$`, 'm').test(head));
  const pairs =
    /^(?:Reference ID|Identifier):\s*\S+/m.test(head) && /^Classification:\s*\S+/m.test(head);
  const telegram = /^SUBJECT:/m.test(head) && /^(?:E\.O\.|TAGS:|SIPDIS|FM )/m.test(head);
  return labels || pairs || telegram;
}

/**
 * Normalizes a diplomatic cable: reads its header (identifier, date, classification, origin,
 * subject, handling, signer) and masks everything that is not body text: the header block,
 * routing lines, repeated headers, page-break lines, `SIPDIS` and the signature.
 */
export function normalizeCable(text: string): Normalized {
  const all = lines(text);
  const bodyStart = all.find(
    (line) => FIRST_PARAGRAPH.test(line.text) && line.start > subjectEnd(all),
  );
  const bodyFrom = bodyStart?.start ?? 0;
  const header = all.filter((line) => line.end <= bodyFrom);
  const meta = readHeader(header, text.slice(bodyFrom));
  const ranges: Range[] = bodyFrom > 0 ? [[0, bodyFrom]] : [];
  const headings: Range[] = [];
  const body = all.filter((line) => line.start >= bodyFrom);
  for (const line of body) {
    if (
      PAGE_BREAK.test(line.text) ||
      SECTION_LINE.test(line.text) ||
      /^\s*SIPDIS\s*$/.test(line.text)
    ) {
      ranges.push(lineRange(line));
    }
  }
  const signer = findSigner(body);
  if (signer) {
    ranges.push(lineRange(signer));
    meta.author = titleCase(signer.text.trim());
  }
  ranges.push(...underlines(body, headings));
  for (const match of text.slice(bodyFrom).matchAll(SUMMARY_TAG)) {
    ranges.push([bodyFrom + match.index, bodyFrom + match.index + match[0].length]);
  }
  return { format: 'cable', text: mask(text, ranges), meta, headings, joinBrokenParagraphs: true };
}

function subjectEnd(all: Line[]): number {
  const subjects = all.filter((line) => /^SUBJECT:/.test(line.text));
  return subjects.length > 0 ? subjects[subjects.length - 1]!.start : -1;
}

function readHeader(header: Line[], body: string): DeclaredMeta {
  const meta: DeclaredMeta = {};
  const values = headerValues(header);
  const created = /^(\d{4}-\d{2}-\d{2})/.exec(values.get('Created') ?? '');
  if (created) {
    meta.date = created[1]!;
    meta.dateFrom = 'header';
  }
  const classification = values.get('Classification') ?? classificationLine(header);
  if (classification) meta.classification = classification;
  const origin =
    values.get('Origin') ?? /^FM\s+(.+)$/m.exec(header.map((l) => l.text).join('\n'))?.[1];
  if (origin) meta.source = origin.trim();
  const subject = readSubject(header, capitalWords(body));
  if (subject) meta.title = subject;
  const handling = readHandling(header);
  if (handling) meta.handling = handling;
  const identifier = values.get('Identifier');
  if (identifier) meta.tags = [identifier];
  return meta;
}

/** The `Identifier / Created / Classification / Origin` block: four labels, then four values. */
function headerValues(header: Line[]): Map<string, string> {
  const values = new Map<string, string>();
  // Also the one-line form: `Created: 2010-01-29 12:12`, `Reference ID: 10BEIJING247`.
  for (const line of header.slice(0, 12)) {
    const pair = /^\s*(Identifier|Reference ID|Created|Classification|Origin):\s*(\S.*)$/.exec(
      line.text,
    );
    if (pair) values.set(pair[1] === 'Reference ID' ? 'Identifier' : pair[1]!, pair[2]!.trim());
  }
  const at = header.findIndex((line) => line.text.trim() === HEADER_LABELS[0]);
  if (at === -1) return values;
  const labels = header.slice(at, at + HEADER_LABELS.length).map((l) => l.text.trim());
  if (labels.join() !== HEADER_LABELS.join()) return values;
  header.slice(at + HEADER_LABELS.length, at + 2 * HEADER_LABELS.length).forEach((line, i) => {
    values.set(HEADER_LABELS[i]!, line.text.trim());
  });
  return values;
}

function classificationLine(header: Line[]): string | undefined {
  const line = header.find((l) => SECTION_LINE.test(l.text));
  if (!line) return undefined;
  const word = line.text
    .trim()
    .split(/\s+SECTION/)[0]!
    .replace(/\s/g, '');
  return word === 'UNCLAS' ? 'UNCLASSIFIED' : word;
}

/** The SUBJECT line and its continuation lines, up to a blank line; the full title. */
function readSubject(header: Line[], acronyms: ReadonlySet<string>): string | undefined {
  const at = header.findIndex((line) => /^SUBJECT:/.test(line.text));
  if (at === -1) return undefined;
  const parts: string[] = [header[at]!.text.replace(/^SUBJECT:\s*/, '')];
  for (const line of header.slice(at + 1)) {
    if (line.text.trim() === '') break;
    parts.push(line.text.trim());
  }
  const subject = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (subject === '') return undefined;
  return subject === subject.toUpperCase() ? titleCase(subject, acronyms) : subject;
}

/** The handling paragraph (`(U) THIS DOCUMENT IS SENSITIVE BUT UNCLASSIFIED. …`), collapsed. */
function readHandling(header: Line[]): string | undefined {
  const at = header.findIndex((line) =>
    /^\s*\([A-Z/]+\)\s+THIS (?:DOCUMENT|CABLE|MESSAGE)\b/.test(line.text),
  );
  if (at !== -1) {
    const parts: string[] = [];
    for (const line of header.slice(at)) {
      if (line.text.trim() === '') break;
      parts.push(line.text.trim());
    }
    return parts
      .join(' ')
      .replace(/^\([A-Z/]+\)\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (header.some((line) => /^\s*SENSITIVE\s*$/.test(line.text)))
    return 'SENSITIVE BUT UNCLASSIFIED';
  const noforn = header.find((line) => /\bNOFORN\b/.test(line.text));
  return noforn ? 'NOFORN' : undefined;
}

/** The signer: a lone capitalised name on the last non-empty line. */
function findSigner(body: Line[]): Line | undefined {
  const last = [...body].reverse().find((line) => line.text.trim() !== '');
  if (!last) return undefined;
  return /^\s*[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+)?\s*$/.test(last.text) ? last : undefined;
}

/**
 * Cable section headings are underlined with dashes (often with a stray space). The dash line
 * is masked and the line above it recorded as a heading.
 */
function underlines(body: Line[], headings: Range[]): Range[] {
  const ranges: Range[] = [];
  body.forEach((line, i) => {
    if (!/^\s*-{3,}[- ]*$/.test(line.text)) return;
    ranges.push(lineRange(line));
    const above = body[i - 1];
    if (above && above.text.trim() !== '') headings.push(lineRange(above));
  });
  return ranges;
}
