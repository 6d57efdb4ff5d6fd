import type { DocumentSummary, Sentence } from '../model.js';
import { sentenceScore, type CompiledTheme } from '../analyze/score-themes.js';

/** A sentence that could become an item of a briefing, with how much it matters to the theme. */
export interface Candidate {
  doc: DocumentSummary;
  sentence: Sentence;
  /** The sentence's theme score weighted by its rank in the document and the document's theme score. */
  weight: number;
  date: string | null;
}

/** The evidence sentences of every document in a theme, weighted, best first. */
export function candidatesFor(docs: DocumentSummary[], compiled: CompiledTheme): Candidate[] {
  const candidates: Candidate[] = [];
  for (const doc of docs) {
    const match = doc.themes.find((t) => t.id === compiled.theme.id);
    if (!match) continue;
    const rank = new Map(doc.keySentences.map((id, i) => [id, i]));
    const dates = new Map(doc.dates.map((d) => [d.sentence, d.date]));
    for (const id of match.evidence) {
      const sentence = doc.sentences.find((s) => s.id === id);
      if (!sentence || !isStatement(sentence.text)) continue;
      const importance = 1 / Math.sqrt(1 + (rank.get(id) ?? doc.sentences.length));
      const weight = sentenceScore(sentence.text, compiled) * importance * (0.5 + match.score);
      const date = dates.get(id) ?? (doc.publishedFrom === 'estimated' ? null : doc.published);
      candidates.push({ doc, sentence, weight, date });
    }
  }
  return candidates.sort((a, b) => b.weight - a.weight);
}

/** A sentence that reads as a statement of fact on its own: not a quote, a question or a fragment. */
function isStatement(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 7 && words <= 70 && !/^["“‘']/.test(text) && !/\?["”]?$/.test(text);
}

/**
 * The bottom line: the best point of each document first (so every source is heard), then
 * the next best, up to `max` points.
 */
export function pickBottomLine(candidates: Candidate[], max = 5): Candidate[] {
  const picked: Candidate[] = [];
  const seenDocs = new Set<string>();
  const strongest = candidates[0]?.weight ?? 0;
  for (const c of candidates) {
    if (picked.length >= max) break;
    // Every source is heard, but a weak source's best point does not outrank strong ones.
    if (seenDocs.has(c.doc.id) || c.weight < strongest * 0.25) continue;
    seenDocs.add(c.doc.id);
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
  perDocument = 5,
  max = 14,
): Candidate[] {
  const perDoc = new Map<string, number>();
  const picked: Candidate[] = [];
  for (const c of candidates) {
    if (exclude.includes(c) || picked.length >= max) continue;
    const count = perDoc.get(c.doc.id) ?? 0;
    if (count >= perDocument) continue;
    perDoc.set(c.doc.id, count + 1);
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
  return a.doc.id === b.doc.id ? a.sentence.id - b.sentence.id : a.doc.id < b.doc.id ? -1 : 1;
}
