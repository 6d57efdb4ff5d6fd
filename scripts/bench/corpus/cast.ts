import type { Random } from './random.js';
import {
  AGENCIES,
  BRANDS,
  CHINESE_CITIES,
  CHINESE_FAMILY_NAMES,
  CHINESE_GIVEN_NAMES,
  COMPANIES,
  FAMILY_NAMES,
  FIRMS,
  FOREIGN_CITIES,
  GIVEN_NAMES,
  GOODS,
  MONTHS,
} from './vocabulary.js';

/** Someone a document names: full name, the name used on later mentions, and a role. */
export interface Person {
  name: string;
  short: string;
  role: string;
}

/** Who and what one generated document is about, drawn once so that names recur within it. */
export interface Cast {
  company: string;
  rival: string;
  brand: string;
  firm: string;
  agency: string;
  home: { city: string; province: string };
  abroad: { city: string; country: string; region: string };
  goods: string;
  executive: Person;
  official: Person;
  analyst: Person;
  lawyer: Person;
  /** The publication date, `YYYY-MM-DD`. */
  date: string;
  year: number;
  month: number;
}

function western(r: Random): { name: string; short: string } {
  const family = r.pick(FAMILY_NAMES);
  return { name: `${r.pick(GIVEN_NAMES)} ${family}`, short: family };
}

function chinese(r: Random): { name: string; short: string } {
  const family = r.pick(CHINESE_FAMILY_NAMES);
  return { name: `${family} ${r.pick(CHINESE_GIVEN_NAMES)}`, short: family };
}

/** Draws a cast for a document published between `fromYear` and `toYear`. */
export function drawCast(r: Random, fromYear: number, toYear: number): Cast {
  const [company, rival] = r.sample(COMPANIES, 2) as [string, string];
  const home = r.pick(CHINESE_CITIES);
  const abroad = r.pick(FOREIGN_CITIES);
  const year = r.int(fromYear, toYear);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const firm = r.pick(FIRMS);
  const agency = r.pick(AGENCIES);
  const brand = r.pick(BRANDS);
  const officialRole = r.pick([
    `Party Secretary of ${home.province}`,
    `Vice Mayor of ${home.city}`,
    `deputy director at the ${agency}`,
    `Governor of ${home.province}`,
  ]);
  return {
    company,
    rival,
    brand,
    firm,
    agency,
    home,
    abroad,
    goods: r.pick(GOODS),
    executive: {
      ...(r.chance(0.5) ? chinese(r) : western(r)),
      role: r.pick([
        `vice president for international business at ${company}`,
        `general manager of ${company}'s ${abroad.region} unit`,
        `chief financial officer of ${company}`,
        `a spokeswoman for ${company}`,
      ]),
    },
    official: { ...chinese(r), role: officialRole },
    analyst: { ...(r.chance(0.5) ? western(r) : chinese(r)), role: `an analyst at ${firm}` },
    lawyer: { ...western(r), role: `head of brand protection at ${brand}` },
    date: `${year}-${pad(month)}-${pad(day)}`,
    year,
    month,
  };
}

/** Two digits. */
export const pad = (n: number): string => String(n).padStart(2, '0');

/** A month name, 1-based. */
export const monthName = (month: number): string => MONTHS[(month - 1) % 12]!;
