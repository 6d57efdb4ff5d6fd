/**
 * What the briefing templates receive: the {@link Briefing} as it is, plus what the templates
 * must not compute themselves: anchors (unique within the document), developments grouped by
 * year, whether there are actors, and the charts.
 */
import type {
  Briefing,
  BriefingActor,
  BriefingFigure,
  BriefingItem,
  BriefingQuote,
  BriefingSource,
} from '../model.js';

/** The two charts the visualize stage draws for a briefing (inline SVG, or `null`). */
export interface Charts {
  timeline: string | null;
  places: string | null;
}

/** A citation link as the reader sees it: `[n]` pointing at `href`. */
export interface CiteLink {
  n: number;
  href: string;
}

/** A model item with its citation links. */
export type Cited<T extends { citations: number[] }> = T & { cites: CiteLink[] };

/** Key developments of one year (or the undated ones), in the model's order. */
export interface DevelopmentGroup {
  /** `2008`, or `Undated`. */
  label: string;
  /** The year as a `datetime` value; `null` for the undated group. */
  year: string | null;
  items: Cited<BriefingItem>[];
}

/** The ids of a briefing's landmarks, unique within the document that shows it. */
export interface SectionIds {
  root: string;
  title: string;
  bottomLine: string;
  developments: string;
  actors: string;
  people: string;
  organizations: string;
  places: string;
  figures: string;
  quotes: string;
  sources: string;
  noMaterial: string;
  sinceLast: string;
  timelineChart: string;
  placesChart: string;
}

/** A source with the anchor of each passage. */
export type SourceView = Omit<BriefingSource, 'passages'> & {
  passages: (BriefingSource['passages'][number] & { id: string })[];
};

/** Everything a briefing template shows. */
export interface BriefingView extends Omit<
  Briefing,
  | 'bottomLine'
  | 'developments'
  | 'people'
  | 'organizations'
  | 'places'
  | 'figures'
  | 'quotes'
  | 'sources'
> {
  ids: SectionIds;
  bottomLine: Cited<BriefingItem>[];
  developments: Cited<BriefingItem>[];
  developmentGroups: DevelopmentGroup[];
  hasActors: boolean;
  people: Cited<BriefingActor>[];
  organizations: Cited<BriefingActor>[];
  places: Cited<BriefingActor>[];
  figures: Cited<BriefingFigure>[];
  quotes: Cited<BriefingQuote>[];
  sources: SourceView[];
  charts: Charts;
  /** CSS class naming the section's print page in an edition (for its running title); `''` alone. */
  pageClass: string;
}

/** How to build a view: `scope` prefixes every id (`''` for a standalone page). */
export interface ViewOptions {
  scope: string;
  charts?: Charts | undefined;
  pageClass?: string;
}

/** Groups developments by year, in the order the model gives; undated ones last. */
export function groupByYear<T extends { date: string | null }>(
  items: readonly T[],
): { label: string; year: string | null; items: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const year = item.date === null ? null : item.date.slice(0, 4);
    const group = groups.get(year) ?? [];
    group.push(item);
    groups.set(year, group);
  }
  const undated = groups.get(null);
  groups.delete(null);
  const dated = [...groups].map(([year, list]) => ({ label: year ?? '', year, items: list }));
  return undated ? [...dated, { label: 'Undated', year: null, items: undated }] : dated;
}

/** The anchor of citation `n` within a document whose ids carry `scope`. */
export function citeId(scope: string, n: number): string {
  return scope === '' ? `cite-${n}` : `${scope}-cite-${n}`;
}

/** Builds the view of `briefing` for a template. */
export function briefingView(briefing: Briefing, options: ViewOptions): BriefingView {
  const { scope } = options;
  const id = (name: string): string => (scope === '' ? name : `${scope}-${name}`);
  const cite = <T extends { citations: number[] }>(item: T): Cited<T> => ({
    ...item,
    cites: item.citations.map((n) => ({ n, href: `#${citeId(scope, n)}` })),
  });
  const developments = briefing.developments.map(cite);
  return {
    ...briefing,
    ids: {
      root: `briefing-${briefing.theme}`,
      title: id('briefing-title'),
      bottomLine: id('bottom-line-title'),
      developments: id('developments-title'),
      actors: id('actors-title'),
      people: id('actors-people-title'),
      organizations: id('actors-organizations-title'),
      places: id('actors-places-title'),
      figures: id('figures-title'),
      quotes: id('quotes-title'),
      sources: id('sources-title'),
      noMaterial: id('no-material-title'),
      sinceLast: id('since-last-title'),
      timelineChart: id('timeline-chart-caption'),
      placesChart: id('places-chart-caption'),
    },
    bottomLine: briefing.bottomLine.map(cite),
    developments,
    developmentGroups: groupByYear(developments),
    hasActors: briefing.people.length + briefing.organizations.length + briefing.places.length > 0,
    people: briefing.people.map(cite),
    organizations: briefing.organizations.map(cite),
    places: briefing.places.map(cite),
    figures: briefing.figures.map(cite),
    quotes: briefing.quotes.map(cite),
    sources: briefing.sources.map((source) => ({
      ...source,
      passages: source.passages.map((p) => ({ ...p, id: citeId(scope, p.n) })),
    })),
    charts: options.charts ?? { timeline: null, places: null },
    pageClass: options.pageClass ?? '',
  };
}
