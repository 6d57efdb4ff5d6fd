import type { Random } from './random.js';
import { monthName, type Cast } from './cast.js';

/** A sum of money in one of the ways news and cables write it. */
export function money(r: Random): string {
  const millions = r.pick([3, 12, 25, 40, 75, 120, 200, 350, 800]);
  switch (r.int(0, 6)) {
    case 0:
      return `$${millions} million`;
    case 1:
      return `USD ${millions} million`;
    case 2:
      return `$${r.int(1, 9)}.${r.int(1, 9)} billion`;
    case 3:
      return `${r.pick(['50,000', '120,000', '800,000', '2,500,000'])} RMB`;
    case 4:
      return `RMB ${r.int(2, 30)} billion`;
    case 5:
      return `US$${millions} million`;
    default:
      return `€${millions} million`;
  }
}

/** A percentage, written `12 percent` or `4.5%`. */
export function percent(r: Random): string {
  const value = r.chance(0.3) ? `${r.int(1, 40)}.${r.int(1, 9)}` : String(r.int(2, 65));
  return r.chance(0.5) ? `${value} percent` : `${value}%`;
}

/** A count with thousands separators. */
export function count(r: Random): string {
  return r.pick(['1,200', '3,400', '18,000', '250,000', '46,000', '720', '9,500', '1.3 million']);
}

/** A date at or before the publication, as prose: `on March 3, 2015`, `in May 2014`. */
export function when(r: Random, cast: Cast): string {
  const year = cast.year - r.int(0, 1);
  const month = year === cast.year ? r.int(1, cast.month) : r.int(1, 12);
  return r.chance(0.5)
    ? `on ${monthName(month)} ${r.int(1, 28)}, ${year}`
    : `in ${monthName(month)} ${year}`;
}
