/** Splits a range of a document into word and punctuation tokens with their offsets. */

/** A word or punctuation mark of the original text. */
export interface Token {
  /** As written (a possessive `'s` is split off into its own flag). */
  text: string;
  start: number;
  end: number;
  isWord: boolean;
  /** Followed directly by `'s` / `’s` (which is not part of `text`). */
  possessive: boolean;
  /** The whitespace before the token contains a blank line. */
  paragraphBreak: boolean;
  /** Written with a capital (`Alibaba`, `eBay`, `USTR`), not a number. */
  capitalized: boolean;
}

function startsCapitalized(word: string): boolean {
  const first = word[0] ?? '';
  // `eBay`, `iPhone`: a lowercase letter then a capital
  return first !== first.toLowerCase() || /^\p{Ll}\p{Lu}/u.test(word);
}

// A word: letters/digits, joined by inner `.`, `'`, `’`, `&`, `-`, `/` (U.S, Wal-Mart, Alibaba.com)
// (`Hangzhou-based` is split so that the place stands alone)
const TOKEN_RE =
  /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[.'’&](?=[\p{L}\p{N}])|-(?!(?:based|born|headquartered|owned|listed|made|backed|led|run|style)\b)(?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'bros',
  'gov',
  'sen',
  'rep',
  'gen',
  'col',
  'lt',
  'capt',
  'maj',
  'sgt',
  'rev',
  'pte',
  'no',
  'mt',
  'ft',
  'messrs',
  'plc',
  'llc',
  'vs',
]);

function takesDot(word: string, text: string, end: number): boolean {
  if (text[end] !== '.') return false;
  // `U.S.`: an inner dot means the final one belongs to the abbreviation too
  if (/^\p{L}(\.\p{L})+$/u.test(word)) return true;
  // an initial before a name (`M. Waugh`, `Soren B. Nielsen`), not a sentence's last letter
  if (/^\p{Lu}$/u.test(word) && /^\.[^\S\n]+\p{Lu}\p{Ll}/u.test(text.slice(end))) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function splitPossessive(word: string): { word: string; possessive: boolean } {
  const m = /^(.+?)['’][sS]$/u.exec(word);
  if (m?.[1] && m[1].length > 0) return { word: m[1], possessive: true };
  return { word, possessive: false };
}

/** Tokens of `text` between `start` and `end`. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const slice = text.slice(start, end);
  // The one shared regex, not a copy per call: nothing below tokenizes in turn.
  const re = TOKEN_RE;
  re.lastIndex = 0;
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const at = m.index;
    const raw = m[0];
    const isWord = /[\p{L}\p{N}]/u.test(raw);
    const split = isWord ? splitPossessive(raw) : { word: raw, possessive: false };
    let word = split.word;
    if (isWord && !split.possessive && takesDot(word, slice, at + raw.length)) {
      word += '.';
      re.lastIndex = at + word.length;
    }
    tokens.push({
      text: word,
      start: start + at,
      end: start + at + word.length,
      isWord,
      possessive: split.possessive,
      paragraphBreak: hasBlankLine(slice, prevEnd, at),
      capitalized: isWord && startsCapitalized(word),
    });
    prevEnd = re.lastIndex;
  }
  return tokens;
}

/** True when `slice` between `from` and `to` holds a blank line (two line breaks, only whitespace between). */
function hasBlankLine(slice: string, from: number, to: number): boolean {
  // Most gaps are one space: a blank line needs at least two characters.
  return to - from >= 2 && /\n[^\S\n]*\n/.test(slice.slice(from, to));
}
