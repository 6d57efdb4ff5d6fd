/**
 * The places chart: a horizontal bar for each of the places the briefing's documents
 * name most often, longest first, each labelled with its count. Falls back to
 * organisations when a briefing names fewer than two places.
 */
import type { Briefing, BriefingActor } from '../model.js';
import { framedChart, type ChartDefinition } from './chart-definition.js';
import { fitText, widthEm } from './text-width.js';
import { CHART_WIDTH, COLORS, SIZES } from './style.js';

const MAX_BARS = 8;
const ROW = 24;
const BAR = 12;
const TOP = 58;
const BOTTOM = 8;
const RIGHT = 44;
const GAP = 10;
// Name column: as wide as the longest name needs, within these bounds (pixels).
const NAME_MIN = 60;
const NAME_MAX = 220;

/** The actors the chart shows: top places by mentions, else top organisations; `null` if neither has two. */
export function chartedActors(
  briefing: Briefing,
): { kind: 'places' | 'organizations'; actors: BriefingActor[] } | null {
  for (const kind of ['places', 'organizations'] as const) {
    const actors = briefing[kind]
      .filter((a) => Number.isFinite(a.mentions) && a.mentions > 0)
      .sort(
        (a, b) =>
          b.mentions - a.mentions ||
          b.documents.length - a.documents.length ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      )
      .slice(0, MAX_BARS);
    if (actors.length >= 2) return { kind, actors };
  }
  return null;
}

/** The places (or organisations) chart's definition, or `null` when there is too little to show. */
export function placesChart(briefing: Briefing): ChartDefinition | null {
  const charted = chartedActors(briefing);
  if (!charted) return null;
  const { kind, actors } = charted;
  const noun = kind === 'places' ? 'places' : 'organisations';
  const max = Math.max(...actors.map((a) => a.mentions));
  const height = actors.length * ROW;
  const docs = briefing.documents.length;

  const names = actors.map((a) => fitText(a.name, NAME_MAX / SIZES.label));
  const longest = Math.max(...names.map((n) => widthEm(n) * SIZES.label));
  const plotX = Math.ceil(Math.min(NAME_MAX, Math.max(NAME_MIN, longest))) + GAP;
  const plotW = CHART_WIDTH - plotX - RIGHT;

  const values = actors.map((a, i) => ({
    name: names[i],
    count: String(a.mentions),
    end: (a.mentions / max) * plotW,
    top: i * ROW + (ROW - BAR) / 2,
    bottom: i * ROW + (ROW + BAR) / 2,
    y: i * ROW + ROW / 2,
  }));

  const title = `The ${noun} named most often`;
  const subtitle =
    `Times each is mentioned in the ${docs === 1 ? 'document' : `${docs} documents`}` +
    ' this briefing draws on';
  const label =
    `Bar chart of the ${actors.length} ${noun} mentioned most often: ` +
    actors.map((a) => `${a.name}, ${a.mentions}`).join('; ') +
    '.';
  const px = (field: string) => ({ field, type: 'quantitative' as const, scale: null });
  return framedChart({
    kind: 'places',
    label,
    description: `${subtitle}: ${actors.map(inWords).join('; ')}.`,
    title,
    subtitle,
    plot: { left: plotX, width: plotW, height },
    margin: { top: TOP, right: RIGHT, bottom: BOTTOM },
    layers: [
      {
        data: { values },
        layer: [
          {
            mark: { type: 'rect', color: COLORS.accent },
            encoding: { x: { value: 0 }, x2: px('end'), y: px('top'), y2: px('bottom') },
          },
          {
            mark: {
              type: 'text',
              align: 'right',
              baseline: 'middle',
              color: COLORS.ink,
              fontSize: SIZES.label,
            },
            encoding: { x: { value: -GAP }, y: px('y'), text: { field: 'name' } },
          },
          {
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              dx: 5,
              color: COLORS.ink,
              fontSize: SIZES.label,
              fontWeight: 600,
            },
            encoding: { x: px('end'), y: px('y'), text: { field: 'count' } },
          },
        ],
      },
      {
        data: { values: [{}] },
        mark: { type: 'rule', color: COLORS.ink, strokeWidth: 1 },
        encoding: { x: { value: 0 }, y: { value: 0 }, y2: { value: height } },
      },
    ],
  });
}

/** An actor's count in words, with the number of documents it appears in. */
function inWords(actor: BriefingActor): string {
  const n = actor.documents.length;
  return `${actor.name}, ${actor.mentions} in ${n} ${n === 1 ? 'document' : 'documents'}`;
}
