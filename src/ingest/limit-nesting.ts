import type { TextProblem } from './bound-text.js';
import { mask, type Range } from './mask.js';
import { MAX_NESTING } from './limits.js';

/**
 * Blanks every line nested in more than {@link MAX_NESTING} block quotes and lists, so that the
 * parser never meets deep nesting; dropped lines are reported once (`too-deep`, at the first).
 * Length-preserving (see `mask`). A line's depth is read from its prefix, generously: each `>`
 * and each list marker is a level, and indentation before them continues the levels the
 * lines above left open (a nested item needs at least two more columns than its parent).
 */
export function maskDeepNesting(text: string): { text: string; problem?: TextProblem } {
  const ranges: Range[] = [];
  let firstLine = 0;
  let open = 0;
  let blankBefore = false;
  for (let start = 0, line = 1; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const { markers, indent } = prefixOf(text, start, end);
    const blank = markers === 0 && text.slice(start, end).trim() === '';
    if (markers > 0) {
      const depth = markers + Math.min(Math.floor(indent / 2), open);
      if (depth > MAX_NESTING && !THEMATIC_BREAK.test(text.slice(start, end))) {
        ranges.push([start, end]);
        firstLine ||= line;
      }
      open = depth;
    } else if (indent === 0 && !blank && blankBefore) {
      open = 0; // a paragraph at the margin after a blank line closes every list and quote
    }
    blankBefore = blank;
    start = end + 1;
  }
  if (ranges.length === 0) return { text };
  const more = ranges.length > 1 ? ` (and ${ranges.length - 1} more such lines)` : '';
  return {
    text: mask(text, ranges),
    problem: {
      line: firstLine,
      code: 'too-deep',
      reason: `line nested more than ${MAX_NESTING} block quotes or lists deep; dropped${more}`,
    },
  };
}

/** `- - - - …` is a rule, not a list, however many dashes it has. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The block-quote and list markers a line opens with (counted up to just past the limit), and its indentation. */
function prefixOf(text: string, start: number, end: number): { markers: number; indent: number } {
  let markers = 0;
  let indent = 0;
  let i = start;
  while (i < end && markers <= MAX_NESTING) {
    let columns = 0;
    for (; text[i] === ' ' || text[i] === '\t'; i++) columns += text[i] === '\t' ? 4 : 1;
    if (markers === 0) indent = columns;
    const marker = markerLength(text, i, end);
    if (marker === 0) break;
    markers++;
    i += marker;
  }
  return { markers, indent };
}

/** Length of the block-quote or list marker at `i`, or 0. */
function markerLength(text: string, i: number, end: number): number {
  const char = text[i];
  if (char === '>') return 1;
  const spaced = (at: number) => at >= end || text[at] === ' ' || text[at] === '\t';
  if ((char === '-' || char === '*' || char === '+') && spaced(i + 1)) return 1;
  let j = i;
  while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return j > i && (text[j] === '.' || text[j] === ')') && spaced(j + 1) ? j + 1 - i : 0;
}
