import nlp from 'compromise';
import type { Sentence } from '../../model.js';
import { collapseWhitespace } from '../sentence-ranges.js';

/**
 * The quoted words between offsets `from` and `to`, read only inside sentence ranges (the text
 * between sentences can be boilerplate), whitespace collapsed, without the comma that hands
 * over to the attribution (`"…take off," he said`).
 */
export function quotedWords(text: string, sorted: readonly Sentence[], from: number, to: number) {
  const pieces: string[] = [];
  for (const s of sorted) {
    if (s.end <= from) continue;
    if (s.start >= to) break;
    pieces.push(text.slice(Math.max(from, s.start), Math.min(to, s.end)));
  }
  return collapseWhitespace(pieces.join(' ')).replace(/\s*,$/, '');
}

/** How many words a quote has. */
export function wordCount(words: string): number {
  return words.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const SMALL_WORDS = new Set('a an and as at by for from in of on or the to with'.split(' '));

/**
 * True for a quoted name or title rather than speech: every main word capitalised and no
 * closing punctuation (`the “2007 Internet Development Statistic Report”`, `“Cloud Sword”`).
 */
export function looksLikeTitle(words: string): boolean {
  if (/[.!?…]$/.test(words)) return false;
  const main = words.split(' ').filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  if (main.length === 0 || main.length > 12) return false;
  return main.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/** True when the words make a clause of their own: a verb with something doing it before it. */
export function isClause(words: string): boolean {
  try {
    const terms = nlp(words).terms().json() as { terms: { tags: string[] }[] }[];
    const tags = terms.flatMap((t) => t.terms.map((term) => term.tags));
    const subject = tags.findIndex((t) => t.includes('Noun') || t.includes('Pronoun'));
    return subject >= 0 && tags.slice(subject + 1).some((t) => t.includes('Verb'));
  } catch {
    return false;
  }
}
