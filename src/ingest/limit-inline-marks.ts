import type { TextProblem } from './bound-text.js';
import { MAX_INLINE_MARKS } from './limits.js';

const MARK = new Set(['*', '_', '~', '[', ']']);
/** Marks that count once per run (`**`); brackets count one by one. */
const RUNS = new Set(['*', '_', '~']);

/**
 * In each paragraph (a run of non-blank lines) with more than {@link MAX_INLINE_MARKS}
 * emphasis, strikethrough and link marks, blanks those marks so that the paragraph is read as
 * plain text; reported once (`markup-ignored`, at the first). Length-preserving. A run of the
 * same mark (`**`) counts once.
 */
export function limitInlineMarks(text: string): { text: string; problem?: TextProblem } {
  const floods: { start: number; end: number; line: number }[] = [];
  // `line` of a paragraph is the line of its first mark.
  let paragraph = { start: 0, line: 0, marks: 0 };
  let line = 1;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (char === undefined || (char === '\n' && isBlankLineAfter(text, i))) {
      if (paragraph.marks > MAX_INLINE_MARKS) floods.push({ ...paragraph, end: i });
      paragraph = { start: i + 1, line: 0, marks: 0 };
    } else if (MARK.has(char) && !(RUNS.has(char) && text[i - 1] === char)) {
      if (paragraph.marks++ === 0) paragraph.line = line;
    }
    if (char === '\n') line++;
  }
  const first = floods[0];
  if (!first) return { text };
  const more = floods.length > 1 ? ` (and ${floods.length - 1} more such paragraphs)` : '';
  return {
    text: blankMarks(text, floods),
    problem: {
      line: first.line,
      code: 'markup-ignored',
      reason: `paragraph has more than ${MAX_INLINE_MARKS} emphasis or link marks; read as plain text without them${more}`,
    },
  };
}

/** True when the line after the newline at `i` is blank (or there is none). */
function isBlankLineAfter(text: string, i: number): boolean {
  let j = i + 1;
  while (text[j] === ' ' || text[j] === '\t' || text[j] === '\r') j++;
  return j >= text.length || text[j] === '\n';
}

// Marks become no-break spaces, not spaces: to the parser those are text, never indentation
// (which would turn the paragraph into code), and the blocks read them as plain spaces.
function blankMarks(text: string, floods: { start: number; end: number }[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const { start, end } of floods) {
    parts.push(text.slice(from, start), text.slice(start, end).replace(/[*_~[\]]/g, '\u00a0'));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
