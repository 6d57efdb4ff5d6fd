import type { Spread } from './stats.js';

/** Milliseconds as seconds, two decimals. */
export const seconds = (ms: number): string => (ms / 1000).toFixed(2);

/** A spread of milliseconds as "median (min–max)" in seconds; just the value for one run. */
export const secondsSpread = (spread: Spread): string =>
  spread.runs.length > 1
    ? `${seconds(spread.median)} (${seconds(spread.min)}–${seconds(spread.max)})`
    : seconds(spread.median);

/** Kilobytes (as the kernel counts them, 1,024 bytes) as megabytes (10⁶ bytes). */
export const megabytes = (kb: number | null): string =>
  kb === null ? 'n/a' : `${((kb * 1024) / 1e6).toFixed(0)} MB`;

/** A ratio as "1.23×". */
export const times = (ratio: number): string => `${ratio.toFixed(2)}×`;

/** ✓ when met, ✗ when missed, – when not measured. */
export const mark = (met: boolean | null): string => (met === null ? '–' : met ? '✓' : '✗');
