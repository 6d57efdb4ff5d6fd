/** What the document says about each distinct name (keyed by its lowercase form). */
import type { Span } from './candidates.js';
import {
  addVotes,
  nameVotes,
  noVotes,
  contextVotes,
  spanWords,
  tableVotes,
  type Votes,
} from './classify.js';

/** Everything known about one name as the document writes it. */
export interface NameInfo {
  key: string;
  words: string[];
  spans: Span[];
  votes: Votes;
}

/** The lookup key of a name: lowercase words joined by single spaces. */
export function nameKey(words: string[]): string {
  return words.join(' ').toLowerCase();
}

/**
 * Records a span under its name. The name's own evidence (gazetteers, suffixes) counts
 * once; context evidence counts for every mention, except in headings and ALL-CAPS lines
 * (`evidence: 'name'`), whose capitals say nothing.
 */
export function addSpan(
  names: Map<string, NameInfo>,
  span: Span,
  evidence: 'full' | 'name' = 'full',
): NameInfo {
  const words = spanWords(span);
  const key = nameKey(words);
  let info = names.get(key);
  if (!info) {
    info = { key, words, spans: [], votes: noVotes() };
    nameVotes(words, info.votes);
    names.set(key, info);
  }
  info.spans.push(span);
  if (evidence === 'full') addVotes(info.votes, contextVotes(span));
  else tableVotes(span, info.votes);
  // prefer a mixed-case spelling over an ALL-CAPS one
  if (info.words.join('') === info.words.join('').toUpperCase()) info.words = words;
  return info;
}
