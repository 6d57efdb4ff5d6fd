import type { DeclaredMeta } from '../../model.js';
import { lines, mask, type Line, type Range } from '../mask.js';
import type { Normalized } from './format.js';

/**
 * Normalizes plain text. Hard-wrapped text keeps blank lines between paragraphs; text with
 * long unwrapped lines (one paragraph per line, as saved from the web) is read a line at a time,
 * and short lines without closing punctuation between them are read as section headings.
 */
export function normalizePlainText(text: string): Normalized {
  const content = lines(text).filter((line) => line.text.trim() !== '');
  const meta: DeclaredMeta = {};
  const ranges: Range[] = [];
  const first = content[0];
  if (first && content.length > 1 && isHeadingLine(first.text)) {
    meta.title = first.text.trim().replace(/\s+/g, ' ');
    ranges.push([first.start, first.end]);
    content.shift();
  }
  const masked = mask(text, ranges);
  const texts = content.map((line) => line.text);
  const paragraphPerLine = isOneParagraphPerLine(texts);
  const sentencePerLine = !paragraphPerLine && !isHardWrapped(texts);
  if (!sentencePerLine && !paragraphPerLine) {
    return { format: 'text', text: masked, meta };
  }
  const segments = unitsOf(content);
  // Text written a sentence per line (wire copy, corpora) has bylines and datelines, not headings.
  const headings: Range[] = sentencePerLine
    ? []
    : content
        .filter(
          (line, i) =>
            isHeadingLine(line.text) &&
            isProse(content[i - 1]?.text) &&
            isProse(content[i + 1]?.text),
        )
        .map((line) => [line.start, line.end]);
  return { format: 'text', text: masked, meta, segments, headings };
}

function isOneParagraphPerLine(texts: string[]): boolean {
  if (texts.length === 0) return false;
  const long = texts.filter((t) => t.length > 120).length;
  return long / texts.length >= 0.3;
}

/**
 * Each line is a unit, except a line that plainly continues the one before it (it starts in
 * lower case after a line that ends no sentence): wire copy often wraps a long sentence.
 */
function unitsOf(content: Line[]): Range[] {
  const units: [number, number][] = [];
  content.forEach((line, i) => {
    const previous = content[i - 1];
    const continues =
      previous !== undefined &&
      /^\s*[a-z(]/.test(line.text) &&
      !/[.!?:]["'”’)]?\s*$/.test(previous.text);
    if (continues && units.length > 0) units[units.length - 1]![1] = line.end;
    else units.push([line.start, line.end]);
  });
  return units;
}

/**
 * Hard-wrapped prose fills most lines to near the wrap width; text written a line per sentence
 * or per row (wire copy, tables, corpora) has lines of every length, each its own unit.
 */
function isHardWrapped(texts: string[]): boolean {
  if (texts.length < 4) return true;
  const lengths = texts.map((t) => t.trimEnd().length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  const full = lengths.filter((n) => n >= width * 0.75).length;
  // Wrapped lines break mid-sentence; lines that mostly end a sentence are units of their own.
  const ended = texts.filter((t) => /[.!?]["'”’)]?\s*$/.test(t)).length;
  // Table rows and lists fill their lines too, but with a few words and figures each.
  const words = texts.map((t) => (t.match(/\p{L}{2,}/gu) ?? []).length).sort((a, b) => a - b);
  const medianWords = words[Math.floor(words.length / 2)]!;
  return full / lengths.length >= 0.5 && ended / texts.length < 0.5 && medianWords >= 7;
}

/** A line of running prose: a section heading sits between two of them. */
function isProse(text: string | undefined): boolean {
  return text !== undefined && text.trim().split(/\s+/).length >= 15;
}

function isHeadingLine(text: string): boolean {
  const trimmed = text.trim();
  if (
    /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}$/.test(
      trimmed,
    )
  )
    return false;
  const words = trimmed.split(/\s+/).length;
  return (
    words >= 2 && words <= 14 && /^[A-Z0-9“"‘']/.test(trimmed) && !/[.!?:;,"”’)]$/.test(trimmed)
  );
}
