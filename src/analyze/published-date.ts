import type { DeclaredMeta, PublishedFrom, Sentence } from '../model.js';
import { parseStatedDate } from './find-dates.js';

/** A document's publication date and where it was read from. */
export interface Published {
  published: string | null;
  publishedFrom: PublishedFrom;
}

const DATE_WORDS =
  '(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?(?:[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+[A-Z][a-z]{2,8}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})';
const LEADING_DATE_LINE = new RegExp(`^\\s*(?:date\\s+)?(${DATE_WORDS})\\b`, 'i');
const DATELINE = new RegExp(
  `^[A-Z][A-Za-z .'-]{1,40},?\\s+(${DATE_WORDS})\\s*(?:\\([A-Za-z .]+\\))?\\s*[-–—:|]`,
);
const STATED = new RegExp(
  `\\b(?:published|posted|updated|last updated|first published|date)\\s*(?:on|:)?\\s*(?:[\\d:.]+\\s*[AP]\\.?M\\.?\\s*[A-Z]{0,4},?\\s*)?(${DATE_WORDS})`,
  'i',
);
const FUTURE =
  /\b(?:will|would|by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d|projected|expected|forecast|predicted|plans?|target|until|through)\b/i;

/**
 * Decides when a document was published: declared (front matter, header), then a dateline or
 * a date line at the top, then a stated `Published …` date. When the text states none, the
 * year is estimated from the latest year its sentences report as past, and marked `estimated`.
 * A date is never invented: with no evidence the answer is `null`.
 */
export function publishedDate(meta: DeclaredMeta, text: string, sentences: Sentence[]): Published {
  if (meta.date && meta.dateFrom) return { published: meta.date, publishedFrom: meta.dateFrom };
  const top = text.slice(0, 400);
  const leading = LEADING_DATE_LINE.exec(top) ?? DATELINE.exec(sentences[0]?.text ?? '');
  const fromTop = leading ? parseStatedDate(leading[1]!) : null;
  if (fromTop) return { published: fromTop, publishedFrom: 'dateline' };
  const stated = STATED.exec(text.slice(0, 5000));
  const fromText = stated ? parseStatedDate(stated[1]!) : null;
  if (fromText) return { published: fromText, publishedFrom: 'text' };
  const estimate = latestPastYear(sentences);
  return estimate
    ? { published: estimate, publishedFrom: 'estimated' }
    : { published: null, publishedFrom: null };
}

function latestPastYear(sentences: Sentence[]): string | null {
  let latest = 0;
  for (const sentence of sentences) {
    if (FUTURE.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(/\b(19[5-9]\d|20\d\d)\b(?![-–]\d)/g)) {
      const before = sentence.text.slice(Math.max(0, match.index - 2), match.index);
      if (/[-–$]/.test(before)) continue;
      latest = Math.max(latest, Number(match[1]));
    }
  }
  return latest > 0 ? String(latest) : null;
}
