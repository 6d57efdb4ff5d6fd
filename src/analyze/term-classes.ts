import nlp from 'compromise/two';

/** Regions and short forms that news uses like country names. */
const REGIONS = [
  'europe',
  'africa',
  'asia',
  'latin america',
  'south america',
  'north america',
  'southeast asia',
  'middle east',
  'u.s.',
  'u.k.',
  'uae',
  'eu',
];

let countries: string[] | undefined;

/** Every country name compromise's lexicon knows, plus common regions, lower-cased. */
function countryNames(): string[] {
  if (!countries) {
    const model = nlp.model() as { one: { lexicon: Record<string, string | string[]> } };
    const lexicon = model.one.lexicon;
    const names = Object.entries(lexicon)
      .filter(([, tags]) => (Array.isArray(tags) ? tags.includes('Country') : tags === 'Country'))
      .map(([word]) => word);
    countries = [...new Set([...names, ...REGIONS])];
  }
  return countries;
}

/**
 * Named classes a theme's signals may use instead of listing words: `@country` matches any
 * country (or world region) name. Returns the class's terms, or `null` for a plain term.
 */
export function expandTermClass(term: string): string[] | null {
  if (term.trim().toLowerCase() === '@country') return countryNames();
  return null;
}

/** The names of the term classes, for config validation and documentation. */
export const TERM_CLASSES = ['@country'] as const;
