import nlp from 'compromise';

/** A number written in a piece of text, in digits (`3.6 million`) or words (`twenty-four`). */
export interface NumberToken {
  /** Offsets into the scanned string. */
  start: number;
  end: number;
  /** The value with its scale applied: 3600000 for `3.6 million`. */
  value: number;
  /** True for a bare integer in digits with no comma, decimals or scale (`2008`, `352`). */
  plainInteger: boolean;
  /** True when the scale is a single letter glued to the digits (`5m`, `2b`, `10k`): money only. */
  letterScale: boolean;
  /** True when a scale word or abbreviation follows (`million`, `bln`). */
  scaled: boolean;
  /** True for a number written in words. */
  written: boolean;
  /** The multiplier of the trailing scale (1e6 for `million`), 1 when there is none. */
  scale: number;
}

const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  lakh: 1e5,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  crore: 1e7,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  trn: 1e12,
  tn: 1e12,
};

const DIGITS = /(?<![\p{L}\p{N}_.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/gu;
const WORD_SCALE =
  /^(?:\s+|-)?(hundred|thousand|million|billion|trillion|mln|bln|bn|mn|tn|trn|lakh|crore)(?![\p{L}\p{N}])/iu;
const LETTER_SCALE = /^([mbk])(?![\p{L}\p{N}])/iu;
const ORDINAL = /^(?:st|nd|rd|th)(?![\p{L}])/iu;

const UNITS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen ' +
  'sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety';
const NUMBER_WORDS = new Set(`${UNITS} hundred thousand million billion trillion`.split(' '));
const SCALE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion']);

/** Finds the numbers in `segment`, digits first, then written-out numbers in the gaps. */
export function scanNumbers(segment: string): NumberToken[] {
  const digits = scanDigits(segment);
  const words = scanWords(segment).filter(
    (w) => !digits.some((d) => w.start < d.end && d.start < w.end),
  );
  return [...digits, ...words].sort((a, b) => a.start - b.start);
}

function scanDigits(segment: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of segment.matchAll(DIGITS)) {
    const start = m.index;
    let end = start + m[0].length;
    const rest = segment.slice(end);
    if (ORDINAL.test(rest)) continue;
    const base = Number(m[0].replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const word = WORD_SCALE.exec(rest);
    const letter = word ? null : LETTER_SCALE.exec(rest);
    const scale = word?.[1] ?? letter?.[1];
    // Digits glued to other letters are identifiers or units (`3G`, `1990s`, `12ft`), not figures.
    if (!scale && /^[\p{L}]/u.test(rest)) continue;
    if (word) end += word[0].length;
    if (letter) end += letter[0].length;
    const multiplier = scale ? SCALES[scale.toLowerCase()]! : 1;
    // Beyond what a double holds (`$9…9 billion`): no value can be stated for it.
    if (!Number.isFinite(base * multiplier)) continue;
    tokens.push({
      start,
      end,
      value: base * multiplier,
      plainInteger: !scale && !m[2] && !m[0].includes(','),
      letterScale: Boolean(letter),
      scaled: Boolean(scale),
      written: false,
      scale: multiplier,
    });
  }
  return tokens;
}

/** Written-out numbers (`Twenty-four`, `one million`, `a billion`), valued by compromise. */
function scanWords(segment: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const words = [...segment.matchAll(/[\p{L}]+(?:-[\p{L}]+)*/gu)];
  let i = 0;
  while (i < words.length) {
    const run = numberRun(segment, words, i);
    if (run.length === 0) {
      i++;
      continue;
    }
    const first = words[i]!;
    const last = words[i + run.length - 1]!;
    const token = valueOf(segment, first.index, last.index + last[0].length);
    if (token) tokens.push(token);
    i += run.length;
  }
  return tokens;
}

/** The words from `i` on that form one written number (joined by spaces, or `and` after a scale). */
function numberRun(segment: string, words: RegExpExecArray[], i: number): RegExpExecArray[] {
  const run: RegExpExecArray[] = [];
  for (let k = i; k < words.length; k++) {
    const word = words[k]!;
    const lower = word[0].toLowerCase();
    const isArticle = run.length === 0 && lower === 'a';
    if (lower === 'and' && run.length > 0 && isScaleWord(run[run.length - 1]!)) {
      const next = words[k + 1];
      if (next && isNumberWord(next[0]) && gapIsSpace(segment, word, next)) {
        run.push(word);
        continue;
      }
      break;
    }
    if (!isArticle && !isNumberWord(word[0])) break;
    if (run.length > 0 && !gapIsSpace(segment, run[run.length - 1]!, word)) break;
    if (isArticle) {
      // `a million`: the article stands for one, but only before a scale word.
      const next = words[k + 1];
      if (!next || !SCALE_WORDS.has(next[0].toLowerCase()) || !gapIsSpace(segment, word, next)) {
        break;
      }
    }
    run.push(word);
  }
  // A lone scale word (`million`) or a trailing `and` is not a number on its own.
  while (run.length > 0 && run[run.length - 1]![0].toLowerCase() === 'and') run.pop();
  if (run.length === 1 && SCALE_WORDS.has(run[0]![0].toLowerCase())) return [];
  return run;
}

function isNumberWord(word: string): boolean {
  const lower = word.toLowerCase();
  // Asked of every word: most have no hyphen and need no split.
  if (!lower.includes('-')) return NUMBER_WORDS.has(lower);
  return lower.split('-').every((part) => NUMBER_WORDS.has(part));
}

function isScaleWord(word: RegExpExecArray): boolean {
  return SCALE_WORDS.has(word[0].toLowerCase());
}

function gapIsSpace(segment: string, a: RegExpExecArray, b: RegExpExecArray): boolean {
  return /^\s+$/.test(segment.slice(a.index! + a[0].length, b.index));
}

const wordValues = new Map<string, number | null>();

function valueOf(segment: string, start: number, end: number): NumberToken | null {
  const written = segment.slice(start, end);
  const key = written.toLowerCase().replace(/\s+/g, ' ');
  if (!wordValues.has(key)) wordValues.set(key, parseWritten(key));
  const value = wordValues.get(key);
  if (value === null || value === undefined) return null;
  const scaleWord = /\b(hundred|thousand|million|billion|trillion)$/i.exec(key)?.[1];
  const scale = scaleWord ? SCALES[scaleWord]! : 1;
  return {
    start,
    end,
    value,
    plainInteger: false,
    letterScale: false,
    scaled: scale > 1,
    written: true,
    scale,
  };
}

function parseWritten(words: string): number | null {
  // compromise reads `a million` as just `million`; spell the article out as one.
  const phrase = words.replace(/^a /, 'one ');
  const values = nlp(phrase).numbers().get() as unknown[];
  if (values.length !== 1 || typeof values[0] !== 'number') return null;
  return Number.isFinite(values[0]) && values[0] > 0 ? values[0] : null;
}
