import type { Sentence } from '../../model.js';

/** A quoted stretch of text between a pair of quotation marks. */
export interface QuoteSpan {
  /** Offset of the opening mark in the text. */
  open: number;
  /** Offset of the closing mark, or where the quote stops when its mark never comes. */
  close: number;
  /** True when the quote has no closing mark but goes on in the next quote (a new paragraph). */
  continues: boolean;
}

type MarkType = 'double' | 'single';
type MarkRole = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  type: MarkType;
  role: MarkRole;
}

const OPEN_CONTEXT = /[\s([{\-—–/“‘"']/u;
const CLOSE_CONTEXT = /[\s.,;:!?)\]}\-—–…”’"']/u;

/**
 * Pairs the quotation marks inside the sentence ranges of each paragraph: curly and straight,
 * double and single, nested quotes folded into the outer one. A quote left open when a new one
 * starts a sentence, or when its paragraph ends and the next opens with a quote, is closed
 * there and marked as continuing (the news convention for quotes of several paragraphs).
 */
export function findQuoteSpans(text: string, sorted: readonly Sentence[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const paragraphs = groupByParagraph(sorted);
  paragraphs.forEach((paragraph, p) => {
    const next = paragraphs[p + 1];
    const nextOpensQuote = next !== undefined && opensWithQuote(text, next[0]!);
    spans.push(...pairMarks(text, paragraph, nextOpensQuote));
  });
  return spans;
}

function groupByParagraph(sorted: readonly Sentence[]): Sentence[][] {
  const groups: Sentence[][] = [];
  for (const sentence of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.paragraph === sentence.paragraph) last.push(sentence);
    else groups.push([sentence]);
  }
  return groups;
}

function opensWithQuote(text: string, sentence: Sentence): boolean {
  const first = /\S/.exec(text.slice(sentence.start, sentence.end));
  if (!first) return false;
  const mark = classify(text, sentence.start + first.index);
  return mark !== null && mark.role !== 'close';
}

/** How many stray opening marks one paragraph may have before its quotes are given up. */
const MAX_RETRIES = 8;

/**
 * Pairs a paragraph's marks. An opening mark left unclosed at the end (an apostrophe read as a
 * quote, a typo) would swallow the quotes after it, so the pairing is redone without it.
 */
function pairMarks(text: string, paragraph: Sentence[], nextOpensQuote: boolean): QuoteSpan[] {
  const skip = new Set<number>();
  for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
    const { spans, unclosed } = pairOnce(text, paragraph, skip);
    if (unclosed === null) return spans;
    const last = paragraph[paragraph.length - 1]!;
    if (nextOpensQuote) return [...spans, { open: unclosed, close: last.end, continues: true }];
    skip.add(unclosed);
  }
  return [];
}

function pairOnce(
  text: string,
  paragraph: Sentence[],
  skip: Set<number>,
): { spans: QuoteSpan[]; unclosed: number | null } {
  const spans: QuoteSpan[] = [];
  const stack: Mark[] = [];
  for (const sentence of paragraph) {
    for (let i = sentence.start; i < sentence.end; i++) {
      const mark = skip.has(i) ? null : classify(text, i);
      if (!mark) continue;
      const openIndex = findLast(stack, mark.type);
      const closes = mark.role === 'close' || (mark.role === 'either' && openIndex >= 0);
      if (closes) {
        if (openIndex < 0) continue;
        stack.length = openIndex + 1;
        const opener = stack.pop()!;
        if (stack.length === 0) spans.push({ open: opener.at, close: i, continues: false });
        continue;
      }
      // A quote of the same kind opening a new sentence while one is open: the open one
      // was a paragraph of a longer quote whose closing mark the writer left out.
      if (openIndex >= 0 && startsSentence(text, sentence, i)) {
        spans.push({ open: stack[0]!.at, close: i, continues: true });
        stack.length = 0;
      }
      stack.push(mark);
    }
  }
  return { spans, unclosed: stack[0]?.at ?? null };
}

function findLast(stack: Mark[], type: MarkType): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.type === type) return k;
  return -1;
}

function startsSentence(text: string, sentence: Sentence, at: number): boolean {
  const before = text.slice(sentence.start, at);
  return /^\s*$/.test(before) || /[.!?:]\s+$/.test(before);
}

/** Reads the character at `at` as a quotation mark, if it is one, from what surrounds it. */
export function classify(text: string, at: number): Mark | null {
  const char = text[at];
  const prev = at > 0 ? text[at - 1]! : ' ';
  const next = at + 1 < text.length ? text[at + 1]! : ' ';
  const spaceBefore = OPEN_CONTEXT.test(prev);
  const spaceAfter = CLOSE_CONTEXT.test(next);
  switch (char) {
    case '“':
      return { at, type: 'double', role: 'open' };
    case '”':
      return { at, type: 'double', role: 'close' };
    case '‘':
      return /\s/.test(next) || /\d/.test(next) ? null : { at, type: 'single', role: 'open' };
    case '"':
      return straight(at, 'double', spaceBefore, spaceAfter);
    case '’':
    case "'":
      // An apostrophe sits between letters (`don’t`) or before digits (`’90s`).
      if (/[\p{L}\p{N}]/u.test(next) && !spaceBefore) return null;
      if (/\d/.test(next)) return null;
      return straight(at, 'single', spaceBefore, spaceAfter);
    default:
      return null;
  }
}

function straight(at: number, type: MarkType, before: boolean, after: boolean): Mark | null {
  if (before && after) return { at, type, role: 'either' };
  if (before) return { at, type, role: 'open' };
  if (after) return { at, type, role: 'close' };
  return null;
}
