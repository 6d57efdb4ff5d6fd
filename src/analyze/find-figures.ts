import type { Figure, Sentence } from '../model.js';
import { countedNounAfter, isPluralNoun } from './figures/counted-noun.js';
import { currencyAfter, currencyBefore, resolveYenSign } from './figures/currencies.js';
import { isNotACount, isYear } from './figures/not-a-count.js';
import { scanNumbers, type NumberToken } from './figures/scan-numbers.js';
import { usableSentences } from './sentence-ranges.js';

/** A figure found in one sentence, with offsets local to that sentence's text. */
interface LocalFigure {
  kind: Figure['kind'];
  value: number;
  unit: string;
  start: number;
  end: number;
  token: NumberToken;
}

/** What classifying a sentence's numbers needs to know beyond the number itself. */
interface Context {
  segment: string;
  document: string;
  tokens: NumberToken[];
  found: LocalFigure[];
}

const PERCENT =
  /^\s*(?:%|percentage\s+points?(?![\p{L}])|per\s*-?\s*cent(?![\p{L}])|percent(?![\p{L}])|pct(?![\p{L}]))/iu;
/** Between the two ends of a range: `700 to over 1,000`, `$5-10 million`. */
const RANGE_GAP =
  /^\s*(?:-|–|—|to|and)\s*(?:over|more than|about|around|nearly|almost|some|as many as)?\s*(?:US\$|[$€£¥])?\s*$/i;
const PEOPLE_CONTEXT =
  /\b(?:population|city|town|country|nation|metropolis|region|province|state|home)\s+(?:of|to)\s+(?:about|around|some|nearly|almost|over|more than|roughly|approximately|an estimated|close to)?\s*$/i;

/**
 * Finds the sums of money, percentages and counts stated in a document's body sentences.
 * `text` is the document's original text and `sentences` its body sentences with offsets into it;
 * only the sentence ranges are searched, since the text between them can be boilerplate.
 * Years, dates, times, ordinals, labels and identifiers are left out. Never throws.
 */
export function findFigures(text: string, sentences: Sentence[]): Figure[] {
  const figures: Figure[] = [];
  for (const sentence of usableSentences(text, sentences)) {
    try {
      figures.push(...figuresInSentence(text, sentence));
    } catch {
      // A sentence the rules cannot read yields no figures; the others still count.
    }
  }
  return figures.sort((a, b) => a.start - b.start || a.end - b.end);
}

function figuresInSentence(text: string, sentence: Sentence): Figure[] {
  const segment = text.slice(sentence.start, sentence.end);
  const context: Context = { segment, document: text, tokens: scanNumbers(segment), found: [] };
  context.tokens.forEach((token, i) => {
    const figure = moneyFigure(context, token, i) ?? percentFigure(context, token, i);
    if (figure) context.found.push(figure);
    else if (!token.letterScale) countFigure(context, token, i);
  });
  return context.found.map((f) => ({
    text: segment.slice(f.start, f.end),
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    sentence: sentence.id,
    start: sentence.start + f.start,
    end: sentence.start + f.end,
  }));
}

function moneyFigure(context: Context, token: NumberToken, i: number): LocalFigure | null {
  const { segment } = context;
  const before = currencyBefore(segment, token.start);
  const after = before
    ? null
    : currencyAfter(segment, token.end, { scaled: token.scaled, digits: !token.written });
  const mark = before ?? after ?? rangeCurrency(context, token, i);
  // `in 2019 dollars` names a year's money, not an amount.
  if (!mark || (!before && isYear(token))) return null;
  const unit = mark.code === '¥' ? resolveYenSign(segment, context.document) : mark.code;
  borrowScale(context, token, i);
  return {
    kind: 'money',
    value: token.value,
    unit,
    start: Math.min(mark.start, token.start),
    end: Math.max(mark.end, token.end),
    token,
  };
}

/** The second end of a money range takes the first's currency: `$5 to 10 million`. */
function rangeCurrency(context: Context, token: NumberToken, i: number) {
  const previous = previousFigure(context, i);
  if (previous?.kind !== 'money') return null;
  if (!RANGE_GAP.test(context.segment.slice(previous.end, token.start))) return null;
  return { code: previous.unit, start: token.start, end: token.end };
}

/** The first end of a money range takes the second's scale: `$5-10 million` is 5 million. */
function borrowScale(context: Context, token: NumberToken, i: number): void {
  const previous = previousFigure(context, i);
  if (previous?.kind !== 'money' || previous.token.scale !== 1 || token.scale === 1) return;
  if (!RANGE_GAP.test(context.segment.slice(previous.end, token.start))) return;
  if (!Number.isFinite(previous.value * token.scale)) return;
  previous.value *= token.scale;
}

function previousFigure(context: Context, i: number): LocalFigure | undefined {
  const previousToken = context.tokens[i - 1];
  return context.found.find((f) => f.token === previousToken);
}

function percentFigure(context: Context, token: NumberToken, i: number): LocalFigure | null {
  const m = PERCENT.exec(context.segment.slice(token.end));
  if (!m) return null;
  percentRangeStart(context, token, i);
  return {
    kind: 'percent',
    value: token.value,
    unit: '%',
    start: token.start,
    end: token.end + m[0].length,
    token,
  };
}

/** The first end of a percent range is a percentage too: `from 16 to 31 per cent`. */
function percentRangeStart(context: Context, token: NumberToken, i: number): void {
  const first = context.tokens[i - 1];
  if (!first || context.found.some((f) => f.token === first)) return;
  if (!RANGE_GAP.test(context.segment.slice(first.end, token.start))) return;
  context.found.push({
    kind: 'percent',
    value: first.value,
    unit: '%',
    start: first.start,
    end: first.end,
    token: first,
  });
}

function countFigure(context: Context, token: NumberToken, i: number): void {
  const { segment } = context;
  if (isNotACount(segment, token)) return;
  const noun = countedNounAfter(segment, token.end);
  const add = (unit: string, end: number) =>
    context.found.push({ kind: 'count', value: token.value, unit, start: token.start, end, token });
  if (noun) {
    add(noun.unit, noun.end);
    shareWithRangeStart(context, token, i, noun.unit);
  } else if (PEOPLE_CONTEXT.test(segment.slice(0, token.start))) {
    add('people', token.end);
  } else {
    const unit = rangeNoun(context, token, i);
    if (unit !== null) add(unit, token.end);
    else if (token.scaled && token.value >= 1e6) add('', token.end);
  }
}

/**
 * For the second end of a range with no noun after it, the noun before the range:
 * `its staff from 700 to over 1,000` counts staff.
 */
function rangeNoun(context: Context, token: NumberToken, i: number): string | null {
  const first = context.tokens[i - 1];
  if (!first || !RANGE_GAP.test(context.segment.slice(first.end, token.start))) return null;
  const lead = /([\p{L}]+)\s+(?:from|between)\s+$/u.exec(context.segment.slice(0, first.start));
  const noun = lead?.[1];
  if (!noun || !isPluralNoun(noun)) return null;
  if (!context.found.some((f) => f.token === first) && !isNotACount(context.segment, first)) {
    context.found.push({
      kind: 'count',
      value: first.value,
      unit: noun,
      start: first.start,
      end: first.end,
      token: first,
    });
  }
  return noun;
}

/** The first end of a range takes the noun of the second: `between 5 and 10 companies`. */
function shareWithRangeStart(context: Context, token: NumberToken, i: number, unit: string): void {
  const first = context.tokens[i - 1];
  if (!first || context.found.some((f) => f.token === first)) return;
  if (!RANGE_GAP.test(context.segment.slice(first.end, token.start))) return;
  if (isNotACount(context.segment, first)) return;
  context.found.push({
    kind: 'count',
    value: first.value,
    unit,
    start: first.start,
    end: first.end,
    token: first,
  });
}
