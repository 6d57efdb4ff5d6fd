import { MAX_LINE_CHARS, MAX_TEXT_CHARS } from './limits.js';

/** Something a guard changed or dropped in a document's text, at a 1-based line. */
export interface TextProblem {
  line: number;
  code: string;
  reason: string;
}

/**
 * Bounds a document's text before anything else reads it: each line longer than
 * {@link MAX_LINE_CHARS} is cut at a word break (`long-line`), then text beyond
 * {@link MAX_TEXT_CHARS} is dropped at a line break (`truncated`). The result is the text the
 * document is read as, which every offset points into. Linear in the text's length.
 */
export function boundText(text: string): { text: string; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const cut = cutLongLines(text);
  if (cut.problem) problems.push(cut.problem);
  const truncated = truncate(cut.text);
  if (truncated.problem) problems.push(truncated.problem);
  return { text: truncated.text, problems };
}

function cutLongLines(text: string): { text: string; problem?: TextProblem } {
  const parts: string[] = [];
  let from = 0;
  let cuts = 0;
  let first: { line: number; length: number } | undefined;
  for (let start = 0, line = 1; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > MAX_LINE_CHARS) {
      parts.push(text.slice(from, breakBefore(text, start, start + MAX_LINE_CHARS)));
      from = end;
      cuts++;
      first ??= { line, length: end - start };
    }
    start = end + 1;
  }
  if (!first) return { text };
  parts.push(text.slice(from));
  const more = cuts > 1 ? ` (and ${cuts - 1} more such line${cuts > 2 ? 's' : ''})` : '';
  return {
    text: parts.join(''),
    problem: {
      line: first.line,
      code: 'long-line',
      reason: `line is ${count(first.length)} characters long; cut to its first ${count(MAX_LINE_CHARS)}${more}`,
    },
  };
}

function truncate(text: string): { text: string; problem?: TextProblem } {
  if (text.length <= MAX_TEXT_CHARS) return { text };
  const newline = text.lastIndexOf('\n', MAX_TEXT_CHARS - 1);
  const end = newline > MAX_TEXT_CHARS / 2 ? newline : breakBefore(text, 0, MAX_TEXT_CHARS);
  const kept = text.slice(0, end);
  return {
    text: kept,
    problem: {
      line: kept.split('\n').length,
      code: 'truncated',
      reason: `the text is ${count(text.length)} characters long; only the first ${count(end)} are read (up to this line)`,
    },
  };
}

/** Where to cut a line at most at `limit`: at the last space close before it, never inside a character. */
function breakBefore(text: string, start: number, limit: number): number {
  const space = text.lastIndexOf(' ', limit);
  if (space > limit - 1000 && space > start) return space;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
