import type {
  Briefing,
  BriefingFigure,
  BriefingItem,
  BriefingQuote,
  BriefingSource,
  Citation,
} from '../model.js';
import type { Theme } from '../config/schema.js';
import { CitationIndex, paragraphOf, sentenceOf } from './citations.js';
import { clip } from './clip.js';
import { strictestMarking } from './marking.js';
import { candidatesFor, pickBottomLine, pickDevelopments, type Candidate } from './select-items.js';
import { collectActors } from './collect-actors.js';
import type { DocumentDigest } from './digest.js';
import { withoutMetaOpener } from '../analyze/derive-title.js';

/** What a briefing is composed for: the edition it belongs to. */
export interface ComposeOptions {
  editionDate: string;
  editionNumber?: number;
}

/**
 * Composes one theme's briefing from the digests of the analyzed documents (see `digestOf`):
 * a bottom line, key developments in date order, actors, figures, quotes and sources, every
 * item citing its document and paragraph. A theme with no material says so instead of padding.
 */
export function composeFromDigests(
  documents: DocumentDigest[],
  theme: Theme,
  options: ComposeOptions,
): Briefing {
  const score = (doc: DocumentDigest) => doc.themes[theme.id]?.score ?? 0;
  const docs = documents
    .filter((doc) => doc.themes[theme.id] !== undefined)
    .sort((a, b) => score(b) - score(a) || (a.entry.id < b.entry.id ? -1 : 1));
  const base = {
    theme: theme.id,
    title: theme.title,
    description: theme.description,
    edition: { number: options.editionNumber ?? 1, date: options.editionDate },
  };
  if (docs.length === 0) return emptyBriefing(base);

  const citations = new CitationIndex();
  const candidates = candidatesFor(docs, theme.id);
  const bottom = pickBottomLine(candidates);
  const developments = pickDevelopments(candidates, bottom);
  const item = (c: Candidate): BriefingItem => ({
    text: withoutMetaOpener(c.sentence.text),
    date: c.date,
    ...markingOf(c.doc, c.sentence.paragraph),
    citations: [citations.cite(c.doc, c.sentence.paragraph)],
  });
  const bottomLine = bottom.map(item);
  const developmentItems = developments.map(item);
  const people = collectActors(docs, theme.id, citations, 'person');
  const organizations = collectActors(docs, theme.id, citations, 'organization');
  const places = collectActors(docs, theme.id, citations, 'place');
  const figures = collectFigures(docs, theme.id, citations);
  const quotes = collectQuotes(docs, theme.id, citations);
  const citedIds = new Set(citations.all().map((c) => c.document));
  const cited = docs.filter((doc) => citedIds.has(doc.entry.id));
  const lead = bottom[0]?.doc ?? docs[0]!;
  const citedEntries = cited.map((doc) => doc.entry);
  return {
    ...base,
    headline: lead.entry.title,
    marking: strictestMarking(citedEntries),
    documents: citedEntries.map((doc) => doc.id),
    empty: false,
    period: period(citedEntries),
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

function markingOf(doc: DocumentDigest, paragraph: number): { marking?: string } {
  const marking = paragraphOf(doc, paragraph)?.marking;
  return marking ? { marking } : {};
}

function collectFigures(
  docs: DocumentDigest[],
  theme: string,
  citations: CitationIndex,
  max = 12,
): BriefingFigure[] {
  const figures: BriefingFigure[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    for (const figure of doc.themes[theme]?.figures ?? []) {
      if (figures.length >= max) return figures;
      const sentence = sentenceOf(doc, figure.sentence);
      if (!sentence) continue;
      const context = clip(sentence.text);
      const key = `${figure.text}\u0000${context}`;
      if (seen.has(key)) continue;
      seen.add(key);
      figures.push({
        text: figure.text,
        kind: figure.kind,
        value: figure.value,
        unit: figure.unit,
        context,
        ...markingOf(doc, sentence.paragraph),
        citations: [citations.cite(doc, sentence.paragraph)],
      });
    }
  }
  return figures;
}

function collectQuotes(
  docs: DocumentDigest[],
  theme: string,
  citations: CitationIndex,
  max = 6,
): BriefingQuote[] {
  const quotes: BriefingQuote[] = [];
  for (const doc of docs) {
    for (const quote of doc.themes[theme]?.quotes ?? []) {
      if (quotes.length >= max) return quotes;
      const sentence = sentenceOf(doc, quote.sentence);
      if (!sentence) continue;
      quotes.push({
        text: quote.text,
        speaker: quote.speaker,
        ...markingOf(doc, sentence.paragraph),
        citations: [citations.cite(doc, sentence.paragraph)],
      });
    }
  }
  return quotes;
}

function period(docs: DocumentDigest['entry'][]): Briefing['period'] {
  const dates = docs
    .map((d) => d.published)
    .filter((d): d is string => d !== null)
    .sort();
  return dates.length > 0 ? { from: dates[0]!, to: dates[dates.length - 1]! } : null;
}

function sources(docs: DocumentDigest[], citations: CitationIndex): BriefingSource[] {
  const byDocument = new Map<string, Citation[]>();
  for (const citation of citations.all()) {
    const list = byDocument.get(citation.document) ?? [];
    list.push(citation);
    byDocument.set(citation.document, list);
  }
  // Citations are numbered in reading order: a source's first is its smallest.
  const order = (doc: DocumentDigest) => byDocument.get(doc.entry.id)?.[0]?.n ?? Infinity;
  return [...docs]
    .sort((a, b) => order(a) - order(b))
    .map((doc) => ({
      document: doc.entry.id,
      path: doc.entry.path,
      title: doc.entry.title,
      published: doc.entry.published,
      publishedFrom: doc.entry.publishedFrom,
      source: doc.entry.source,
      classification: doc.entry.classification,
      handling: doc.entry.handling,
      passages: (byDocument.get(doc.entry.id) ?? []).map((c) => ({
        n: c.n,
        label: c.label,
        ...(c.marking ? { marking: c.marking } : {}),
        text: paragraphOf(doc, c.paragraph)?.text ?? '',
      })),
    }));
}
