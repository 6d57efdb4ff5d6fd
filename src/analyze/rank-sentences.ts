import type { Sentence } from '../model.js';

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that ' +
    'these those he she they we i you his her their our your not no so than then there here which who whom whose ' +
    'what when where why how all any each more most other some such only own same too very can will would should ' +
    'could may might must has have had do does did also into over after before about up down out just said says'
  ).split(' '),
);

/** The content words of a text, lower-cased and crudely stemmed. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? [])
    .map(stem)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w));
}

/**
 * Drops a possessive `'s`, turns `-ies` into `-y` and drops a plural `s` after three letters,
 * in that order (string tests rather than three regular expressions: this runs on every word).
 */
function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && w.length >= 4 && isLetters(w, w.length - 4, w.length - 1)) {
    w = w.slice(0, -1);
  }
  return w;
}

/** True when every character in `[from, to)` is a letter `a`–`z`. */
function isLetters(word: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/** How many leading picks are chosen with the redundancy penalty; the rest follow by score. */
const DIVERSE_PICKS = 10;
/** How much a pick's overlap with sentences already chosen counts against it. */
const REDUNDANCY = 0.5;

/**
 * Ranks a document's sentences by importance: a position prior (news puts the essentials first,
 * falling off as 1 / position), centrality (how much of the document's shared vocabulary a
 * sentence carries), a discount for fragments and run-on sentences, and, for the leading picks,
 * a penalty for repeating what an earlier pick already said. Returns sentence ids, most
 * important first.
 */
export function rankSentences(sentences: Sentence[]): number[] {
  if (sentences.length === 0) return [];
  const bags = sentences.map((s) => new Set(contentWords(s.text)));
  const base = baseScores(sentences, bags);
  const chosen: number[] = [];
  const remaining = new Set(sentences.map((_, i) => i));
  // Each sentence's largest overlap with the picks so far, updated with each new pick only
  // (rather than measured against every pick again on every round).
  const redundancy = new Array<number>(sentences.length).fill(0);
  while (chosen.length < Math.min(DIVERSE_PICKS, sentences.length)) {
    let best = -1;
    let bestScore = -Infinity;
    for (const i of remaining) {
      const score = base[i]! - REDUNDANCY * redundancy[i]!;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    chosen.push(best);
    remaining.delete(best);
    for (const i of remaining) {
      redundancy[i] = Math.max(redundancy[i]!, overlap(bags[i]!, bags[best]!));
    }
  }
  const rest = [...remaining].sort((a, b) => base[b]! - base[a]! || a - b);
  return [...chosen, ...rest].map((i) => sentences[i]!.id);
}

function baseScores(sentences: Sentence[], bags: Set<string>[]): number[] {
  const frequency = new Map<string, number>();
  for (const bag of bags)
    for (const word of bag) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const centrality = bags.map((bag) => {
    let sum = 0;
    for (const word of bag) if (frequency.get(word)! > 1) sum += Math.log(1 + frequency.get(word)!);
    return sum / Math.sqrt(bag.size + 1);
  });
  const top = Math.max(...centrality, 1e-9);
  return sentences.map((sentence, i) => {
    const words = sentence.text.split(/\s+/).length;
    const lengthFactor = words < 6 ? 0.3 : words > 60 ? 0.7 : 1;
    return (1 / (i + 1) + (0.5 * centrality[i]!) / top) * lengthFactor;
  });
}

/** Cosine-style overlap of two sets of words. */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.sqrt(a.size * b.size + 1);
}
