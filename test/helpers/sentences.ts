import { sentenceRanges } from '../../src/analyze/split-sentences.js';
import type { Sentence } from '../../src/model.js';

/**
 * Turns a test text into `Sentence`s with the real splitter: paragraphs at blank lines, each
 * split into sentences; offsets point into `text` (hard line breaks inside a paragraph kept).
 */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const block of text.matchAll(/\S(?:[^\n]|\n(?![^\S\n]*\n))*/g)) {
    paragraph++;
    // The splitter reads collapsed whitespace; a line break is one character, so offsets hold.
    const flat = block[0].replace(/\s/g, ' ');
    for (const [from, to] of sentenceRanges(flat)) {
      const start = block.index + from;
      const end = block.index + to;
      sentences.push({
        id: sentences.length + 1,
        text: text.slice(start, end),
        start,
        end,
        paragraph,
      });
    }
  }
  return sentences;
}
