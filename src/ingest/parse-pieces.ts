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
