/**
 * The timeline: one row per dated development, in date order. Each row lists the date
 * as stated and a short label, and marks the time on a shared axis: a dot for an exact
 * day, a bar across the whole month or year when that is all the source says.
 */
import type { Briefing, BriefingItem } from '../model.js';
import { framedChart, type ChartDefinition } from './chart-definition.js';
import { type DateSpan, longDate, parseDate, shortDate } from './dates.js';
import { itemLabel } from './labels.js';
import { DOT, SPAN, type TextStyle, textLayer } from './marks.js';
import { CHART_WIDTH, COLORS, SIZES } from './style.js';
import { timeDomain, timeTicks } from './time-axis.js';

const LINE = 15;
const TOP = 86;
const BOTTOM = 10;
const RIGHT = 12;
const LABEL_X = 82;
const PLOT_X = 420;
const PLOT_W = CHART_WIDTH - PLOT_X - RIGHT;
const LABEL_EM = (PLOT_X - LABEL_X - 14) / SIZES.label;
const DAY = 86_400_000;

/** A development with a usable date and the span of time that date covers. */
export interface DatedRow {
  item: BriefingItem;
  span: DateSpan;
}

/** The dated developments of a briefing, earliest first (stable for equal dates). */
export function datedDevelopments(briefing: Briefing): DatedRow[] {
  return briefing.developments
    .map((item, i) => ({ item, span: parseDate(item.date), i }))
    .filter((r): r is DatedRow & { i: number } => r.span !== null)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.i - b.i)
    .map(({ item, span }) => ({ item, span }));
}

/** The timeline's definition, or `null` when fewer than two developments are dated. */
export function timelineChart(briefing: Briefing): ChartDefinition | null {
  const rows = datedDevelopments(briefing);
  if (rows.length < 2) return null;
  const first = rows[0]!.span;
  const latest = rows[rows.length - 1]!.span;
  const [from, to] = timeDomain(first.start, Math.max(...rows.map((r) => r.span.end)));
  const undated = briefing.developments.length - rows.length;
  const labels = rows.map((r) => itemLabel(r.item, LABEL_EM, 2));
  // Rows share one height, so the marks on the time axis form an even ladder.
  const row = labels.some((l) => l.length > 1) ? 2 * LINE + 9 : LINE + 9;
  const height = rows.length * row;

  const values = rows.map((r, i) => {
    const mid = i * row + row / 2;
    return {
      date: shortDate(r.span),
      label: labels[i]!.join('\n'),
      precision: r.span.precision,
      start: r.span.start,
      end: r.span.end,
      // A day's dot sits at noon, the middle of the day it stands for.
      noon: r.span.start + DAY / 2,
      mid,
      top: mid - 4,
      bottom: mid + 4,
      // Text baselines: a one- or two-line label sits centred in its row.
      dateY: mid + 4,
      labelY: mid + 4 - ((labels[i]!.length - 1) * LINE) / 2,
      rule: (i + 1) * row,
    };
  });

  const range = `from ${longDate(first)} to ${longDate(latest)}`;
  const omitted = undated > 0 ? ` ${undated} undated ${plural(undated)} not shown.` : '';
  const label = `Timeline of ${rows.length} dated developments ${range}.`;
  const description =
    rows.map((r) => `${longDate(r.span)}: ${describe(r.item)}`).join(' ') + omitted;
  const subtitle = `${rows.length} developments in date order, ${range}.${omitted}`;

  const x = {
    field: 'start',
    type: 'temporal' as const,
    // domainMin/Max rather than domain: Vega-Lite merges an explicit temporal domain
    // with itself across layers and warns; the bounds alone say the same.
    scale: { type: 'utc' as const, domainMin: from, domainMax: to, nice: false },
    axis: {
      orient: 'top' as const,
      ...timeTicks(from, to),
      // Vega measures text without a canvas far too wide and would drop labels that fit;
      // timeTicks already keeps them apart.
      labelOverlap: false,
      ticks: false,
      labelPadding: 6,
      grid: true,
      title: null,
    },
  };
  const px = (field: string) => ({ field, type: 'quantitative' as const, scale: null });
  // Header and columns are laid out in pixels from the chart's top-left corner.
  const at = (value: number) => ({ value: value - PLOT_X });
  const text = (left: number, baseline: number, content: string, style: TextStyle) =>
    textLayer(left - PLOT_X, baseline - TOP, content, style);
  const small = { fontSize: SIZES.small, color: COLORS.soft };
  const head = { fontSize: 10, color: COLORS.faint, fontWeight: 600 };
  const fullWidth = { x: at(0), x2: at(CHART_WIDTH - RIGHT) };

  return framedChart({
    kind: 'timeline',
    label,
    description,
    title: 'Dated developments',
    subtitle,
    plot: { left: PLOT_X, width: PLOT_W, height },
    margin: { top: TOP, right: RIGHT, bottom: BOTTOM },
    layers: [
      ...key(rows, at, text, small),
      text(0, TOP - 8, 'DATE', head),
      text(LABEL_X, TOP - 8, 'DEVELOPMENT  [SOURCE]', head),
      {
        data: { values: [{}] },
        mark: { type: 'rule', color: COLORS.ink, strokeWidth: 1 },
        encoding: { ...fullWidth, y: { value: 0 } },
      },
      {
        data: { values },
        layer: [
          {
            mark: { type: 'rule', color: COLORS.rule, strokeWidth: 0.5 },
            encoding: { ...fullWidth, y: px('rule') },
          },
          {
            mark: { type: 'text', align: 'left', fontWeight: 600, fontSize: SIZES.small },
            encoding: { x: at(0), y: px('dateY'), text: { field: 'date' } },
          },
          {
            mark: { type: 'text', align: 'left', lineBreak: '\n', lineHeight: LINE },
            encoding: { x: at(LABEL_X), y: px('labelY'), text: { field: 'label' } },
          },
          {
            transform: [{ filter: "datum.precision !== 'day'" }],
            mark: SPAN,
            encoding: { x, x2: { field: 'end' }, y: px('top'), y2: px('bottom') },
          },
          {
            transform: [{ filter: "datum.precision === 'day'" }],
            mark: DOT,
            encoding: { x: { field: 'noon', type: 'temporal' }, y: px('mid') },
          },
        ],
      },
    ],
  });
}

/** The key to the marks, listing only the kinds of mark the chart uses. */
function key(
  rows: DatedRow[],
  at: (value: number) => { value: number },
  text: (left: number, baseline: number, content: string, style: TextStyle) => object,
  style: TextStyle,
): object[] {
  const layers: object[] = [];
  let left = 0;
  const y = (value: number) => ({ value: value - TOP });
  if (rows.some((r) => r.span.precision === 'day')) {
    layers.push(
      { data: { values: [{}] }, mark: DOT, encoding: { x: at(left + 5), y: y(53) } },
      text(left + 14, 57, 'Exact day', style),
    );
    left += 82;
  }
  if (rows.some((r) => r.span.precision !== 'day')) {
    layers.push(
      {
        data: { values: [{}] },
        mark: SPAN,
        encoding: { x: at(left), x2: at(left + 20), y: y(49), y2: y(57) },
      },
      text(left + 26, 57, 'Month or year only: the bar spans the whole period', style),
    );
  }
  return layers;
}

/** An item in words for the text alternative: marking, full sentence, citations. */
function describe(item: BriefingItem): string {
  const marking = item.marking ? `(${item.marking}) ` : '';
  const cites = item.citations.length > 0 ? ` [${item.citations.join(', ')}]` : '';
  const text = item.text.trim().replace(/\s+/gu, ' ');
  return `${marking}${text}${/[.!?]$/u.test(text) ? '' : '.'}${cites}`;
}

function plural(n: number): string {
  return n === 1 ? 'development' : 'developments';
}
