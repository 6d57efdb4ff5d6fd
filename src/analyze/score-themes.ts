import type { Sentence, ThemeMatch } from '../model.js';
import type { Theme } from '../config/schema.js';
import { expandTermClass } from './term-classes.js';

/** A theme's signals compiled once into matchers. */
export interface CompiledTheme {
  theme: Theme;
  groups: { weight: number; required: boolean; patterns: Pattern[] }[];
}

/** A term's matcher; a term class (`@country`) also knows which words it matched. */
interface Pattern {
  regex: RegExp;
  isClass: boolean;
}

/** What a sentence's score depends on beyond its words. */
export interface ScoreContext {
  /** Class members that do not count here (the document's home country is not foreign). */
  exclude?: ReadonlySet<string>;
}

/** Compiles each theme's signal terms (`*` = any ending) into word-bounded, case-insensitive patterns. */
export function compileThemes(themes: readonly Theme[]): CompiledTheme[] {
  return themes.map((theme) => ({
    theme,
    groups: theme.signals.map((signal) => ({
      weight: signal.weight,
      required: signal.required,
      patterns: signal.terms.map((term) => {
        const members = expandTermClass(term);
        return {
          regex: termPattern(members ?? [term], members !== null),
          isClass: members !== null,
        };
      }),
    })),
  }));
}

/** One word-bounded, case-insensitive pattern matching any of the terms. */
function termPattern(terms: string[], global = false): RegExp {
  const alternatives = terms.map((term) =>
    term
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\w-]*'))
      .join('\\s+'),
  );
  return new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, global ? 'gi' : 'i');
}

/** How strongly one sentence speaks to a theme: each matching term adds its group's weight. */
export function sentenceScore(
  text: string,
  compiled: CompiledTheme,
  context: ScoreContext = {},
): number {
  let score = 0;
  let required = false;
  const hasRequired = compiled.groups.some((group) => group.required);
  for (const group of compiled.groups) {
    const hits = group.patterns.filter((pattern) => matches(pattern, text, context)).length;
    if (hits > 0 && group.required) required = true;
    score += group.weight * Math.min(hits, 2);
  }
  return hasRequired && !required ? 0 : score;
}

function matches(pattern: Pattern, text: string, context: ScoreContext): boolean {
  if (!pattern.isClass) return pattern.regex.test(text);
  const found = text.match(pattern.regex) ?? [];
  return found.some((word) => !context.exclude?.has(normalize(word)));
}

const normalize = (word: string) => word.toLowerCase().replace(/\s+/g, ' ');

/**
 * The document's home: the country (or region) it names most, when that is at least 40% of its
 * country mentions. News about a country's own affairs names it throughout; from that country's
 * point of view only the others are abroad.
 */
export function homeCountries(texts: string[], themes: CompiledTheme[]): Set<string> {
  const classPattern = themes
    .flatMap((t) => t.groups.flatMap((g) => g.patterns))
    .find((p) => p.isClass);
  if (!classPattern) return new Set();
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of text.match(classPattern.regex) ?? [])
      counts.set(normalize(word), (counts.get(normalize(word)) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const [top, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return count >= 3 && count >= total * 0.4 ? new Set([top]) : new Set();
}

/** A secondary theme needs this share of the leading theme's evidence, or it is a passing topic. */
export const MIN_SHARE_OF_LEAD = 0.6;
/** A headline speaks for the whole document: its signals count this many times. */
const TITLE_WEIGHT = 2;

/**
 * The themes a document substantively covers, weighing evidence across the whole document.
 * A sentence is evidence when its score reaches the theme's `sentenceScore`; a matching title
 * counts as one more piece of evidence, and twice in the theme's mass. A document needs
 * `minEvidence` pieces of evidence, and a secondary theme needs {@link MIN_SHARE_OF_LEAD} of the
 * leading theme's mass, so passing mentions are ignored.
 */
export function scoreThemes(
  sentences: Sentence[],
  themes: CompiledTheme[],
  title = '',
): ThemeMatch[] {
  const context: ScoreContext = {
    exclude: homeCountries([title, ...sentences.map((s) => s.text)], themes),
  };
  const scored = themes.map((compiled) => {
    const bySentence = sentences.map((s) => ({
      id: s.id,
      score: sentenceScore(s.text, compiled, context),
    }));
    const titleScore = title ? sentenceScore(title, compiled, context) : 0;
    const evidence = bySentence
      .filter((s) => s.score >= compiled.theme.sentenceScore)
      .sort((a, b) => b.score - a.score || a.id - b.id);
    const titleEvidence = titleScore >= compiled.theme.sentenceScore ? 1 : 0;
    const mass = bySentence.reduce((sum, s) => sum + s.score, 0) + TITLE_WEIGHT * titleScore;
    return { compiled, evidence, count: evidence.length + titleEvidence, mass };
  });
  const lead = Math.max(0, ...scored.map((t) => t.mass));
  const matches: ThemeMatch[] = [];
  for (const { compiled, evidence, count, mass } of scored) {
    if (count < compiled.theme.minEvidence || mass < lead * MIN_SHARE_OF_LEAD) continue;
    const share = count / Math.max(sentences.length + 1, 1);
    const score = Math.min(1, (1 - Math.exp(-mass / 8)) * 0.6 + share * 0.8);
    matches.push({
      id: compiled.theme.id,
      score: round(score),
      evidence: evidence.map((s) => s.id),
    });
  }
  return matches.sort((a, b) => b.score - a.score);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
