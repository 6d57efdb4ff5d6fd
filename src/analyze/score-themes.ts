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

/**
 * The themes a document substantively covers. A sentence is evidence when its score reaches the
 * theme's `sentenceScore`; a document needs `minEvidence` evidence sentences, so a passing
 * mention is ignored. The score weighs the evidence against the document's length.
 */
export function scoreThemes(sentences: Sentence[], themes: CompiledTheme[]): ThemeMatch[] {
  const matches: ThemeMatch[] = [];
  for (const compiled of themes) {
    const scored = sentences
      .map((sentence) => ({ id: sentence.id, score: sentenceScore(sentence.text, compiled) }))
      .filter((s) => s.score >= compiled.theme.sentenceScore)
      .sort((a, b) => b.score - a.score || a.id - b.id);
    if (scored.length < compiled.theme.minEvidence) continue;
    const total = scored.reduce((sum, s) => sum + s.score, 0);
    const share = scored.length / Math.max(sentences.length, 1);
    const score = Math.min(1, (1 - Math.exp(-total / 8)) * 0.6 + share * 0.8);
    matches.push({ id: compiled.theme.id, score: round(score), evidence: scored.map((s) => s.id) });
  }
  return matches.sort((a, b) => b.score - a.score);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
