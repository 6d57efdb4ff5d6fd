/** What the document says about each distinct name (keyed by its lowercase form). */
import type { Span } from './candidates.js';
import {
  addVotes,
  nameVotes,
  noVotes,
  contextVotes,
  spanWords,
  tableVotes,
  isPersonShaped,
  type Votes,
} from './classify.js';
import { isTeamSlot } from './sports.js';
import { isKnownPlace } from './words.js';

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

/** Marks the key of a city's name used as a team's (`Lyon 2 Nantes 1`): another entity. */
export const TEAM_MARK = ' #team';

function isCityTeam(span: Span, words: string[]): boolean {
  const key = nameKey(words);
  return isKnownPlace(key) && isTeamSlot(span, key, isPersonShaped(words));
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
  const key = nameKey(words) + (isCityTeam(span, words) ? TEAM_MARK : '');
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
