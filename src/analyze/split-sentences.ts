import type { Block, Paragraph, Sentence } from '../model.js';

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mssrs messrs dr prof gen gov sen rep st jr sr lt col capt sgt cmdr adm rev hon pres supt ' +
    'inc ltd co corp bros dept univ assn est approx no nos vs etc fig figs vol op ed eds ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ave blvd rd mt ft e.g i.e a.m p.m u.s u.k u.n e.u d.c n.y l.a'
  ).split(' '),
);

/** Words that open a sentence: after an initial or acronym (`U.S.`) they mark a real boundary. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an it he she they we i you but and however in on at this that these those there his her its ' +
    'their our when while after before as if so meanwhile also yet still then now one some many most'
  ).split(' '),
);

const CLOSERS = `"”’')]`;
const MAX_SENTENCE = 600;

/**
 * Splits the paragraphs of a document into sentences, with offsets into the original text.
 * Survives abbreviations (`Mr.`, `Inc.`), initials and acronyms (`U.S.`), decimals,
 * ellipses and quotations that close after the full stop.
 */
export function splitSentences(paragraphs: { paragraph: Paragraph; block: Block }[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { paragraph, block } of paragraphs) {
    for (const [from, to] of sentenceRanges(block.text)) {
      sentences.push({
        id: sentences.length + 1,
        text: block.text.slice(from, to),
        start: block.offsets[from]!,
        end: block.offsets[to - 1]! + 1,
        paragraph: paragraph.id,
      });
    }
  }
  return sentences;
}

/** Sentence ranges `[from, to)` within one paragraph's text. */
export function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const quoted = insideQuotes(text);
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char !== '.' && char !== '!' && char !== '?') continue;
    if (quoted[i]) continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.includes(text[end]!) || text[end] === '.')) end++;
    if (end < text.length && text[end] !== ' ') continue;
    if (end < text.length && !isBoundary(text, i, end)) continue;
    pushSplit(ranges, text, from, end);
    from = end + 1;
    i = end;
  }
  if (from < text.length) pushSplit(ranges, text, from, text.length);
  return ranges;
}

/**
 * Marks the characters inside a quotation that closes within the paragraph, so a quote of
 * several sentences stays with its attribution (`"… expensive. But … off," he said.`).
 */
function insideQuotes(text: string): boolean[] {
  const inside = new Array<boolean>(text.length).fill(false);
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const opens = char === '“' || (char === '"' && open === -1);
    const closes = char === '”' || (char === '"' && open !== -1);
    if (opens && open === -1) open = i;
    else if (closes && open !== -1) {
      // The last character before the closing mark may end the sentence with the quote.
      for (let k = open + 1; k < i - 1; k++) inside[k] = true;
      open = -1;
    }
  }
  return inside;
}

function isBoundary(text: string, stop: number, end: number): boolean {
  const next = text.slice(end + 1, end + 40);
  if (!/^["“‘'([]?[A-Z0-9]/.test(next)) return false;
  if (text[stop] !== '.') return true;
  if (text.slice(stop - 2, stop + 1) === '...' && /^[a-z]/.test(next)) return false;
  const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, stop - 12), stop))?.[1] ?? '';
  const nextWord = /^["“‘'([]?([A-Za-z]+)/.exec(next)?.[1]?.toLowerCase() ?? '';
  const opener = SENTENCE_OPENERS.has(nextWord);
  if (ABBREVIATIONS.has(word.toLowerCase())) {
    // `Inc.`, `Corp.` and `U.S.` often end a sentence; titles such as `Mr.` never do.
    return opener && /^(inc|ltd|co|corp|bros|etc|u\.s|u\.k|u\.n|e\.u|d\.c|a\.m|p\.m)$/i.test(word);
  }
  if (/^[A-Z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return opener;
  return true;
}

/** Adds a sentence, cut into pieces at clause marks when it is too long to be one. */
function pushSplit(ranges: [number, number][], text: string, from: number, to: number): void {
  while (from < to && text[from] === ' ') from++;
  while (to > from && text[to - 1] === ' ') to--;
  while (to - from > MAX_SENTENCE) {
    const window = text.slice(from, from + MAX_SENTENCE);
    const cut = Math.max(
      window.lastIndexOf('; '),
      window.lastIndexOf(', '),
      window.lastIndexOf(' '),
    );
    const at = cut > MAX_SENTENCE / 3 ? from + cut + 1 : from + MAX_SENTENCE;
    ranges.push([from, at]);
    from = at;
    while (from < to && text[from] === ' ') from++;
  }
  if (to > from) ranges.push([from, to]);
}
