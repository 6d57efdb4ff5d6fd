import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledTheme } from '../../src/analyze/score-themes.js';
import { analyzeText } from './analyze-text.js';

interface Rouge {
  rouge1: { f: number } | number;
  rouge2: { f: number } | number;
  rougeLsum: { f: number } | number;
}
interface Scorer {
  rougeScores(candidate: string[], reference: string[], opts?: { stem?: boolean }): Rouge;
  leadN(article: string, n?: number): string[];
}

/** ROUGE F1 (×100) of a system and of LEAD-3, averaged over the articles. */
export interface KeySentenceResult {
  articles: number;
  system: { r1: number; r2: number; rlsum: number };
  lead3: { r1: number; r2: number; rlsum: number };
}

const f = (x: { f: number } | number) => (typeof x === 'number' ? x : x.f);

/** Scores the top three key sentences of each CNN/DailyMail article against its highlights. */
export async function evaluateKeySentences(
  dir: string,
  themes: CompiledTheme[],
): Promise<KeySentenceResult> {
  const scorer = (await import(pathToFileURL(path.join(dir, 'rouge.mjs')).href)) as Scorer;
  const lines = (await readFile(path.join(dir, 'sample.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean);
  const sums = { system: [0, 0, 0], lead3: [0, 0, 0] };
  for (const line of lines) {
    const { id, article, highlights } = JSON.parse(line) as {
      id: string;
      article: string;
      highlights: string[];
    };
    const doc = analyzeText(`${id}.txt`, article, themes);
    const top = (doc?.keySentences ?? [])
      .slice(0, 3)
      .sort((a, b) => a - b)
      .map((sid) => doc!.sentences.find((s) => s.id === sid)!.text);
    add(sums.system, scorer.rougeScores(top, highlights));
    add(sums.lead3, scorer.rougeScores(scorer.leadN(article, 3), highlights));
  }
  const mean = (v: number[]) => ({
    r1: (100 * v[0]!) / lines.length,
    r2: (100 * v[1]!) / lines.length,
    rlsum: (100 * v[2]!) / lines.length,
  });
  return { articles: lines.length, system: mean(sums.system), lead3: mean(sums.lead3) };
}

function add(sum: number[], scores: Rouge): void {
  sum[0]! += f(scores.rouge1);
  sum[1]! += f(scores.rouge2);
  sum[2]! += f(scores.rougeLsum);
}
