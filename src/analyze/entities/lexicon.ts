/**
 * Word classes read from the compromise lexicon (installed): given names,
 * surnames, places, organisations, demonyms, dates and common words.
 */
import nlp from 'compromise/two';

/** Word classes, all lowercase. */
export interface Lexicon {
  givenNames: Set<string>;
  lastNames: Set<string>;
  famousPeople: Set<string>;
  countries: Set<string>;
  places: Set<string>;
  organizations: Set<string>;
  demonyms: Set<string>;
  dates: Set<string>;
  actors: Set<string>;
  /** Words the lexicon knows as ordinary English (verbs, adjectives, nouns, …). */
  common: Set<string>;
  /** compromise's own organisation cue words (`agency`, `bank`, …). */
  orgWords: Set<string>;
}

const PROPER_TAGS = new Set([
  'MaleName',
  'FemaleName',
  'FirstName',
  'LastName',
  'Person',
  'Country',
  'City',
  'Region',
  'Place',
  'ProperNoun',
  'Organization',
  'SportsTeam',
  'Demonym',
  'Month',
  'WeekDay',
  'Date',
  'Abbreviation',
  'Honorific',
  'Currency',
  'Unit',
]);

function emptyLexicon(): Lexicon {
  return {
    givenNames: new Set(),
    lastNames: new Set(),
    famousPeople: new Set(),
    countries: new Set(),
    places: new Set(),
    organizations: new Set(),
    demonyms: new Set(),
    dates: new Set(),
    actors: new Set(),
    common: new Set(),
    orgWords: new Set(),
  };
}

function addWord(lex: Lexicon, word: string, tags: string[]): void {
  const has = (t: string): boolean => tags.includes(t);
  if (has('MaleName') || has('FemaleName') || has('FirstName')) lex.givenNames.add(word);
  if (has('LastName')) lex.lastNames.add(word);
  if (has('Person')) lex.famousPeople.add(word);
  if (has('Country')) lex.countries.add(word);
  if (has('Country') || has('City') || has('Region')) lex.places.add(word);
  // bare `Place` also covers street-type abbreviations (`st`, `ave`), so keep only names
  if (has('Place') && has('ProperNoun')) lex.places.add(word);
  if ((has('Organization') || has('SportsTeam')) && !has('Abbreviation'))
    lex.organizations.add(word);
  if (has('Demonym')) lex.demonyms.add(word);
  if (has('Month') || has('WeekDay') || has('Date')) lex.dates.add(word);
  if (has('Actor')) lex.actors.add(word);
  if (!tags.some((t) => PROPER_TAGS.has(t))) lex.common.add(word);
}

function buildLexicon(): Lexicon {
  const lex = emptyLexicon();
  const model = nlp.model() as {
    one: { lexicon: Record<string, string | string[]> };
    two?: { orgWords?: Record<string, boolean> };
  };
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    addWord(lex, word, Array.isArray(tag) ? tag : [tag]);
  }
  for (const word of Object.keys(model.two?.orgWords ?? {})) lex.orgWords.add(word);
  return lex;
}

let cached: Lexicon | undefined;

/** The lexicon, built once on first use. */
export function lexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
