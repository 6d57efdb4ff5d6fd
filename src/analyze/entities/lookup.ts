/** Sentences whose capitals say nothing (headings, ALL-CAPS lines): only known names count there. */
import type { Span } from './candidates.js';
import { lexicon } from './lexicon.js';
import type { NameInfo } from './keys.js';
import { datelineName } from './dateline.js';
import { standingsName } from './sports.js';
import type { Token } from './tokenize.js';
import { isAllCaps, isCapitalized, isCommonWord, isConnector, isKnownPlace } from './words.js';

const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'to',
  'in',
  'on',
  'at',
  'by',
  'with',
  'into',
  'is',
  'as',
  'or',
  'but',
  'from',
  'vs',
]);

/** Mostly ALL-CAPS, or Title Case like a heading: capitals do not mark names here. */
export function isLookupOnly(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.isWord && /\p{L}{2}/u.test(t.text));
  if (words.length < 2) return words.length === 1 && isAllCaps(words[0]?.text ?? '');
  const caps = words.filter((t) => isAllCaps(t.text)).length;
  if (caps >= 2 && caps / words.length >= 0.6) return true;
  const content = words.filter((t) => !isConnector(t) && !FUNCTION_WORDS.has(t.text));
  const titled = content.filter((t) => isCapitalized(t)).length;
  // a heading capitalises ordinary words (`Pump`, `Money`); a line of names does not
  const ordinary = content.filter((t) => isCapitalized(t) && isCommonWord(t.text)).length;
  const ends = tokens[tokens.length - 1]?.text;
  const titleCase = content.length >= 3 && titled / content.length >= 0.75 && ordinary >= 2;
  return titleCase && ends !== '.' && words.length <= 15;
}

function knownName(key: string, names: Map<string, NameInfo>): boolean {
  return names.has(key) || isKnownPlace(key) || lexicon().organizations.has(key);
}

/** Spans of the known names (longest first) in a lookup-only sentence. */
export function lookupSpans(
  tokens: Token[],
  sentence: number,
  names: Map<string, NameInfo>,
): Span[] {
  const spans: Span[] = [];
  const row = standingsName(tokens) ?? datelineName(tokens);
  let i = 0;
  while (i < tokens.length) {
    // a standings row's or dateline's name counts even when nothing else names it
    const len = row && i === row[0] ? row[1] - i : longestMatch(tokens, i, names);
    if (len === 0) {
      i++;
      continue;
    }
    spans.push({
      tokens,
      from: i,
      to: i + len,
      sentence,
      initial: false,
      titled: false,
      titleFollows: false,
    });
    i += len;
  }
  return spans;
}

function longestMatch(tokens: Token[], i: number, names: Map<string, NameInfo>): number {
  const words: string[] = [];
  let best = 0;
  for (let j = i; j < Math.min(tokens.length, i + 6); j++) {
    const tok = tokens[j];
    if (!tok?.isWord || (j === i && !isCapitalized(tok))) break;
    words.push(tok.text.toLowerCase());
    const lastCap = isCapitalized(tok);
    if (lastCap && knownName(words.join(' '), names)) best = j - i + 1;
    if (tok.possessive) break;
  }
  return best;
}
