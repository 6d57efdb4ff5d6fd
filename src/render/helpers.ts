/**
 * Small formatting helpers for the templates. They format values the model already holds;
 * they never decide what to show. Each returns plain text, which Handlebars then escapes.
 */
import type { HelperDelegate } from 'handlebars';
import { MONTHS } from '../format/months.js';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Formats a model date for reading: `2008-05-16` → `16 May 2008`, `2017-01` → `January 2017`,
 * `2018` → `2018`. A timestamp keeps only its calendar date. Anything it cannot read is
 * returned unchanged rather than guessed at; `null` becomes an empty string.
 */
export function formatDate(iso: string | null | undefined): string {
  if (iso == null) return '';
  const m = PARTIAL_DATE.exec(iso.trim());
  if (!m) return iso;
  const [, year, month, day] = m;
  if (month === undefined) return year ?? iso;
  const name = MONTHS[Number(month) - 1];
  if (name === undefined) return iso;
  if (day === undefined) return `${name} ${year}`;
  const d = Number(day);
  if (d < 1 || d > 31) return iso;
  return `${d} ${name} ${year}`;
}

/**
 * Formats a source's publication date, saying how sure it is: an `estimated` date reads
 * `c. 2017 (estimated)`, a missing one `Date not stated`.
 */
export function formatSourceDate(published: string | null, publishedFrom: string | null): string {
  if (published === null) return 'Date not stated';
  const date = formatDate(published);
  return publishedFrom === 'estimated' ? `c. ${date} (estimated)` : date;
}

/**
 * Formats a period `from`–`to` with an en dash; a single date when both ends are the same.
 * Returns an empty string for `null`, so templates can guard with `{{#if period}}`.
 */
export function formatPeriod(period: { from: string; to: string } | null | undefined): string {
  if (period == null) return '';
  if (period.from === period.to) return formatDate(period.from);
  return `${formatDate(period.from)} – ${formatDate(period.to)}`;
}

/** Formats a number with thousands separators: `1250000` → `1,250,000`. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
}

/**
 * Formats an amount of money compactly with its ISO currency code:
 * `(200000000, 'USD')` → `USD 200 million`, `(1250000000, 'CNY')` → `CNY 1.25 billion`,
 * `(50000, 'RMB')` → `RMB 50,000`.
 */
export function formatMoney(value: number, unit: string): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  const prefix = unit ? `${unit} ` : '';
  for (const [scale, word] of scales) {
    if (Math.abs(value) >= scale) return `${prefix}${formatNumber(value / scale)} ${word}`;
  }
  return `${prefix}${formatNumber(value)}`;
}

/**
 * A count with its noun: `(1, 'document')` → `1 document`, `(3, 'document')` → `3 documents`,
 * `(2, 'entry', 'entries')` → `2 entries`.
 */
export function formatCount(n: number, singular: string, plural?: string): string {
  const noun = n === 1 ? singular : (plural ?? `${singular}s`);
  return `${formatNumber(n)} ${noun}`;
}

/** Handlebars passes its `options` object as the last argument; helpers drop it. */
function args(raw: unknown[]): unknown[] {
  return raw.slice(0, -1);
}

/**
 * The helpers the templates may call, by name (prefixed `format` so that none shadows a
 * model field such as `date` or `period`). Each validates its arguments so a template
 * mistake fails loudly instead of printing `NaN` or `[object Object]`.
 */
export const helpers: Record<string, HelperDelegate> = {
  formatDate: (...raw: unknown[]) => {
    const [value] = args(raw);
    if (value != null && typeof value !== 'string')
      throw new TypeError('formatDate: expects a string');
    return formatDate(value);
  },
  formatSourceDate: (...raw: unknown[]) => {
    const [published, from] = args(raw);
    if (published != null && typeof published !== 'string') {
      throw new TypeError('formatSourceDate: expects a date string or null');
    }
    return formatSourceDate(published ?? null, typeof from === 'string' ? from : null);
  },
  formatPeriod: (...raw: unknown[]) => {
    const [value] = args(raw);
    return formatPeriod(value as { from: string; to: string } | null);
  },
  formatNumber: (...raw: unknown[]) => {
    const [value] = args(raw);
    if (typeof value !== 'number') throw new TypeError('formatNumber: expects a number');
    return formatNumber(value);
  },
  formatMoney: (...raw: unknown[]) => {
    const [value, unit] = args(raw);
    if (typeof value !== 'number') throw new TypeError('formatMoney: expects a number');
    return formatMoney(value, typeof unit === 'string' ? unit : '');
  },
  formatCount: (...raw: unknown[]) => {
    const [n, singular, plural] = args(raw);
    if (typeof n !== 'number' || typeof singular !== 'string') {
      throw new TypeError('formatCount: expects a number and a noun');
    }
    return formatCount(n, singular, typeof plural === 'string' ? plural : undefined);
  },
};
