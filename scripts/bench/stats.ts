/** A figure measured over several runs: every run's value, their median, minimum and maximum. */
export interface Spread {
  /** Values in the order measured. */
  runs: number[];
  median: number;
  min: number;
  max: number;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The {@link Spread} of `values`, which must not be empty. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('Cannot take the spread of no values.');
  return {
    runs: [...values],
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** The largest value, or `null` when none was measured. */
export function peakOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? Math.max(...known) : null;
}
