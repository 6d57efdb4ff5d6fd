import type { Sentence } from '../model.js';

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that ' +
    'these those he she they we i you his her their our your not no so than then there here which who whom whose ' +
    'what when where why how all any each more most other some such only own same too very can will would should ' +
    'could may might must has have had do does did also into over after before about up down out just said says'
  ).split(' '),
);

/** The content words of a text, lower-cased and crudely stemmed. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? [])
    .map((w) =>
      w
        .replace(/'s$/, '')
        .replace(/(?:ies)$/, 'y')
        .replace(/(?<=[a-z]{3})s$/, ''),
    )
    .filter((w) => w.length > 2 && !STOPWORDS.has(w));
}

/**
 * Ranks a document's sentences by importance: position (news puts the essentials first),
 * centrality (how much a sentence shares the document's vocabulary), overlap with the title,
 * and informativeness (names and numbers); very short and very long sentences are discounted.
 * Returns sentence ids, most important first.
 */
export function rankSentences(sentences: Sentence[], title: string): number[] {
  if (sentences.length === 0) return [];
  const bags = sentences.map((s) => contentWords(s.text));
  const frequency = new Map<string, number>();
  for (const bag of bags)
    for (const word of new Set(bag)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const titleWords = new Set(contentWords(title));
  const scored = sentences.map((sentence, i) => {
    const bag = new Set(bags[i]);
    const words = sentence.text.split(/\s+/).length;
    const centrality =
      sum([...bag].map((w) => (frequency.get(w)! > 1 ? Math.log(1 + frequency.get(w)!) : 0))) /
      Math.sqrt(bag.size + 1);
    const titleOverlap = titleWords.size
      ? [...bag].filter((w) => titleWords.has(w)).length / titleWords.size
      : 0;
    const position = 1 / Math.sqrt(i + 1);
    const informative = Math.min(
      1,
      ((sentence.text.match(/\d/g)?.length ?? 0) > 0 ? 0.5 : 0) +
        (sentence.text.match(/\b[A-Z][a-z]+/g)?.length ?? 0) / 8,
    );
    const lengthFactor = words < 6 ? 0.3 : words > 60 ? 0.7 : 1;
    const score =
      (1.6 * position + (0.5 * centrality) / 3 + 0.8 * titleOverlap + 0.3 * informative) *
      lengthFactor;
    return { id: sentence.id, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.id - b.id).map((s) => s.id);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
