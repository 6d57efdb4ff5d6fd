import type { Sentence } from '../model.js';
import { titleCase } from '../ingest/formats/format.js';

const META_OPENERS = [
  /^(?:this|the latest|today's) (?:edition|issue|installment) of (?:the )?[\w\s'’-]{1,60}? (?:begins|starts|opens|leads) with (?:the news|news|word|reports?) that\s+/i,
  /^(?:in )?(?:other|related|breaking) news,?\s+/i,
  /^(?:meanwhile|however|but|and|also),?\s+/i,
];
const MAX_WORDS = 22;

/**
 * A title for a document that has no headline, made from its lead sentence: openers that
 * talk about the text itself are dropped, parentheses removed, and a long sentence is cut
 * at a clause boundary. The lead is the first sentence of five words or more, else the first;
 * one with no words left to show (`!`, `(Reuters).`) gives way to the next.
 */
export function deriveTitle(sentences: Sentence[], fallback: string): string {
  const long = sentences.filter((s) => s.text.split(/\s+/).length >= 5);
  for (const lead of [...long, ...sentences]) {
    const title = titleOf(lead.text);
    if (title) return title;
  }
  return fallback;
}

/** The title a lead sentence makes, or `null` when it has no letter or digit to show. */
function titleOf(sentence: string): string | null {
  const bare = sentence
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s*[.!?]["”’]?$/, '')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(bare)) return null;
  // A headline set in capitals reads better in title case.
  const text = withoutMetaOpener(bare === bare.toUpperCase() ? titleCase(bare) : bare);
  const words = text.split(/\s+/);
  if (words.length <= MAX_WORDS) return text;
  const head = words.slice(0, MAX_WORDS + 4).join(' ');
  const clause = /^(.{30,}?)(?:,| — | – |;)/.exec(head.slice(0, 160));
  if (clause && clause[1]!.split(/\s+/).length >= 6) return clause[1]!.trim();
  return `${words.slice(0, MAX_WORDS).join(' ')}…`;
}

/** Drops an opener that talks about the text itself (`This edition of … begins with the news that`). */
export function withoutMetaOpener(sentence: string): string {
  let text = sentence;
  for (const opener of META_OPENERS) text = text.replace(opener, '');
  return text === sentence ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
