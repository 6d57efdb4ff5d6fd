/**
 * Sports results and standings: `Lyon 2 Nantes 1`, `HARTFORD 12 7 6 77 76 30`,
 * cricket scorecards (`J. Smith c Jones b Brown 31`, `Brown 10-2-26-0`).
 */
import type { Span } from './candidates.js';
import { COUNTRY_ALIASES } from './gazetteer.js';
import { lexicon } from './lexicon.js';
import type { Token } from './tokenize.js';

// a score or a count; `000285`, `002` (zero-padded) are reference numbers
const NUMBER = /^(?:0|[1-9]\d{0,3})$/;
// cricket's bowling figures (overs-maidens-runs-wickets) and a scorer's minute (`30th`)
const FIGURES = /^\d+(?:\.\d+)?(?:-\d+){3}$|^\d+(?:st|nd|rd|th)$/;
// a scorecard's dismissal marks: caught, bowled, stumped, leg before wicket
const DISMISSALS = new Set(['c', 'b', 'st', 'lbw']);

function isNumber(tok: Token | undefined): boolean {
  return tok !== undefined && NUMBER.test(tok.text);
}

const tableLines = new WeakMap<Token[], boolean>();

/** Few lowercase words, several numbers: a results table or standings line. */
export function isTableLine(tokens: Token[]): boolean {
  let known = tableLines.get(tokens);
  if (known === undefined) tableLines.set(tokens, (known = countsAsTable(tokens)));
  return known;
}

function countsAsTable(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.isWord);
  const numbers = words.filter((t) => /^\d+(?:[-.]\d+)*$/.test(t.text)).length;
  const lower = words.filter((t) => /^\p{Ll}/u.test(t.text) && t.text.length > 2).length;
  return numbers >= 2 && lower <= 1;
}

/** The index after a parenthetical starting at `i` (`( Spain )`), or `i` if there is none. */
function skipParenthetical(tokens: Token[], i: number): number {
  if (tokens[i]?.text !== '(') return i;
  for (let j = i + 1; j < Math.min(tokens.length, i + 12); j++)
    if (tokens[j]?.text === ')') return j + 1;
  return i;
}

/** How many numbers follow index `i` (dots in `.571` skipped). */
function numbersFrom(tokens: Token[], i: number): number {
  let n = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (isNumber(t)) n++;
    else if (t?.text !== '.') break;
  }
  return n;
}

/** Leading rank of a standings row (`1.`, `12`). */
function rowStart(tokens: Token[]): number {
  if (isNumber(tokens[0]) && tokens[1]?.text === '.') return 2;
  return 0;
}

/** `Bayer Leverkusen ( Germany ) 9 5 4 14`: a name opening a row of four or more numbers. */
function isStandingsRow(span: Span): boolean {
  if (span.from !== rowStart(span.tokens)) return false;
  return numbersFrom(span.tokens, skipParenthetical(span.tokens, span.to)) >= 4;
}

/** `Japan 2 Syria 1`, `Bochum 2 ( Smith 30th ) Hertha 1`: either side of a match score. */
function isScoreSide(span: Span): boolean {
  const { tokens, from, to } = span;
  const after = skipParenthetical(tokens, to);
  if (!isNumber(tokens[after])) return false;
  if (from === rowStart(tokens)) {
    let k = skipParenthetical(tokens, after + 1);
    if (isNumber(tokens[k]) && tokens[k + 1]?.capitalized) k++; // `1860 Munich`
    return tokens[k]?.capitalized === true;
  }
  const prev = tokens[from - 1];
  // `… ( Smith 30th ) Hertha 1`: after a scorers' parenthesis
  if (prev?.text === ')') return true;
  const prev2 = tokens[from - 2];
  return isNumber(prev) && (prev2?.capitalized === true || prev2?.text === ')');
}

const FIXTURE_WORDS = new Set(['at', 'v', 'vs', 'vs.', 'versus']);

/** `DALLAS AT ARIZONA`, `Lyon v Nantes`: the first side of a fixture line. */
function isFixtureSide(span: Span): boolean {
  const { tokens, from, to } = span;
  const word = tokens[to]?.text.toLowerCase() ?? '';
  if (from !== 0 || !FIXTURE_WORDS.has(word) || !tokens[to + 1]?.capitalized) return false;
  // nothing but the two names
  return tokens.slice(to + 1).every((t) => t.capitalized || !t.isWord) && tokens.length <= 8;
}

/** A country in a results line stays a place: national sides are written as their country. */
function isCountry(key: string): boolean {
  return lexicon().countries.has(key) || COUNTRY_ALIASES.has(key);
}

/** A team's name in a results line, standings row or fixture line (never a person-shaped name). */
export function isTeamSlot(span: Span, key: string, personShaped: boolean): boolean {
  if (personShaped || isCountry(key)) return false;
  if (isFixtureSide(span)) return true;
  return isTableLine(span.tokens) && (isStandingsRow(span) || isScoreSide(span));
}

/** `… b Brown 31`: a line ending in a number. */
function endsWithScore(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.isWord);
  return isNumber(words[words.length - 1]);
}

/** `c Jones b Brown`, `Brown 10-2-26-0`, `( Smith 30th )`: a player in a scorecard. */
export function isPlayerSlot(span: Span): boolean {
  const { tokens, from, to } = span;
  const prev = tokens[from - 1];
  const next = tokens[to];
  if (prev && DISMISSALS.has(prev.text) && endsWithScore(tokens)) return true;
  return next !== undefined && FIGURES.test(next.text);
}

/** The leading name of an ALL-CAPS standings row (`NY RANGERS 10 13 5 91 81 25`), if any. */
export function standingsName(tokens: Token[]): [number, number] | null {
  const from = rowStart(tokens);
  let to = from;
  while (tokens[to]?.isWord && tokens[to]?.capitalized) to++;
  if (to === from || numbersFrom(tokens, to) < 4) return null;
  return [from, to];
}
