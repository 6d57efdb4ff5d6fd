import { lines, type Range } from '../mask.js';
import type { Normalized } from './format.js';

/**
 * Normalizes plain text. Hard-wrapped text keeps blank lines between paragraphs; text with
 * long unwrapped lines (one paragraph per line, as saved from the web) is read a line at a time,
 * and short lines without closing punctuation between them are read as section headings.
 */
export function normalizePlainText(text: string): Normalized {
  const content = lines(text).filter((line) => line.text.trim() !== '');
  if (!isOneParagraphPerLine(content.map((line) => line.text))) {
    return { format: 'text', text, meta: {} };
  }
  const segments: Range[] = content.map((line) => [line.start, line.end]);
  const headings: Range[] = content
    .filter((line, i) => i > 0 && i < content.length - 1 && isHeadingLine(line.text))
    .map((line) => [line.start, line.end]);
  return { format: 'text', text, meta: {}, segments, headings };
}

function isOneParagraphPerLine(texts: string[]): boolean {
  if (texts.length === 0) return false;
  const long = texts.filter((t) => t.length > 120).length;
  return long / texts.length >= 0.3;
}

function isHeadingLine(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).length;
  return (
    words >= 2 && words <= 14 && /^[A-Z0-9“"‘']/.test(trimmed) && !/[.!?:;,"”’)]$/.test(trimmed)
  );
}
