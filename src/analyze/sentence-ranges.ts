import type { Sentence } from '../model.js';

/**
 * The sentences whose ranges are usable offsets into `text`, sorted by start.
 * Malformed entries (non-integer, reversed or out-of-bounds ranges) are dropped, not thrown on.
 */
export function usableSentences(text: string, sentences: readonly Sentence[]): Sentence[] {
  if (typeof text !== 'string' || !Array.isArray(sentences)) return [];
  return sentences
    .filter(
      (s) =>
        s !== null &&
        typeof s === 'object' &&
        Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        s.start >= 0 &&
        s.end <= text.length &&
        s.start < s.end,
    )
    .sort((a, b) => a.start - b.start);
}

/** The sentence (from a list sorted by start) whose range contains `offset`, if any. */
export function sentenceAt(sorted: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Collapses every run of whitespace (hard-wrapped lines included) to one space, and trims. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
