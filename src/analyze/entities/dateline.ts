/** Wire datelines: `HARARE 2024-03-01`, `TIGNES , France`, `LONDON (Reuters) -`. */
import type { Span } from './candidates.js';
import type { Token } from './tokenize.js';
import { isAllCaps, isKnownPlace } from './words.js';

const AGENCIES = new Set(['reuters', 'ap', 'afp', 'xinhua', 'upi', 'dpa', 'ani', 'pti', 'efe']);

const MONTH_RE =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

/** An ISO date or a month's name: what follows a dateline's place. */
function isDateToken(tok: Token | undefined): boolean {
  if (!tok || tok.possessive) return false;
  return /^\d{4}-\d\d-\d\d$/.test(tok.text) || MONTH_RE.test(tok.text);
}

function isDateWord(tok: Token | undefined): boolean {
  return isDateToken(tok) || /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(tok?.text ?? '');
}

/** A known place of up to four words starts at `i` (`United Arab Emirates`). */
function placeFollows(tokens: Token[], i: number): boolean {
  const words: string[] = [];
  for (let j = i; j < Math.min(tokens.length, i + 4) && tokens[j]?.isWord; j++) {
    words.push(tokens[j]?.text ?? '');
    if (isKnownPlace(words.join(' '))) return true;
  }
  return false;
}

/** The ALL-CAPS run opening a line, `[from, to)`, if the line is a dateline. */
export function datelineName(tokens: Token[]): [number, number] | null {
  let to = 0;
  while (tokens[to]?.isWord && isAllCaps(tokens[to]?.text ?? '') && !isDateWord(tokens[to])) to++;
  if (to === 0 || to > 4) return null;
  const next = tokens[to];
  const after = tokens[to + 1];
  if (isDateToken(next)) return [0, to];
  if (next?.text === ',' && after && (placeFollows(tokens, to + 1) || isDateToken(after)))
    return [0, to];
  if (next?.text === '(' && after && AGENCIES.has(after.text.toLowerCase())) return [0, to];
  return null;
}

/** The span is the place name of its line's dateline. */
export function isDatelineSlot(span: Span): boolean {
  const found = datelineName(span.tokens);
  return found !== null && found[0] === span.from && found[1] === span.to;
}
