import type { Entity, Quote, Sentence } from '../model.js';
import { attributionAfter, attributionBefore, type Attribution } from './quotes/attribution.js';
import { findQuoteSpans, type QuoteSpan } from './quotes/quote-marks.js';
import { isClause, looksLikeTitle, quotedWords, wordCount } from './quotes/quote-text.js';
import { resolveSpeaker, type SpeakerContext } from './quotes/resolve-speaker.js';
import { sentenceAt, usableSentences } from './sentence-ranges.js';

/** Below this many words a quote without a speaker is a scare quote or a name, not speech. */
const MIN_WORDS = 4;

/** A quote being read: its span, words and what is known of its speaker so far. */
interface Reading {
  span: QuoteSpan;
  words: string;
  open: Sentence;
  close: Sentence;
  attribution: Attribution | null;
  speaker: string | null;
}

/**
 * Finds the direct quotations in a document's body sentences and who said them.
 * Quotes may use straight or curly, double or single marks and run over several sentences and
 * lines. The speaker comes from the attribution around the quote (`," he said`, `said X`,
 * `X said: "`, `according to X`, `X quoted Y as saying`), mapped onto `entities`; `null` when
 * nobody is identifiable. Scare quotes and quoted titles are left out: a quote of fewer than
 * four words is kept only when it has a speaker and forms a clause. `start`/`end` bound the
 * quoted words, marks excluded. Never throws.
 */
export function findQuotes(text: string, sentences: Sentence[], entities: Entity[]): Quote[] {
  try {
    const sorted = usableSentences(text, sentences);
    const known = Array.isArray(entities) ? entities.filter(isEntity) : [];
    const spans = findQuoteSpans(text, sorted);
    const readings = spans
      .map((_span, i) => read(text, sorted, known, spans, i))
      .filter((r): r is Reading => r !== null);
    inheritSpeakers(text, readings);
    return readings.filter(isNotable).map((r) => ({
      text: r.words,
      speaker: r.speaker,
      sentence: r.open.id,
      start: r.span.open + 1,
      end: r.span.close,
    }));
  } catch {
    return [];
  }
}

function isEntity(entity: Entity): boolean {
  return (
    entity !== null &&
    typeof entity === 'object' &&
    typeof entity.name === 'string' &&
    Array.isArray(entity.mentions)
  );
}

function read(
  text: string,
  sorted: Sentence[],
  entities: Entity[],
  spans: QuoteSpan[],
  i: number,
): Reading | null {
  const span = spans[i]!;
  const open = sentenceAt(sorted, span.open);
  const close = sentenceAt(sorted, span.close) ?? sentenceAt(sorted, span.close - 1);
  if (!open || !close) return null;
  const words = quotedWords(text, sorted, span.open + 1, span.close);
  const attribution = attribute(text, spans, i, open, close);
  const context: SpeakerContext = { text, entities, quoteAt: span.open };
  const side = attribution && attribution.start > span.close ? 'after' : 'before';
  const speaker =
    attribution?.how === 'subject'
      ? resolveSpeaker(context, attribution.start, attribution.end, side)
      : null;
  return { span, words, open, close, attribution, speaker };
}

/** Reads the attribution after the quote, else before it, never across a neighbouring quote. */
function attribute(
  text: string,
  spans: QuoteSpan[],
  i: number,
  open: Sentence,
  close: Sentence,
): Attribution | null {
  const span = spans[i]!;
  const previous = spans[i - 1];
  const next = spans[i + 1];
  if (!span.continues) {
    const to = next && next.open < close.end ? next.open : close.end;
    const after = attributionAfter(text, span.close + 1, to);
    if (after) return after;
  }
  const from = previous && previous.close >= open.start ? previous.close + 1 : open.start;
  return attributionBefore(text, from, span.open);
}

/**
 * Fills in speakers the text gives only once: `, adding that "…"` and the parts of a quote that
 * runs over several paragraphs take the neighbouring quote's speaker, and so does a quote
 * standing as a sentence of its own right after an attributed quote.
 */
function inheritSpeakers(text: string, readings: Reading[]): void {
  for (let i = readings.length - 2; i >= 0; i--) {
    const r = readings[i]!;
    if (r.speaker === null && r.span.continues) r.speaker = readings[i + 1]!.speaker;
  }
  for (let i = 1; i < readings.length; i++) {
    const r = readings[i]!;
    const previous = readings[i - 1]!;
    if (r.speaker !== null) continue;
    if (previous.span.continues) {
      r.speaker = previous.speaker;
    } else if (r.attribution?.how === 'participle' && previous.close.id === r.open.id) {
      r.speaker = previous.speaker;
    } else if (!r.attribution && followsDirectly(text, previous, r)) {
      r.speaker = previous.speaker;
    }
  }
}

/**
 * True when `r` opens the sentence right after the one where `previous` closed, in the same
 * paragraph or at the start of the next (`…," said X.` then a new paragraph `"…"`).
 */
function followsDirectly(text: string, previous: Reading, r: Reading): boolean {
  if (r.open.id !== previous.close.id + 1) return false;
  return /^\s*$/.test(text.slice(r.open.start, r.span.open));
}

function isNotable(r: Reading): boolean {
  if (r.words.length === 0 || looksLikeTitle(r.words)) return false;
  if (wordCount(r.words) >= MIN_WORDS) return true;
  return r.speaker !== null && isClause(r.words);
}
