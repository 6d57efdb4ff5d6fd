/** Evidence for the type of a candidate name, from the name itself and its context. */
import type { Span } from './candidates.js';
import {
  ORG_APPOSITIVE_NOUNS,
  ORG_HEADS,
  ORG_SUFFIXES,
  PLACE_APPOSITIVE_NOUNS,
  PLACE_SUFFIXES,
  SAY_VERBS,
  SURNAME_FIRST,
  TITLE_HEADS,
} from './gazetteer.js';
import { lexicon } from './lexicon.js';
import { isDatelineSlot } from './dateline.js';
import { isPlayerSlot, isTeamSlot } from './sports.js';
import type { Token } from './tokenize.js';
import {
  bare,
  isAllCaps,
  isCommonWord,
  isDirectionalPlace,
  isKnownPlace,
  isTitleWord,
} from './words.js';

/** Accumulated evidence for each type. */
export interface Votes {
  person: number;
  organization: number;
  place: number;
}

/** No evidence yet. */
export function noVotes(): Votes {
  return { person: 0, organization: 0, place: 0 };
}

/** The words of a span, as written. */
export function spanWords(span: Span): string[] {
  return span.tokens.slice(span.from, span.to).map((t) => t.text);
}

/** Evidence from the name alone: gazetteers, suffixes, name shapes. */
export function nameVotes(words: string[], v: Votes): void {
  const lex = lexicon();
  const full = words.join(' ').toLowerCase();
  const first = bare(words[0] ?? '');
  const last = bare(words[words.length - 1] ?? '');
  const multi = words.length >= 2;
  if (isKnownPlace(full) || isDirectionalPlace(words)) v.place += 5;
  if (lex.organizations.has(full)) v.organization += 5;
  if (lex.famousPeople.has(full)) v.person += 5;
  if (ORG_SUFFIXES.has(last) || lex.orgWords.has(last))
    v.organization += multi ? 4 : isCommonWord(last) ? 0 : 1;
  if (multi && ORG_HEADS.has(first) && words.includes('of')) v.organization += 4;
  // `District Court for the Eastern District`: the head before `of`/`for` decides
  const linked = words.findIndex((w) => w === 'of' || w === 'for');
  if (linked > 0 && ORG_SUFFIXES.has(bare(words[linked - 1] ?? ''))) v.organization += 4;
  if (multi && PLACE_SUFFIXES.has(last)) v.place += 3;
  if (/\.(com|net|org|cn|io)$/i.test(full)) v.organization += 4;
  if (multi && words.length <= 4 && !words.includes('of')) personShapeVotes(words, v);
  if (!multi && (lex.givenNames.has(first) || lex.lastNames.has(first)) && !isCommonWord(first))
    v.person += 1;
  if (!multi && isAllCaps(words[0] ?? '') && !isKnownPlace(full)) v.organization += 1;
}

/** A capital letter and a dot standing for a given name (`M.`). */
export function isInitial(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word);
}

function personShapeVotes(words: string[], v: Votes): void {
  const lex = lexicon();
  const first = bare(words[0] ?? '');
  const second = bare(words[1] ?? '');
  const last = bare(words[words.length - 1] ?? '');
  if (words.some((w) => isAllCaps(w))) return;
  if (lex.givenNames.has(first) || isInitial(words[0] ?? '')) v.person += 3;
  if (SURNAME_FIRST.has(first) && !isCommonWord(second) && !isKnownPlace(second)) v.person += 2.5;
  if (lex.lastNames.has(last)) v.person += 2;
}

function wordAt(tokens: Token[], i: number): string {
  const t = tokens[i];
  return t?.isWord ? t.text : '';
}

function isLowerTitle(word: string): boolean {
  const w = bare(word);
  return word === word.toLowerCase() && (TITLE_HEADS.has(w) || lexicon().actors.has(w));
}

function leftContextVotes(span: Span, v: Votes): void {
  const { tokens, from } = span;
  const prev = wordAt(tokens, from - 1);
  const prev2 = wordAt(tokens, from - 2);
  const prev3 = wordAt(tokens, from - 3);
  if (span.titled) v.person += 5;
  if (isLowerTitle(prev)) v.person += 4;
  if (prev === 'the') v.person -= 3;
  if (prev === 'in' || prev === 'near') v.place += 1;
  if (prev === 'of' && PLACE_APPOSITIVE_NOUNS.has(prev2) && prev3 === 'the') v.place += 4;
}

function rightContextVotes(span: Span, v: Votes, size: number): void {
  const { tokens, to } = span;
  const last = tokens[to - 1];
  const next = tokens[to];
  const nextWord = wordAt(tokens, to);
  if (next && next.text === '-' && /^(based|born|headquartered)$/.test(wordAt(tokens, to + 1)))
    v.place += 4;
  if (span.titleFollows || (nextWord && isTitleWord(nextWord) && !isLowerTitle(nextWord)))
    v.organization += 1;
  if (last?.possessive && nextWord && isTitleWord(nextWord)) v.organization += 2;
  if (nextWord && isLowerTitle(nextWord) && !last?.possessive) v.organization += 2;
  const sayAt = next?.text === ',' ? to + 1 : to;
  if (size <= 3 && SAY_VERBS.has(wordAt(tokens, sayAt))) {
    // `Alibaba said it …`: companies speak too, and refer to themselves as `it`
    const self = /^(it|its|the)$/.test(wordAt(tokens, sayAt + 1));
    if (self) v.organization += 1.5;
    else v.person += size === 1 ? 0.75 : 1.5;
  }
  if (next?.text === ',') appositiveVotes(tokens, to + 1, v);
}

/** `X, a project coordinator at …` / `X, the Chinese e-commerce giant` / `X, a city of …`. */
function appositiveVotes(tokens: Token[], at: number, v: Votes): void {
  const det = wordAt(tokens, at);
  if (!/^(a|an|the|its|his|her|their)$/.test(det)) return;
  for (let i = at + 1; i < at + 6; i++) {
    const w = wordAt(tokens, i).toLowerCase();
    if (!w || w === 'of' || w === 'at' || w === 'in') return;
    if (ORG_APPOSITIVE_NOUNS.has(w)) return void (v.organization += 2);
    if (PLACE_APPOSITIVE_NOUNS.has(w)) return void (v.place += 2);
    if (TITLE_HEADS.has(w) || lexicon().actors.has(w)) return void (v.person += 2.5);
  }
}

/** A given name or an initial first: `Greg Smith`, `M. Smith`. */
export function isPersonShaped(words: string[]): boolean {
  const first = words[0] ?? '';
  return words.length >= 2 && (lexicon().givenNames.has(bare(first)) || isInitial(first));
}

/** Evidence from a line's layout: a dateline's place, a results table's team or player. */
export function tableVotes(span: Span, v: Votes): void {
  const words = spanWords(span);
  if (isDatelineSlot(span)) v.place += 5;
  if (isTeamSlot(span, words.join(' ').toLowerCase(), isPersonShaped(words))) v.organization += 6;
  else if (isPlayerSlot(span)) v.person += 3;
}

/** Evidence for the type of one mention from its context. */
export function contextVotes(span: Span): Votes {
  const v = noVotes();
  const words = spanWords(span);
  leftContextVotes(span, v);
  rightContextVotes(span, v, words.length);
  tableVotes(span, v);
  return v;
}

/** Adds `b` into `a`. */
export function addVotes(a: Votes, b: Votes): void {
  a.person += b.person;
  a.organization += b.organization;
  a.place += b.place;
}
