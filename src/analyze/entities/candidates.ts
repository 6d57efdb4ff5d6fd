/** Finds capitalised runs in a sentence and trims them into name candidates. */
import {
  CORPORATE_FORMS,
  ORG_HEADS,
  ORG_SUFFIXES,
  SAY_VERBS,
  TITLE_MODIFIERS,
} from './gazetteer.js';
import { datelineName } from './dateline.js';
import type { Token } from './tokenize.js';
import {
  bare,
  isAllCaps,
  isCapitalized,
  isCommonWord,
  isConnector,
  isDemonymPhrase,
  isDirectionalPlace,
  isKnownNameWord,
  isKnownPlace,
  isTitleWord,
} from './words.js';
import { lexicon } from './lexicon.js';
import { NOT_ENTITIES } from './gazetteer.js';

/** A candidate name: tokens `from` (inclusive) to `to` (exclusive) of a sentence. */
export interface Span {
  tokens: Token[];
  from: number;
  to: number;
  sentence: number;
  /** Starts where a sentence (or a quote, or a clause after `:`) starts. */
  initial: boolean;
  /** A capitalised title or honorific comes right before it (`Governor`, `Ms.`). */
  titled: boolean;
  /** A capitalised title comes right after it (`Guangzhou Vice Mayor`). */
  titleFollows: boolean;
}

const OPENERS = new Set([':', '(', '[', '•', '*', '–', '-']);
const QUOTES = new Set(['“', '"', '‘', "'"]);
const DATE_WORDS = new Set(
  (
    'january|february|march|april|may|june|july|august|september|october|november|december|' +
    'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|' +
    'friday|saturday|sunday'
  ).split('|'),
);

/** An opening quote starts a clause when it opens the sentence or follows punctuation or `said`. */
function opensClause(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.isWord) return false;
  if (OPENERS.has(prev.text)) return true;
  if (!QUOTES.has(prev.text)) return false;
  const before = tokens[i - 2];
  return !before || !before.isWord || SAY_VERBS.has(before.text.toLowerCase());
}

/** Indices of tokens that begin a sentence or clause, where any word is capitalised. */
export function initialIndexes(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  let seenWord = false;
  tokens.forEach((tok, i) => {
    if (!tok.isWord) return;
    // paragraph numbers (`3.`) and markings (`(SBU)`) before the first real word
    const isLabel = /^\d+$/.test(tok.text) || NOT_ENTITIES.has(tok.text.toLowerCase());
    if (!seenWord || opensClause(tokens, i)) out.add(i);
    if (!isLabel) seenWord = true;
  });
  return out;
}

function isOrgWord(word: string): boolean {
  const w = bare(word);
  return ORG_SUFFIXES.has(w) || lexicon().orgWords.has(w);
}

/** A long ALL-CAPS word that is not a known name: boilerplate shouting, not a name. */
function isShouting(tok: Token): boolean {
  const w = tok.text.toLowerCase();
  return (
    tok.text.length >= 6 &&
    isAllCaps(tok.text) &&
    !isKnownPlace(w) &&
    !lexicon().organizations.has(w)
  );
}

function nameStart(tok: Token | undefined): boolean {
  return tok !== undefined && isCapitalized(tok) && !isShouting(tok);
}

/** After a possessive, go on only into an organisation's name (`National People's Congress`). */
function possessiveContinues(tokens: Token[], j: number): boolean {
  let k = j;
  while (nameStart(tokens[k]) && !tokens[k]?.possessive) k++;
  const last = tokens[k - 1];
  return k > j && last !== undefined && !isTitleWord(last.text) && isOrgWord(last.text);
}

/** `Victoria’s Secret`: a given name's possessive, then one ordinary capitalised word. */
function isPossessiveBrand(tokens: Token[], j: number): boolean {
  const owner = tokens[j - 1];
  const tok = tokens[j];
  if (!owner || !tok || !nameStart(tok) || tok.possessive) return false;
  if (tokens[j - 2]?.capitalized || tokens[j + 1]?.capitalized) return false;
  const w = tok.text;
  return (
    lexicon().givenNames.has(bare(owner.text)) &&
    isCommonWord(w) &&
    !isTitleWord(w) &&
    !isOrgWord(w) &&
    !isDateWord(w)
  );
}

/** `Yulong Scientific (Shenzhen) Co. Limited`: a place in brackets inside a company's legal name. */
function legalParenthetical(tokens: Token[], j: number): boolean {
  if (tokens[j]?.text !== '(' || tokens[j + 2]?.text !== ')') return false;
  const inner = tokens[j + 1];
  const after = tokens[j + 3];
  if (!inner || !after || !nameStart(inner) || !nameStart(after)) return false;
  return CORPORATE_FORMS.has(bare(after.text)) && isKnownPlace(inner.text);
}

function runEnd(tokens: Token[], from: number): number {
  let j = from + 1;
  while (j < tokens.length) {
    const tok = tokens[j];
    const prev = tokens[j - 1];
    if (!tok || !prev || tok.paragraphBreak) break;
    if (prev.possessive && !possessiveContinues(tokens, j) && !isPossessiveBrand(tokens, j)) break;
    if (nameStart(tok)) j++;
    else if (legalParenthetical(tokens, j)) j += 3;
    else if (isConnector(tok) && (nameStart(tokens[j + 1]) || connectorPair(tokens, j))) j++;
    else break;
  }
  while (j > from + 1 && !nameStart(tokens[j - 1])) j--;
  return j;
}

function connectorPair(tokens: Token[], j: number): boolean {
  const next = tokens[j + 1];
  return next !== undefined && isConnector(next) && nameStart(tokens[j + 2]);
}

/** Raw capitalised runs `[from, to)` of a sentence's tokens. */
export function capitalRuns(tokens: Token[]): [number, number][] {
  const runs: [number, number][] = [];
  // a dateline's city may be an unknown word in capitals, which elsewhere is shouting
  const dateline = datelineName(tokens);
  if (dateline) runs.push(dateline);
  let i = dateline?.[1] ?? 0;
  while (i < tokens.length) {
    if (!nameStart(tokens[i])) {
      i++;
      continue;
    }
    const end = runEnd(tokens, i);
    runs.push(...splitConnectors(tokens, i, end));
    i = end;
  }
  return runs;
}

/** Whether the connector at `c` joins its neighbours into one name. */
function keepsConnector(tokens: Token[], from: number, c: number, to: number): boolean {
  const word = tokens[c]?.text ?? '';
  const leftWord = tokens[c - 1]?.text ?? '';
  if (['of', 'for', 'on'].includes(word) || (word === 'the' && ['of', 'for'].includes(leftWord))) {
    const head = word === 'the' ? (tokens[c - 2]?.text ?? '') : leftWord;
    const first = tokens[from]?.text ?? '';
    return (
      isOrgWord(head) ||
      ORG_HEADS.has(bare(head)) ||
      ORG_HEADS.has(bare(first)) ||
      isPlaceHead(head)
    );
  }
  if (word === 'the') return false;
  if (word === 'and' || word === '&') {
    const last = tokens[to - 1]?.text ?? '';
    // `Ministry of Industry and Information Technology`, not `SoftBank and Alibaba Group`
    const inOfPhrase = tokens.slice(from, c).some((t) => t.text === 'of' || t.text === 'for');
    return word === '&' ? c - from <= 2 : inOfPhrase && isOrgWord(last) && !isKnownPlace(leftWord);
  }
  return true; // name particles: de, van, von, al, bin …
}

function isPlaceHead(word: string): boolean {
  return [
    'republic',
    'gulf',
    'bay',
    'city',
    'isle',
    'islands',
    'province',
    'state',
    'kingdom',
  ].includes(bare(word));
}

function splitConnectors(tokens: Token[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let c = from + 1; c < to - 1; c++) {
    const tok = tokens[c];
    if (!tok || !isConnector(tok) || keepsConnector(tokens, start, c, to)) continue;
    let next = c;
    while (next < to && tokens[next] && isConnector(tokens[next] as Token)) next++;
    if (c > start) out.push([start, c]);
    start = next;
    c = next - 1;
  }
  if (to > start) out.push([start, to]);
  return out;
}

function titleBlockEnd(tokens: Token[], t: number, to: number): number {
  let e = t + 1;
  while (e < to) {
    const w = tokens[e]?.text ?? '';
    if (isTitleWord(w) || TITLE_MODIFIERS.has(bare(w))) e++;
    else if (laterTitleHead(tokens, e, to)) e++;
    else break;
  }
  return e;
}

/** `Chief Patent Officer`: ordinary words, then another title head, still in the title. */
function laterTitleHead(tokens: Token[], e: number, to: number): boolean {
  for (let k = e; k < Math.min(to, e + 3); k++) {
    const w = tokens[k]?.text ?? '';
    if (isTitleWord(w) && k > e) return true;
    if (!isCommonWord(w) || isKnownNameWord(w)) return false;
  }
  return false;
}

function titleBlockStart(tokens: Token[], from: number, t: number): number {
  let k = t;
  while (k > from) {
    const w = tokens[k - 1]?.text ?? '';
    const modifier = TITLE_MODIFIERS.has(bare(w)) || (isCommonWord(w) && !isKnownNameWord(w));
    if (!modifier || tokens[k - 1]?.possessive) break;
    k--;
  }
  return k;
}

function hasOrgWord(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = tokens[i]?.text ?? '';
    if (isOrgWord(w) || (ORG_HEADS.has(bare(w)) && tokens[i + 1]?.text === 'of')) return true;
  }
  return false;
}

interface Segment {
  from: number;
  to: number;
  titled: boolean;
  titleFollows: boolean;
}

/** Splits a run at a job title or honorific: `Guangzhou Vice Mayor Xu Zhibiao`. */
export function splitTitles(tokens: Token[], from: number, to: number): Segment[] {
  for (let t = from; t < to; t++) {
    const tok = tokens[t];
    if (!tok || !isTitleWord(tok.text) || tok.possessive) continue;
    const e = titleBlockEnd(tokens, t, to);
    const k = titleBlockStart(tokens, from, t);
    const left: Segment = { from, to: k, titled: false, titleFollows: true };
    if (e < to && to - e <= 4 && !hasOrgWord(tokens, e, to)) {
      const right: Segment = { from: e, to, titled: true, titleFollows: false };
      return k > from ? [left, right] : [right];
    }
    if (e < to || hasOrgWord(tokens, from, to)) break;
    return k > from ? [left] : [];
  }
  return [{ from, to, titled: false, titleFollows: false }];
}

function isDateWord(word: string): boolean {
  const w = bare(word);
  return DATE_WORDS.has(w) || lexicon().dates.has(w);
}

function isNamePart(tokens: Token[], i: number, to: number): boolean {
  const words = tokens.slice(i, to).map((t) => t.text);
  return (
    isKnownNameWord(words[0] ?? '') || isKnownPlace(words.join(' ')) || isDirectionalPlace(words)
  );
}

/** Capitalised only because a sentence starts here (`Heading eastward, …`). */
function skipInitialWords(
  tokens: Token[],
  from: number,
  to: number,
  initials: Set<number>,
): number {
  let i = from;
  while (
    i < to &&
    initials.has(from) &&
    isCommonWord(tokens[i]?.text ?? '') &&
    !isNamePart(tokens, i, to)
  )
    i++;
  return i;
}

function isFiller(tok: Token | undefined): boolean {
  if (!tok) return false;
  const w = bare(tok.text);
  return (
    w === 'the' ||
    w === 'a' ||
    w === 'an' ||
    isDateWord(tok.text) ||
    isConnector(tok) ||
    NOT_ENTITIES.has(w)
  );
}

/** Trims words that are capitalised for other reasons than being part of a name. */
export function trimSegment(tokens: Token[], seg: Segment, initials: Set<number>): Segment | null {
  let from = skipInitialWords(tokens, seg.from, seg.to, initials);
  let to = seg.to;
  while (from < to && isFiller(tokens[from])) from++;
  while (to > from && isFiller(tokens[to - 1])) to--;
  if (!hasOrgWord(tokens, from, to)) from = skipDemonyms(tokens, from, to);
  if (from >= to) return null;
  const surface = tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ');
  if (NOT_ENTITIES.has(surface.toLowerCase()) || !/\p{L}{2}|\p{Lu}\./u.test(surface)) return null;
  return { ...seg, from, to };
}

/** Skips a leading demonym (`Chinese`, `South Korean`): an adjective, not a name. */
function skipDemonyms(tokens: Token[], from: number, to: number): number {
  for (let e = Math.min(to, from + 2); e > from; e--) {
    if (isDemonymPhrase(tokens.slice(from, e).map((t) => t.text))) return e;
  }
  return from;
}
