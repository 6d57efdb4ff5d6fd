/** The noun a number counts, and where it ends in the scanned string. */
export interface CountedNoun {
  unit: string;
  end: number;
}

/** Words that end the noun phrase after a number: it cannot run past them. */
const STOP_WORDS = new Set(
  (
    'a an the and or but nor of in on at to for from with by per than as about over under into ' +
    'onto after before since during until within without between among across through each every ' +
    'that which who whom whose this these those its their his her our my your is are was were be ' +
    'been being has have had will would could can may might should must do does did not no also ' +
    'now still already more less fewer most least only just so then there here while when where ' +
    'if plus minus us it they we he she you them him i me versus vs including'
  ).split(' '),
);

/** Plurals that do not end in -s, and collective nouns counted as they are. */
const IRREGULAR = new Set(
  (
    'people men women children staff personnel police cattle livestock feet teeth mice geese ' +
    'media data criteria phenomena fish sheep deer aircraft spacecraft offspring crew headcount'
  ).split(' '),
);

/** Time spans are durations, not counts (`three years`, `36 minutes`); `times` is a multiplier. */
const DURATIONS = new Set(
  (
    'seconds minutes hours days nights weeks weekends months quarters years decades centuries ' +
    'millennia semesters times'
  ).split(' '),
);

/** Adverb-like or verb-like words ending in -s that must not be read as plural nouns. */
const NOT_PLURAL = new Set(
  'always perhaps sometimes besides towards afterwards whereas nevertheless unless thus yes says goes makes gets means seems remains includes'.split(
    ' ',
  ),
);

/** A singular time unit right after a number is a compound adjective (`a four minute film`). */
const TIME_UNITS = new Set(
  'second minute hour day night week month quarter year decade century'.split(' '),
);

const MEASURE_PREFIXES = new Set(['square', 'cubic', 'metric', 'nautical', 'light']);

const MAX_WORDS = 5;
const WORD = /^(\s+)([\p{L}][\p{L}\p{M}-]*)(['’]s?)?/u;

/**
 * The counted noun in the words right after offset `at` of `segment`: the first plural noun of
 * the phrase (`300 counterfeit gang member suspects` → `suspects`), or null when the number
 * is not followed by one (`the two agreed`, `rose to 14,`).
 */
export function countedNounAfter(segment: string, at: number): CountedNoun | null {
  let pos = at;
  let previous = '';
  for (let n = 0; n < MAX_WORDS; n++) {
    const m = WORD.exec(segment.slice(pos));
    if (!m) return null;
    const word = m[2]!;
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower) || TIME_UNITS.has(lower)) return null;
    // After a lowercase word, a capitalised one starts a new phrase (`four minute film Promise`).
    if (previous && isCapitalised(word) && !isAcronym(word) && !isCapitalised(previous)) {
      return null;
    }
    const wordEnd = pos + m[1]!.length + word.length;
    if (isPluralNoun(word)) {
      if (DURATIONS.has(lower) || partOfName(segment, at, word, wordEnd)) return null;
      const unit = MEASURE_PREFIXES.has(previous.toLowerCase()) ? `${previous} ${word}` : word;
      return { unit, end: wordEnd };
    }
    // A possessive or punctuation closes the phrase: `units’ capacity` counts units, not capacity.
    if (m[3] || !/^\s/.test(segment.slice(wordEnd))) return null;
    previous = word;
    pos = wordEnd;
  }
  return null;
}

/**
 * A capitalised plural inside a name is not a counted noun: `Six Nations` (the number itself
 * capitalised mid-sentence) or `eight Champions League` (the name goes on).
 */
function partOfName(segment: string, at: number, word: string, wordEnd: number): boolean {
  if (!isCapitalised(word) || isAcronym(word)) return false;
  if (/^\s+[\p{Lu}]/u.test(segment.slice(wordEnd))) return true;
  const numberWord = /([\p{L}]+)$/u.exec(segment.slice(0, at))?.[1];
  const midSentence = /[\p{L}\p{N},;]\s+[\p{L}-]*$/u.test(segment.slice(0, at));
  return numberWord !== undefined && isCapitalised(numberWord) && midSentence;
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}]/u.test(word);
}

function isAcronym(word: string): boolean {
  return /^[\p{Lu}]{2,}s?$/u.test(word);
}

/** True for words that look like a plural (or collective) noun. */
export function isPluralNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR.has(lower)) return true;
  if (NOT_PLURAL.has(lower) || STOP_WORDS.has(lower)) return false;
  return lower.length >= 3 && /[^sui]s$/.test(lower);
}
