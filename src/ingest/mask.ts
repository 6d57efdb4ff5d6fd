/**
 * Length-preserving edits of a document's text. Format normalizers hide boilerplate by
 * overwriting it with spaces (newlines kept), so every offset the parser reports still
 * points into the original text.
 */

/** A half-open character range `[start, end)` of a text. */
export type Range = readonly [start: number, end: number];

/** Returns `text` with every character inside `ranges` replaced by a space, newlines kept. */
export function mask(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const chars = text.split('');
  for (const [start, end] of ranges) {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    }
  }
  return chars.join('');
}

/** A line of a text with its offsets (`end` excludes the line break). */
export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Splits a text into lines with offsets; handles `\n` and `\r\n`. */
export function lines(text: string): Line[] {
  const result: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    result.push({ index: index++, start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (end === text.length) break;
    start = end + 1;
  }
  return result;
}

/** The range of a whole line, for masking it. */
export function lineRange(line: Line): Range {
  return [line.start, line.end];
}
