/**
 * Dates as the briefing states them (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), turned into
 * the span of time they actually cover, so a year is never drawn as 1 January.
 */

import { MONTHS } from '../format/months.js';

/** How precisely a date is known. */
export type Precision = 'day' | 'month' | 'year';

/** A stated date and the span of time it covers, in UTC milliseconds. */
export interface DateSpan {
  precision: Precision;
  /** Start of the period (inclusive). */
  start: number;
  /** End of the period (exclusive): the next day, month or year. */
  end: number;
}

/** The span a stated date covers; `null` for anything that is not a valid date. */
export function parseDate(date: string | null | undefined): DateSpan | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]) - 1;
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month === null) {
    return { precision: 'year', start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  }
  if (month < 0 || month > 11) return null;
  if (day === null) {
    return {
      precision: 'month',
      start: Date.UTC(year, month, 1),
      end: Date.UTC(year, month + 1, 1),
    };
  }
  const start = Date.UTC(year, month, day);
  // Date.UTC rolls 31 February over into March; such a date was never valid.
  if (day < 1 || new Date(start).getUTCMonth() !== month) return null;
  return { precision: 'day', start, end: Date.UTC(year, month, day + 1) };
}

/** A stated date for a chart label, at its own precision: `16 May 2008`, `Feb 2008`, `2008`. */
export function shortDate(span: DateSpan): string {
  const d = new Date(span.start);
  const year = String(d.getUTCFullYear());
  const month = (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3);
  if (span.precision === 'year') return year;
  if (span.precision === 'month') return `${month} ${year}`;
  return `${d.getUTCDate()} ${month} ${year}`;
}

/** A stated date for prose (accessible descriptions): `16 May 2008`, `February 2008`, `2008`. */
export function longDate(span: DateSpan): string {
  const d = new Date(span.start);
  const year = String(d.getUTCFullYear());
  const month = MONTHS[d.getUTCMonth()] ?? '';
  if (span.precision === 'year') return year;
  if (span.precision === 'month') return `${month} ${year}`;
  return `${d.getUTCDate()} ${month} ${year}`;
}
