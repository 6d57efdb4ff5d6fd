import type {
  DocumentEntry,
  DocumentSummary,
  Entity,
  Figure,
  Paragraph,
  Sentence,
  ThemeId,
} from '../model.js';
import { sentenceScore, type CompiledTheme } from '../analyze/score-themes.js';
import { MOST_PICKED_PER_DOCUMENT } from './select-items.js';

/** A paragraph a digest refers to: what a citation and a source's passage show of it. */
export type DigestParagraph = Pick<Paragraph, 'id' | 'label' | 'marking' | 'text'>;

/** A sentence a digest refers to. */
export type DigestSentence = Pick<Sentence, 'id' | 'text' | 'paragraph'>;

/** An evidence sentence that could become an item of a briefing, with how much it matters. */
export interface DigestCandidate {
  sentence: number;
  /** The sentence's theme score weighted by its rank in the document and the document's theme score. */
  weight: number;
  date: string | null;
}

/** A person, organisation or place as one document involves it in a theme. */
export interface DigestActor {
  type: Entity['type'];
  name: string;
  aliases: string[];
  /** Mentions in the whole document, and in the theme's evidence sentences. */
  mentions: number;
  inEvidence: number;
  /** The first sentence that mentions it in the evidence (else anywhere). */
  sentence: number | null;
}

/** A figure stated in a sentence that carries the theme. */
export interface DigestFigure {
  /** As written, with runs of whitespace made one space. */
  text: string;
  kind: Figure['kind'];
  value: number;
  unit: string;
  sentence: number;
}

/** A quote that, with the sentence that frames it, carries the theme. */
export interface DigestQuote {
  text: string;
  speaker: string | null;
  sentence: number;
}

/** What one document brings to one theme's briefing. */
export interface ThemeDigest {
  score: number;
  /** The candidates a briefing could pick from this document, best first. */
  candidates: DigestCandidate[];
  actors: DigestActor[];
  figures: DigestFigure[];
  quotes: DigestQuote[];
}

/**
 * What composing needs of one analyzed document, and no more: the document as the edition lists
 * it, what it brings to each theme it covers, and the paragraphs those refer to. A digest depends
 * only on the document's analysis and the themes, so it is made once, where the document is
 * analyzed, and kept with its analysis: a build composes from digests without loading any full
 * analysis.
 */
export interface DocumentDigest {
  entry: DocumentEntry;
  /** The sentences and paragraphs the themes' digests refer to. */
  sentences: DigestSentence[];
  paragraphs: DigestParagraph[];
  themes: Record<ThemeId, ThemeDigest>;
}

/** The digest of an analyzed document for the given themes. */
export function digestOf(doc: DocumentSummary, themes: readonly CompiledTheme[]): DocumentDigest {
  const sentences = new Map(doc.sentences.map((s) => [s.id, s]));
  const digests: Record<ThemeId, ThemeDigest> = {};
  const used = new Set<number>();
  for (const compiled of themes) {
    const match = doc.themes.find((t) => t.id === compiled.theme.id);
    if (!match) continue;
    const digest = themeDigest(doc, sentences, compiled, match);
    for (const c of digest.candidates) used.add(c.sentence);
    for (const a of digest.actors) if (a.sentence !== null) used.add(a.sentence);
    for (const f of digest.figures) used.add(f.sentence);
    for (const q of digest.quotes) used.add(q.sentence);
    digests[compiled.theme.id] = digest;
  }
  const kept = doc.sentences.filter((s) => used.has(s.id));
  const paragraphs = new Set(kept.map((s) => s.paragraph));
  return {
    entry: entryOf(doc),
    sentences: kept.map((s) => ({ id: s.id, text: s.text, paragraph: s.paragraph })),
    paragraphs: doc.paragraphs
      .filter((p) => paragraphs.has(p.id))
      .map((p) => ({
        id: p.id,
        label: p.label,
        ...(p.marking ? { marking: p.marking } : {}),
        text: p.text,
      })),
    themes: digests,
  };
}

/** A document as the edition lists it (see `DocumentEntry`). */
export function entryOf(doc: DocumentEntry): DocumentEntry {
  return {
    id: doc.id,
    path: doc.path,
    format: doc.format,
    title: doc.title,
    titleFrom: doc.titleFrom,
    published: doc.published,
    publishedFrom: doc.publishedFrom,
    source: doc.source,
    author: doc.author,
    classification: doc.classification,
    handling: doc.handling,
    tags: doc.tags,
    themes: doc.themes,
  };
}

type SentenceOf = Map<number, DocumentSummary['sentences'][number]>;

function themeDigest(
  doc: DocumentSummary,
  sentences: SentenceOf,
  compiled: CompiledTheme,
  match: DocumentSummary['themes'][number],
): ThemeDigest {
  return {
    score: match.score,
    candidates: candidatesOf(doc, sentences, compiled, match),
    actors: actorsOf(doc, sentences, new Set(match.evidence)),
    figures: figuresOf(doc, sentences, compiled),
    quotes: quotesOf(doc, sentences, compiled),
  };
}

function candidatesOf(
  doc: DocumentSummary,
  sentences: SentenceOf,
  compiled: CompiledTheme,
  match: DocumentSummary['themes'][number],
): DigestCandidate[] {
  const rank = new Map(doc.keySentences.map((id, i) => [id, i]));
  const dates = new Map(doc.dates.map((d) => [d.sentence, d.date]));
  const candidates: DigestCandidate[] = [];
  for (const id of match.evidence) {
    const sentence = sentences.get(id);
    if (!sentence || !isStatement(sentence.text)) continue;
    const importance = 1 / Math.sqrt(1 + (rank.get(id) ?? doc.sentences.length));
    const weight = sentenceScore(sentence.text, compiled) * importance * (0.5 + match.score);
    const date = dates.get(id) ?? (doc.publishedFrom === 'estimated' ? null : doc.published);
    candidates.push({ sentence: id, weight, date });
  }
  // No briefing takes more than this many items from one document: the rest are never picked.
  // (A stable sort: candidates of equal weight keep the evidence's order, as composing expects.)
  return candidates.sort((a, b) => b.weight - a.weight).slice(0, MOST_PICKED_PER_DOCUMENT);
}

/** A sentence that reads as a statement of fact on its own: not a quote, a question or a fragment. */
function isStatement(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 7 && words <= 70 && !/^["“‘']/.test(text) && !/\?["”]?$/.test(text);
}

function actorsOf(
  doc: DocumentSummary,
  sentences: SentenceOf,
  evidence: Set<number>,
): DigestActor[] {
  const actors: DigestActor[] = [];
  for (const entity of doc.entities) {
    const inEvidence = entity.mentions.filter((m) => evidence.has(m.sentence));
    if (inEvidence.length === 0) continue;
    const first = inEvidence[0] ?? entity.mentions[0];
    const sentence = first ? sentences.get(first.sentence) : undefined;
    actors.push({
      type: entity.type,
      name: entity.name,
      aliases: entity.aliases,
      mentions: entity.mentions.length,
      inEvidence: inEvidence.length,
      sentence: sentence ? sentence.id : null,
    });
  }
  return actors;
}

function figuresOf(
  doc: DocumentSummary,
  sentences: SentenceOf,
  compiled: CompiledTheme,
): DigestFigure[] {
  const figures: DigestFigure[] = [];
  for (const figure of doc.figures) {
    const sentence = sentences.get(figure.sentence);
    if (!sentence || sentenceScore(sentence.text, compiled) === 0) continue;
    figures.push({
      text: figure.text.replace(/\s+/g, ' '),
      kind: figure.kind,
      value: figure.value,
      unit: figure.unit,
      sentence: sentence.id,
    });
  }
  return figures;
}

function quotesOf(
  doc: DocumentSummary,
  sentences: SentenceOf,
  compiled: CompiledTheme,
): DigestQuote[] {
  const quotes: DigestQuote[] = [];
  for (const quote of doc.quotes) {
    const sentence = sentences.get(quote.sentence);
    if (!sentence || quote.text.split(/\s+/).length < 5) continue;
    // A quote belongs to the theme when it, or the sentence that frames it, carries the theme.
    if (sentenceScore(`${sentence.text} ${quote.text}`, compiled) < compiled.theme.sentenceScore)
      continue;
    quotes.push({ text: quote.text, speaker: quote.speaker, sentence: sentence.id });
  }
  return quotes;
}
