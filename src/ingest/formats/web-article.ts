import type { DeclaredMeta } from '../../model.js';
import { lines, lineRange, mask, type Line, type Range } from '../mask.js';
import type { Normalized } from './format.js';

const DATE_BREADCRUMB = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b.*$/i;
const BREADCRUMB = /\bYou are here\b/i;
const PHOTO_CREDIT =
  /^\s*(?:\(?\s*(?:photo|photograph|picture|image|file photo|illustration)s?\s*(?:credit)?\s*(?::|by)\s*[^\n]{0,80}\)?|[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*\/\s*(?:Getty Images|AFP|Reuters|AP|EPA|Bloomberg)[^\n]{0,40})\s*$/i;
const TIMESTAMP_LINE =
  /^\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})(?:\s*[-–—|,]?\s*\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)?(?:\s*[A-Z]{2,4})?)?\s*$/i;
const DATELINE = /^\s*\[([A-Z][A-Z .'-]{1,40})\]\s*/;

/** True when a text is a saved web article: it opens with a `date YYYY-MM-DD … You are here` line. */
export function isWebArticle(text: string): boolean {
  const first = lines(text.slice(0, 2000)).find((line) => line.text.trim() !== '');
  return !!first && DATE_BREADCRUMB.test(first.text) && BREADCRUMB.test(first.text);
}

/**
 * Normalizes a saved web article: reads the page date and the headline, and masks the page
 * chrome: the date/breadcrumb line, the headline (it becomes the title), the timestamp line,
 * photo credits, the `[CITY]` dateline tag and the trailing section word.
 */
export function normalizeWebArticle(text: string): Normalized {
  const all = lines(text);
  const content = all.filter((line) => line.text.trim() !== '');
  const meta: DeclaredMeta = {};
  const ranges: Range[] = [];
  const first = content[0];
  const date = first ? DATE_BREADCRUMB.exec(first.text) : null;
  if (first && date) {
    meta.date = date[1]!;
    meta.dateFrom = 'header';
    ranges.push(lineRange(first));
  }
  const headline = content[1];
  if (headline && looksLikeHeadline(headline.text)) {
    meta.title = headline.text.trim().replace(/\s+/g, ' ');
    ranges.push(lineRange(headline));
  }
  for (const line of content) {
    if (
      PHOTO_CREDIT.test(line.text) ||
      TIMESTAMP_LINE.test(line.text) ||
      BREADCRUMB.test(line.text)
    ) {
      ranges.push(lineRange(line));
    }
  }
  const dateline = content
    .map((line) => ({ line, match: DATELINE.exec(line.text) }))
    .find((x) => x.match);
  if (dateline?.match) {
    ranges.push([dateline.line.start, dateline.line.start + dateline.match[0].length]);
  }
  const trailer = sectionTrailer(content);
  if (trailer) ranges.push(lineRange(trailer));
  return { format: 'web-article', text: mask(text, ranges), meta, joinBrokenParagraphs: false };
}

function looksLikeHeadline(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return words.length >= 3 && words.length <= 25 && !/[.:]\s*$/.test(line.trim());
}

/** A section name left at the end of a saved page (`Consumer`, `World News`). */
function sectionTrailer(content: Line[]): Line | undefined {
  const last = content[content.length - 1];
  if (!last || content.length < 3) return undefined;
  const words = last.text.trim().split(/\s+/);
  return words.length <= 3 && /^[A-Z]/.test(last.text.trim()) && !/[.!?"”]$/.test(last.text.trim())
    ? last
    : undefined;
}
