/** A naive sentence splitter for tests and evaluation scripts (the real one lives in analyze). */
import type { Sentence } from '../../src/model.js';

const ABBREVIATION_RE =
  /(?:\b\p{L}\.\p{L}\.|\b(?:Mr|Ms|Mrs|Dr|St|Inc|Ltd|Co|Corp|No|Gov|Sen|Gen)\.)$/u;

/** Splits on blank lines, then after `.`, `!` or `?` followed by a capital or quote. */
export function simpleSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paraRe = /\S(?:[^\n]|\n(?![^\S\n]*\n))*/g;
  let paragraph = 0;
  for (const p of text.matchAll(paraRe)) {
    paragraph++;
    const base = p.index;
    const body = p[0];
    let start = 0;
    const cutRe = /[.!?]["”’)]?\s+(?=["“‘(]?[\p{Lu}\d])/gu;
    for (const m of body.matchAll(cutRe)) {
      if (ABBREVIATION_RE.test(body.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
      const end = m.index + m[0].trimEnd().length;
      push(out, text, base + start, base + end, paragraph);
      start = m.index + m[0].length;
    }
    push(out, text, base + start, base + body.length, paragraph);
  }
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  if (end <= start) return;
  out.push({ id: out.length + 1, text: text.slice(start, end), start, end, paragraph });
}
