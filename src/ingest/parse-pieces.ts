import type { Range } from './mask.js';
import { PIECE_LINES } from './limits.js';

/**
 * Splits a range of text into the pieces the parser reads one at a time, so that its
 * quadratic cases (long nested lists) stay bounded. A range of at most {@link PIECE_LINES}
 * lines is one piece, parsed exactly as it is. A longer one is cut once a piece has that many
 * lines: between paragraphs (before a line at column 0 that follows a blank line, outside
 * fenced code); past twice as many, before any line at column 0; past four times, anywhere.
 */
export function parsePieces(text: string, [start, end]: Range): Range[] {
  if (!hasMoreLines(text, start, end, PIECE_LINES)) return [[start, end]];
  const pieces: Range[] = [];
  let pieceStart = start;
  let lines = 0;
  let blankBefore = false;
  let fence: string | null = null;
  for (let pos = start; pos < end;) {
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const line = text.slice(pos, lineEnd);
    if (lines >= PIECE_LINES && isCut(line, lines, blankBefore, fence)) {
      pieces.push([pieceStart, pos]);
      pieceStart = pos;
      lines = 0;
      fence = null;
    }
    fence = fenceAfter(fence, line);
    blankBefore = line.trim() === '';
    lines++;
    pos = lineEnd + 1;
  }
  pieces.push([pieceStart, end]);
  return pieces;
}

function isCut(line: string, lines: number, blankBefore: boolean, fence: string | null): boolean {
  if (lines >= 4 * PIECE_LINES) return true;
  const atColumnZero = line !== '' && !/^\s/.test(line);
  return atColumnZero && fence === null && (blankBefore || lines >= 2 * PIECE_LINES);
}

/** The open code fence (its backticks or tildes) after a line, or `null` outside one. */
function fenceAfter(fence: string | null, line: string): string | null {
  const marks = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
  if (fence === null) return marks ?? null;
  const closes = marks !== undefined && marks[0] === fence[0] && marks.length >= fence.length;
  return closes && line.trim() === marks ? null : fence;
}

function hasMoreLines(text: string, start: number, end: number, count: number): boolean {
  let pos = start;
  for (let n = 0; n < count; n++) {
    pos = text.indexOf('\n', pos) + 1;
    if (pos === 0 || pos >= end) return false;
  }
  return true;
}

/**
 * What lets the parser read one paragraph differently because of another across a blank line:
 * code fences, raw HTML (a comment or `<pre>` may span blank lines), link and footnote
 * definitions (they apply to the whole text), a carriage return (a line ending we do not split
 * on) and a byte order mark (skipped only at the start of a parse).
 */
const CROSSES_BLANK_LINES = /```|~~~|<|\]:|\r|\uFEFF/;

/**
 * Splits a piece into runs of paragraphs that the parser reads exactly as it reads the whole
 * piece, so that each can be read on its own (most need no Markdown parser at all). A run ends
 * before a line at column 0 that follows a blank line: nothing continues across that line but
 * indented code (no run ends after a line that may hold it) and the constructs
 * {@link CROSSES_BLANK_LINES} finds (a piece that has any is one run).
 */
export function paragraphRuns(text: string, [start, end]: Range): Range[] {
  if (CROSSES_BLANK_LINES.test(text.slice(start, end))) return [[start, end]];
  const runs: Range[] = [];
  let runStart = start;
  let blankBefore = false;
  // Indented code goes on across blank lines, and while it may, the next line is read as
  // interrupting it (`2) b` after it is a paragraph, not a list): no cut after code.
  let indentedBefore = false;
  for (let pos = start; pos < end;) {
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const blank = isBlank(text, pos, lineEnd);
    const atMargin = !blank && !isSpace(text.charCodeAt(pos));
    if (blankBefore && atMargin && !indentedBefore && pos > runStart) {
      runs.push([runStart, pos]);
      runStart = pos;
    }
    blankBefore = blank;
    if (!blank) indentedBefore = mayHoldCode(text, pos, lineEnd);
    pos = lineEnd + 1;
  }
  runs.push([runStart, end]);
  return runs;
}

/** A space or a tab: what Markdown counts as indentation and as blank. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * True when a line may hold indented code: four spaces or a tab anywhere in it (after a
 * list marker or a quote mark code starts later in the line; prose rarely has either).
 */
function mayHoldCode(text: string, from: number, to: number): boolean {
  const line = text.slice(from, to);
  return line.includes('    ') || line.includes('\t');
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
