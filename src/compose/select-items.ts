import type { DigestCandidate, DigestSentence, DocumentDigest } from './digest.js';
import { sentenceOf } from './citations.js';

/** Most points in a bottom line. */
const BOTTOM_LINE_MAX = 5;
/** Most developments from one document. */
const DEVELOPMENTS_PER_DOCUMENT = 5;
/** No briefing picks more items than this from one document. */
export const MOST_PICKED_PER_DOCUMENT = BOTTOM_LINE_MAX + DEVELOPMENTS_PER_DOCUMENT;

/** A sentence that could become an item of a briefing, with the document it comes from. */
export interface Candidate extends Omit<DigestCandidate, 'sentence'> {
  doc: DocumentDigest;
  sentence: DigestSentence;
}

/** The candidate sentences of every document in a theme, best first. */
export function candidatesFor(docs: DocumentDigest[], theme: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const doc of docs) {
    for (const c of doc.themes[theme]?.candidates ?? []) {
      const sentence = sentenceOf(doc, c.sentence);
      if (sentence) candidates.push({ ...c, sentence, doc });
    }
  }
  return candidates.sort((a, b) => b.weight - a.weight);
}

/**
 * The bottom line: the best point of each document first (so every source is heard), then
 * the next best, up to `max` points.
 */
export function pickBottomLine(candidates: Candidate[], max = BOTTOM_LINE_MAX): Candidate[] {
  const picked: Candidate[] = [];
  const seenDocs = new Set<string>();
  const strongest = candidates[0]?.weight ?? 0;
  for (const c of candidates) {
    if (picked.length >= max) break;
    // Every source is heard, but a weak source's best point does not outrank strong ones.
    if (seenDocs.has(c.doc.entry.id) || c.weight < strongest * 0.25) continue;
    seenDocs.add(c.doc.entry.id);
    picked.push(c);
  }
  for (const c of candidates) {
    if (picked.length >= Math.min(max, 4)) break;
    if (!picked.includes(c)) picked.push(c);
  }
  return picked;
}

/** Key developments: the other evidence, a few per document, in date order (undated last). */
export function pickDevelopments(
  candidates: Candidate[],
  exclude: Candidate[],
  perDocument = DEVELOPMENTS_PER_DOCUMENT,
  max = 14,
): Candidate[] {
  const perDoc = new Map<string, number>();
  const picked: Candidate[] = [];
  for (const c of candidates) {
    if (exclude.includes(c) || picked.length >= max) continue;
    const count = perDoc.get(c.doc.entry.id) ?? 0;
    if (count >= perDocument) continue;
    perDoc.set(c.doc.entry.id, count + 1);
    picked.push(c);
  }
  return picked.sort(byDate);
}

function byDate(a: Candidate, b: Candidate): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  const [x, y] = [a.doc.entry.id, b.doc.entry.id];
  return x === y ? a.sentence.id - b.sentence.id : x < y ? -1 : 1;
}
