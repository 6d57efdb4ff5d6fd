/** Word-level tests shared by the entity rules. */
import {
  CONNECTORS,
  COUNTRY_ALIASES,
  DIRECTIONS,
  EXTRA_PLACES,
  HONORIFICS,
  NOT_ENTITIES,
  TITLE_HEADS,
} from './gazetteer.js';
import { lexicon } from './lexicon.js';
import type { Token } from './tokenize.js';

/** Lowercase form without a trailing abbreviation dot (`Mr.` → `mr`). */
export function bare(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

/** A word written with a capital (`Alibaba`, `eBay`, `USTR`), not a number. */
export function isCapitalized(tok: Token): boolean {
  return tok.capitalized;
}

/** Every letter is a capital and there are at least two (`USTR`, `U.S.`). */
export function isAllCaps(word: string): boolean {
  if (word.toUpperCase() !== word) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

/** A lowercase word allowed between the capitalised words of a name. */
export function isConnector(tok: Token): boolean {
  if (tok.text === '&') return true; // a punctuation token, but it joins names
  return tok.isWord && CONNECTORS.has(tok.text) && tok.text === tok.text.toLowerCase();
}

/** An honorific or the head of a job title (`Mr`, `Governor`, `CEO`). */
export function isTitleWord(word: string): boolean {
  const w = bare(word);
  return HONORIFICS.has(w) || TITLE_HEADS.has(w);
}

/** A known place name (country, city, region, province, continent). */
export function isKnownPlace(name: string): boolean {
  const key = name.toLowerCase();
  const lex = lexicon();
  return lex.places.has(key) || EXTRA_PLACES.has(key) || COUNTRY_ALIASES.has(key);
}

/** A compass word followed by a known place (`South China`). */
export function isDirectionalPlace(words: string[]): boolean {
  const [first, ...rest] = words;
  return (
    first !== undefined &&
    rest.length > 0 &&
    DIRECTIONS.has(first.toLowerCase()) &&
    isKnownPlace(rest.join(' '))
  );
}

const COMMON_SUFFIX_RE =
  /(?:ly|ness|ment|ments|tion|tions|sion|ional|ial|ity|ities|ous|ive|ives|able|ible|ful|less|ism|ings|ed)$/;

/** An ordinary English word (for a capital that is only there because a sentence starts). */
export function isCommonWord(word: string): boolean {
  if (/^\p{Lu}\.$/u.test(word)) return false; // an initial (`C.`), not a marking
  const w = bare(word);
  const lex = lexicon();
  if (lex.common.has(w) || lex.dates.has(w) || NOT_ENTITIES.has(w)) return true;
  if (w.endsWith('s') && lex.common.has(w.slice(0, -1))) return true;
  if (/['’](?:ve|re|ll|d|m|t)$/.test(w)) return true;
  // `Fast-fashion`, `Cross-border`: every part an ordinary word
  if (w.includes('-') && w.split('-').every((p) => lex.common.has(p))) return true;
  return w.length >= 6 && COMMON_SUFFIX_RE.test(w);
}

/** A word that can be part of a name in its own right (given name, surname, place, org). */
export function isKnownNameWord(word: string): boolean {
  const w = bare(word);
  const lex = lexicon();
  return (
    lex.givenNames.has(w) || lex.lastNames.has(w) || lex.organizations.has(w) || isKnownPlace(w)
  );
}

/** A demonym or a compass word plus demonym (`Chinese`, `South Korean`). */
export function isDemonymPhrase(words: string[]): boolean {
  const lex = lexicon();
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (!lex.demonyms.has(last) && !lex.demonyms.has(last.replace(/s$/, ''))) return false;
  return words.slice(0, -1).every((w) => DIRECTIONS.has(w.toLowerCase()));
}
