import type { Briefing, EditionModel, SinceLastEdition } from '../model.js';
import { hashOf, stableJson } from '../cache/hash.js';

/** What is remembered of a briefing's current edition, to decide and describe the next one. */
export interface EditionRecord {
  number: number;
  date: string;
  /** Hash of the briefing's content (everything but its edition fields). */
  content: string;
  /** Keys of the items in this edition. */
  items: string[];
  /** Keys of the items this edition marks as new. */
  newItems: string[];
  sinceLast: SinceLastEdition | null;
  /** The documents this edition cites. */
  documents: { document: string; title: string }[];
}

/** The editions of every briefing, as kept in `output/editions/editions.json`. */
export interface EditionState {
  schema: 1;
  briefings: Record<string, EditionRecord>;
}

/** An empty state: every briefing's next edition is its first. */
export const NO_EDITIONS: EditionState = { schema: 1, briefings: {} };

/**
 * Gives every briefing its edition. A briefing whose content is unchanged keeps its edition
 * (number, date, new marks and "since the last edition" section); a changed one becomes the
 * next edition, dated `date`, with the items the previous edition lacked marked as new and
 * the documents that left the corpus listed as withdrawn.
 */
export function applyEditions(
  model: EditionModel,
  previous: EditionState,
  date: string,
): { model: EditionModel; state: EditionState; changed: string[] } {
  const state: EditionState = { schema: 1, briefings: { ...previous.briefings } };
  const changed: string[] = [];
  const corpusIds = new Set(model.documents.map((d) => d.id));
  const briefings = model.briefings.map((briefing) => {
    const content = contentHash(briefing);
    const prior = previous.briefings[briefing.theme];
    const record =
      prior && prior.content === content
        ? prior
        : nextEdition(briefing, content, prior, date, corpusIds);
    if (record !== prior) changed.push(briefing.theme);
    state.briefings[briefing.theme] = record;
    return withEdition(briefing, record);
  });
  const dates = briefings.map((b) => b.edition.date).sort();
  const editionDate = dates[dates.length - 1] ?? date;
  return { model: { ...model, edition: { date: editionDate }, briefings }, state, changed };
}

function nextEdition(
  briefing: Briefing,
  content: string,
  prior: EditionRecord | undefined,
  date: string,
  corpusIds: Set<string>,
): EditionRecord {
  const items = itemKeys(briefing);
  const newItems = prior ? items.filter((key) => !prior.items.includes(key)) : [];
  const sinceLast: SinceLastEdition | null = prior
    ? {
        previous: { number: prior.number, date: prior.date },
        added: newItems.length,
        withdrawn: prior.documents.filter((d) => !corpusIds.has(d.document)),
      }
    : null;
  return {
    number: (prior?.number ?? 0) + 1,
    date,
    content,
    items,
    newItems,
    sinceLast,
    documents: briefing.sources.map((s) => ({ document: s.document, title: s.title })),
  };
}

function withEdition(briefing: Briefing, record: EditionRecord): Briefing {
  const isNew = new Set(record.newItems);
  const mark = <T extends { text: string; citations: number[] }>(item: T): T =>
    isNew.has(itemKey(briefing, item)) ? { ...item, new: true } : item;
  return {
    ...briefing,
    edition: { number: record.number, date: record.date },
    bottomLine: briefing.bottomLine.map(mark),
    developments: briefing.developments.map(mark),
    figures: briefing.figures.map(mark),
    quotes: briefing.quotes.map(mark),
    sinceLast: record.sinceLast,
  };
}

/** The briefing's content, without what an edition adds to it. */
function contentHash(briefing: Briefing): string {
  const { edition: _edition, sinceLast: _sinceLast, ...content } = briefing;
  return hashOf(stableJson(content));
}

function itemKeys(briefing: Briefing): string[] {
  return [
    ...briefing.bottomLine,
    ...briefing.developments,
    ...briefing.figures,
    ...briefing.quotes,
  ].map((item) => itemKey(briefing, item));
}

/** An item is the same across editions when its document and words are the same. */
function itemKey(briefing: Briefing, item: { text: string; citations: number[] }): string {
  const citation = briefing.citations.find((c) => c.n === item.citations[0]);
  return hashOf(citation?.document ?? '', item.text).slice(0, 24);
}
