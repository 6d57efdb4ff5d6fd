import type { Sentence, ThemeMatch } from '../model.js';
import type { Theme } from '../config/schema.js';

/** A theme's signals compiled once into matchers. */
export interface CompiledTheme {
  theme: Theme;
  groups: { weight: number; required: boolean; patterns: RegExp[] }[];
}

/** Compiles each theme's signal terms (`*` = any ending) into word-bounded, case-insensitive patterns. */
export function compileThemes(themes: readonly Theme[]): CompiledTheme[] {
  return themes.map((theme) => ({
    theme,
    groups: theme.signals.map((signal) => ({
      weight: signal.weight,
      required: signal.required,
      patterns: signal.terms.map(termPattern),
    })),
  }));
}

function termPattern(term: string): RegExp {
  const body = term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\w-]*'))
    .join('\\s+');
  return new RegExp(`(?<![\\w-])${body}(?![\\w-])`, 'i');
}

/** How strongly one sentence speaks to a theme: each matching term adds its group's weight. */
export function sentenceScore(text: string, compiled: CompiledTheme): number {
  let score = 0;
  let required = false;
  const hasRequired = compiled.groups.some((group) => group.required);
  for (const group of compiled.groups) {
    const hits = group.patterns.filter((pattern) => pattern.test(text)).length;
    if (hits > 0 && group.required) required = true;
    score += group.weight * Math.min(hits, 2);
  }
  return hasRequired && !required ? 0 : score;
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
  const scored = themes.map((compiled) => {
    const bySentence = sentences.map((s) => ({ id: s.id, score: sentenceScore(s.text, compiled) }));
    const titleScore = title ? sentenceScore(title, compiled) : 0;
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
