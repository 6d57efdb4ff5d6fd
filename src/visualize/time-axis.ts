/**
 * The timeline's time axis: a domain of whole years or months around the data, and
 * tick values at round intervals, chosen in UTC so the time zone never shifts a date.
 */

const DAY = 86_400_000;

/** Domain around `[start, end)`: whole years when it spans over two years, else whole months. */
export function timeDomain(start: number, end: number): [number, number] {
  const s = new Date(start);
  const e = new Date(end - 1);
  if (end - start > 2 * 365 * DAY) {
    return [Date.UTC(s.getUTCFullYear(), 0, 1), Date.UTC(e.getUTCFullYear() + 1, 0, 1)];
  }
  return [
    Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), 1),
    Date.UTC(e.getUTCFullYear(), e.getUTCMonth() + 1, 1),
  ];
}

/**
 * Tick values at round years, months or days within `[from, to]`, with a d3 time format
 * for their labels; few enough that the labels never collide in a plot about 230 px wide.
 */
export function timeTicks(from: number, to: number): { format: string; values: number[] } {
  const days = (to - from) / DAY;
  const pick = (units: number, steps: number[], most: number) =>
    steps.find((s) => units / s <= most) ?? steps[steps.length - 1]!;
  const within = (values: number[]) => values.filter((v) => v >= from && v <= to);
  const first = new Date(from);
  if (days >= 3 * 365) {
    const step = pick(days / 365.25, [1, 2, 5, 10, 20, 50, 100], 6);
    const y0 = Math.ceil(first.getUTCFullYear() / step) * step;
    const count = 1 + Math.ceil(days / 365);
    const values = Array.from({ length: count }, (_, i) => Date.UTC(y0 + i * step, 0, 1));
    return { format: '%Y', values: within(values) };
  }
  if (days >= 45) {
    const step = pick(days / 30.4, [1, 2, 3, 6], 4);
    const m0 = Math.ceil((first.getUTCFullYear() * 12 + first.getUTCMonth()) / step) * step;
    const values = Array.from({ length: 1 + Math.ceil(days / 28) }, (_, i) => {
      const m = m0 + i * step;
      return Date.UTC(Math.floor(m / 12), m % 12, 1);
    });
    return { format: '%b %Y', values: within(values) };
  }
  const step = pick(days, [1, 2, 7, 14], 4);
  const values = Array.from(
    { length: 1 + Math.ceil(days / step) },
    (_, i) => from + i * step * DAY,
  );
  return { format: '%-d %b', values: within(values) };
}
