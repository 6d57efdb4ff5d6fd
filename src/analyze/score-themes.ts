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
  /** Lower-case text that every match contains, to skip the regex on most sentences. */
  hint: string | null;
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
          hint: members === null ? hintOf(term) : null,
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

/**
 * The term's first word up to its first `*`, lower-cased: a match of the case-insensitive
 * pattern contains it. Only for ASCII, where matching ignores case exactly as `toLowerCase`
 * does; `null` when there is no such text.
 */
function hintOf(term: string): string | null {
  const literal = term.trim().split(/\s+/)[0]!.split('*')[0]!.toLowerCase();
  return literal !== '' && /^[\x20-\x7e]+$/.test(literal) ? literal : null;
}

/** How strongly one sentence speaks to a theme: each matching term adds its group's weight. */
export function sentenceScore(
  text: string,
  compiled: CompiledTheme,
  context: ScoreContext = {},
): number {
  return scoreOf(text, text.toLowerCase(), compiled, context);
}

/**
 * The words a term class's pattern matched in each text, kept while one document is scored:
 * the class pattern is long (every country name), and the same texts are searched for it to
 * find the home country and again for each theme that uses it.
 */
type ClassMatches = Map<string, Map<string, string[]>>;

function classMatches(pattern: Pattern, text: string, memo: ClassMatches | null): string[] {
  if (!memo) return text.match(pattern.regex) ?? [];
  let byText = memo.get(pattern.regex.source);
  if (!byText) memo.set(pattern.regex.source, (byText = new Map()));
  let found = byText.get(text);
  if (!found) byText.set(text, (found = text.match(pattern.regex) ?? []));
  return found;
}

/** `sentenceScore`, given the text lower-cased too. */
function scoreOf(
  text: string,
  lower: string,
  compiled: CompiledTheme,
  context: ScoreContext,
  memo: ClassMatches | null = null,
): number {
  let score = 0;
  let required = false;
  const hasRequired = compiled.groups.some((group) => group.required);
  for (const group of compiled.groups) {
    const hits = group.patterns.filter((p) => matches(p, text, lower, context, memo)).length;
    if (hits > 0 && group.required) required = true;
    score += group.weight * Math.min(hits, 2);
  }
  return hasRequired && !required ? 0 : score;
}

function matches(
  pattern: Pattern,
  text: string,
  lower: string,
  context: ScoreContext,
  memo: ClassMatches | null,
): boolean {
  if (pattern.hint !== null && !lower.includes(pattern.hint)) return false;
  if (!pattern.isClass) return pattern.regex.test(text);
  const found = classMatches(pattern, text, memo);
  return found.some((word) => !context.exclude?.has(normalize(word)));
}

const normalize = (word: string) => word.toLowerCase().replace(/\s+/g, ' ');

/**
 * The document's home: the country (or region) it names most, when that is at least 40% of its
 * country mentions. News about a country's own affairs names it throughout; from that country's
 * point of view only the others are abroad.
 */
export function homeCountries(texts: string[], themes: CompiledTheme[]): Set<string> {
  return homeCountriesOf(texts, themes, null);
}

function homeCountriesOf(
  texts: string[],
  themes: CompiledTheme[],
  memo: ClassMatches | null,
): Set<string> {
  const classPattern = themes
    .flatMap((t) => t.groups.flatMap((g) => g.patterns))
    .find((p) => p.isClass);
  if (!classPattern) return new Set();
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of classMatches(classPattern, text, memo))
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
  const memo: ClassMatches = new Map();
  const context: ScoreContext = {
    exclude: homeCountriesOf([title, ...sentences.map((s) => s.text)], themes, memo),
  };
  const lower = sentences.map((s) => s.text.toLowerCase());
  const scored = themes.map((compiled) => {
    const bySentence = sentences.map((s, i) => ({
      id: s.id,
      score: scoreOf(s.text, lower[i]!, compiled, context, memo),
    }));
    const titleScore = title ? scoreOf(title, title.toLowerCase(), compiled, context, memo) : 0;
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
