import * as chrono from 'chrono-node';
import type { DatedSentence, Sentence } from '../model.js';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';
const MAY_HOLD_DATE = /\b(?:1[89]\d\d|2\d{3}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

/**
 * Finds the absolute date each sentence talks about, where it says one. Dates without a year
 * (`last September`, `in early March`) are placed relative to the publication date and only
 * when that date is known to the month; weekday-only mentions are ignored.
 */
export function findDates(sentences: Sentence[], published: string | null): DatedSentence[] {
  const reference = referenceDate(published);
  const dated: DatedSentence[] = [];
  for (const sentence of sentences) {
    // Only a month name or a year can give a date we keep; chrono is the slow part, so ask first.
    if (!MAY_HOLD_DATE.test(sentence.text)) continue;
    const found = dateIn(sentence.text, reference);
    if (found) dated.push({ sentence: sentence.id, ...found });
  }
  return dated;
}

function referenceDate(published: string | null): Date | null {
  if (!published || published.length < 7) return null;
  return new Date(`${published.length === 7 ? `${published}-28` : published}T12:00:00Z`);
}

function dateIn(text: string, reference: Date | null): { date: string; text: string } | null {
  const results = chrono.en.casual.parse(text, reference ?? new Date(0), { forwardDate: false });
  for (const result of results) {
    const start = result.start;
    if (!start.isCertain('month')) continue;
    if (!/\d{4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(result.text)) continue;
    const month = start.get('month')!;
    let year = start.isCertain('year') ? start.get('year')! : null;
    if (year === null) {
      if (!reference) continue;
      // Undated months in news refer to the most recent such month, on or before publication.
      const refYear = reference.getUTCFullYear();
      year = month <= reference.getUTCMonth() + 1 ? refYear : refYear - 1;
    }
    const day = start.isCertain('day') ? start.get('day')! : null;
    const date = format(year, month, day);
    if (date) return { date, text: result.text.trim() };
  }
  return null;
}

/**
 * `YYYY-MM-DD` (or `YYYY-MM` without a day) for a day of the calendar in years 1–9999, the
 * years the model's four digits can write; `null` for anything else (`2018-02-30`, year 99999).
 */
function format(year: number, month: number, day: number | null): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day ?? 1);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== (day ?? 1)) return null;
  const yyyy = String(year).padStart(4, '0');
  const mm = String(month).padStart(2, '0');
  return day === null ? `${yyyy}-${mm}` : `${yyyy}-${mm}-${String(day).padStart(2, '0')}`;
}

/** Parses a stated full or month date (`Aug 25, 2018`, `25 August 2018`, `2018-08-25`); `null` otherwise. */
export function parseStatedDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  // `2018-13-40` has the shape of a date but names none: no date is read from it.
  if (iso) return format(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const result = chrono.en.strict.parse(text, new Date(0))[0];
  if (!result || !result.start.isCertain('year') || !result.start.isCertain('month')) {
    const monthYear = new RegExp(`\\b(${MONTHS})\\s+(\\d{4})\\b`).exec(text);
    if (!monthYear) return null;
    const month = MONTHS.split('|').indexOf(monthYear[1]!) + 1;
    return format(Number(monthYear[2]), month, null);
  }
  const start = result.start;
  return format(
    start.get('year')!,
    start.get('month')!,
    start.isCertain('day') ? start.get('day')! : null,
  );
}
