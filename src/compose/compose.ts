import type {
  Briefing,
  BriefingFigure,
  BriefingItem,
  BriefingQuote,
  BriefingSource,
  Citation,
  DocumentSummary,
} from '../model.js';
import { sentenceScore, type CompiledTheme } from '../analyze/score-themes.js';
import { CitationIndex } from './citations.js';
import { strictestMarking } from './marking.js';
import { candidatesFor, pickBottomLine, pickDevelopments, type Candidate } from './select-items.js';
import { clip, collectActors } from './collect-actors.js';
import { withoutMetaOpener } from '../analyze/derive-title.js';

/** What a briefing is composed for: the edition it belongs to. */
export interface ComposeOptions {
  editionDate: string;
  editionNumber?: number;
}

/**
 * Composes one theme's briefing from the analyzed documents that cover the theme: a bottom
 * line, key developments in date order, actors, figures, quotes and sources, every item citing
 * its document and paragraph. A theme with no material says so instead of padding.
 */
export function composeBriefing(
  documents: DocumentSummary[],
  compiled: CompiledTheme,
  options: ComposeOptions,
): Briefing {
  const { theme } = compiled;
  const docs = documents
    .filter((doc) => doc.themes.some((t) => t.id === theme.id))
    .sort((a, b) => themeScore(b, theme.id) - themeScore(a, theme.id) || (a.id < b.id ? -1 : 1));
  const base = {
    theme: theme.id,
    title: theme.title,
    description: theme.description,
    edition: { number: options.editionNumber ?? 1, date: options.editionDate },
  };
  if (docs.length === 0) return emptyBriefing(base);

  const citations = new CitationIndex();
  const candidates = candidatesFor(docs, compiled);
  const bottom = pickBottomLine(candidates);
  const developments = pickDevelopments(candidates, bottom);
  const item = (c: Candidate): BriefingItem => ({
    text: withoutMetaOpener(c.sentence.text),
    date: c.date,
    ...markingOf(c),
    citations: [citations.cite(c.doc, c.sentence.paragraph)],
  });
  const bottomLine = bottom.map(item);
  const developmentItems = developments.map(item);
  const evidence = new Map(
    docs.map((doc) => [doc.id, new Set(doc.themes.find((t) => t.id === theme.id)!.evidence)]),
  );
  const people = collectActors(docs, evidence, citations, 'person');
  const organizations = collectActors(docs, evidence, citations, 'organization');
  const places = collectActors(docs, evidence, citations, 'place');
  const figures = collectFigures(docs, compiled, citations);
  const quotes = collectQuotes(docs, compiled, citations);
  const citedIds = new Set(citations.all().map((c) => c.document));
  const cited = docs.filter((doc) => citedIds.has(doc.id));
  const lead = bottom[0]?.doc ?? docs[0]!;
  return {
    ...base,
    headline: lead.title,
    marking: strictestMarking(cited),
    documents: cited.map((doc) => doc.id),
    empty: false,
    period: period(cited),
    keywords: [
      theme.title,
      ...[people, organizations, places].flatMap((actors) => actors.slice(0, 3).map((a) => a.name)),
    ],
    bottomLine,
    developments: developmentItems,
    people,
    organizations,
    places,
    figures,
    quotes,
    citations: citations.all(),
    sources: sources(cited, citations),
    sinceLast: null,
  };
}

function emptyBriefing(
  base: Pick<Briefing, 'theme' | 'title' | 'description' | 'edition'>,
): Briefing {
  return {
    ...base,
    headline: 'No material in the corpus for this theme',
    marking: null,
    documents: [],
    empty: true,
    period: null,
    keywords: [base.title],
    bottomLine: [],
    developments: [],
    people: [],
    organizations: [],
    places: [],
    figures: [],
    quotes: [],
    citations: [],
    sources: [],
    sinceLast: null,
  };
}

function themeScore(doc: DocumentSummary, id: string): number {
  return doc.themes.find((t) => t.id === id)?.score ?? 0;
}

function markingOf(c: Candidate): { marking?: string } {
  const marking = c.doc.paragraphs.find((p) => p.id === c.sentence.paragraph)?.marking;
  return marking ? { marking } : {};
}

function collectFigures(
  docs: DocumentSummary[],
  compiled: CompiledTheme,
  citations: CitationIndex,
  max = 12,
): BriefingFigure[] {
  const figures: BriefingFigure[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (figures.length >= max) break;
    const sentences = sentencesOf(doc);
    for (const figure of doc.figures) {
      if (figures.length >= max) break;
      const sentence = sentences.get(figure.sentence);
      if (!sentence || sentenceScore(sentence.text, compiled) === 0) continue;
      const text = figure.text.replace(/\s+/g, ' ');
      const context = clip(sentence.text);
      const key = `${text}\u0000${context}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const marking = doc.paragraphs.find((p) => p.id === sentence.paragraph)?.marking;
      figures.push({
        text,
        kind: figure.kind,
        value: figure.value,
        unit: figure.unit,
        context,
        ...(marking ? { marking } : {}),
        citations: [citations.cite(doc, sentence.paragraph)],
      });
    }
  }
  return figures;
}

/** A document's sentences by id. */
function sentencesOf(doc: DocumentSummary): Map<number, DocumentSummary['sentences'][number]> {
  return new Map(doc.sentences.map((s) => [s.id, s]));
}

function collectQuotes(
  docs: DocumentSummary[],
  compiled: CompiledTheme,
  citations: CitationIndex,
  max = 6,
): BriefingQuote[] {
  const quotes: BriefingQuote[] = [];
  for (const doc of docs) {
    if (quotes.length >= max) break;
    const sentences = sentencesOf(doc);
    for (const quote of doc.quotes) {
      if (quotes.length >= max) break;
      const sentence = sentences.get(quote.sentence);
      if (!sentence || quote.text.split(/\s+/).length < 5) continue;
      // A quote belongs to the theme when it, or the sentence that frames it, carries the theme.
      if (sentenceScore(`${sentence.text} ${quote.text}`, compiled) < compiled.theme.sentenceScore)
        continue;
      const marking = doc.paragraphs.find((p) => p.id === sentence.paragraph)?.marking;
      quotes.push({
        text: quote.text,
        speaker: quote.speaker,
        ...(marking ? { marking } : {}),
        citations: [citations.cite(doc, sentence.paragraph)],
      });
    }
  }
  return quotes;
}

function period(docs: DocumentSummary[]): Briefing['period'] {
  const dates = docs
    .map((d) => d.published)
    .filter((d): d is string => d !== null)
    .sort();
  return dates.length > 0 ? { from: dates[0]!, to: dates[dates.length - 1]! } : null;
}

function sources(docs: DocumentSummary[], citations: CitationIndex): BriefingSource[] {
  const byDocument = new Map<string, Citation[]>();
  for (const citation of citations.all()) {
    const list = byDocument.get(citation.document) ?? [];
    list.push(citation);
    byDocument.set(citation.document, list);
  }
  // Citations are numbered in reading order: a source's first is its smallest.
  const order = (doc: DocumentSummary) => byDocument.get(doc.id)?.[0]?.n ?? Infinity;
  return [...docs]
    .sort((a, b) => order(a) - order(b))
    .map((doc) => ({
      document: doc.id,
      path: doc.path,
      title: doc.title,
      published: doc.published,
      publishedFrom: doc.publishedFrom,
      source: doc.source,
      classification: doc.classification,
      handling: doc.handling,
      passages: (byDocument.get(doc.id) ?? []).map((c) => ({
        n: c.n,
        label: c.label,
        ...(c.marking ? { marking: c.marking } : {}),
        text: doc.paragraphs.find((p) => p.id === c.paragraph)?.text ?? '',
      })),
    }));
}
