/**
 * Named-entity recognition: people, organisations and places, with the
 * names a document uses for the same entity merged into one.
 */
import type { Entity, Sentence } from '../model.js';
import {
  capitalRuns,
  initialIndexes,
  splitTitles,
  trimSegment,
  type Span,
} from './entities/candidates.js';
import { addSpan, nameKey, type NameInfo } from './entities/keys.js';
import { isLookupOnly, lookupSpans } from './entities/lookup.js';
import { buildEntities } from './entities/merge.js';
import { resolveTypes } from './entities/resolve.js';
import { tokenize, type Token } from './entities/tokenize.js';
import { bare, isKnownPlace } from './entities/words.js';
import { CORPORATE_FORMS } from './entities/gazetteer.js';

interface SentenceTokens {
  id: number;
  tokens: Token[];
  lookupOnly: boolean;
}

function sentenceSpans(st: SentenceTokens): Span[] {
  const { tokens } = st;
  const initials = initialIndexes(tokens);
  const spans: Span[] = [];
  for (const [from, to] of capitalRuns(tokens)) {
    for (const seg of splitTitles(tokens, from, to)) {
      const trimmed = trimSegment(tokens, seg, initials);
      if (trimmed)
        spans.push({ tokens, sentence: st.id, initial: initials.has(trimmed.from), ...trimmed });
    }
  }
  return spans;
}

/** `Office of the U.S. Trade Representative (USTR)`: the span and the acronym right after it. */
function acronymPairs(spans: Span[]): [string, string][] {
  const pairs: [string, string][] = [];
  spans.forEach((span, i) => {
    const next = spans[i + 1];
    const { tokens, to } = span;
    if (!next || next.tokens !== tokens || next.from !== to + 1 || next.to !== to + 2) return;
    if (tokens[to]?.text !== '(' || tokens[to + 2]?.text !== ')') return;
    const long = keyOf(span);
    const short = keyOf(next);
    if (isAbbreviationOf(short, long)) pairs.push([long, short]);
  });
  return pairs;
}

/** `USTR` for `Office of the U.S. Trade Representative`, `SingPost` for `Singapore Post`. */
function isAbbreviationOf(short: string, long: string): boolean {
  const letters = short.replace(/[^\p{L}]/gu, '');
  const pool = long.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters.length >= pool.length || isKnownPlace(short)) return false;
  let at = 0;
  for (const ch of letters) {
    at = pool.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return long.split(/\s+/).some((w) => w.startsWith(letters[0] ?? ''));
}

function keyOf(span: Span): string {
  return nameKey(span.tokens.slice(span.from, span.to).map((t) => t.text));
}

/** For each span, the names that end within three tokens before it in the same sentence. */
function namesBefore(spans: Span[]): Map<Span, string[]> {
  const out = new Map<Span, string[]>();
  spans.forEach((span, i) => {
    const near: string[] = [];
    // spans of one sentence are consecutive, in order
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const o = spans[j];
      if (o && o.tokens === span.tokens && o.to <= span.from && o.to >= span.from - 3)
        near.push(keyOf(o));
    }
    out.set(span, near);
  });
  return out;
}

/** `Roadget Business Pte.` | `Ltd.`: a splitter's break inside a company's legal name. */
function breaksLegalName(prev: Token[], next: Token[]): boolean {
  const last = prev[prev.length - 1];
  const first = next[0];
  return (
    last !== undefined &&
    first !== undefined &&
    last.text.endsWith('.') &&
    CORPORATE_FORMS.has(bare(last.text)) &&
    CORPORATE_FORMS.has(bare(first.text)) &&
    first.capitalized
  );
}

function tokenizeSentences(text: string, sentences: Sentence[]): SentenceTokens[] {
  const out: SentenceTokens[] = [];
  for (const s of sentences) {
    const start = Math.max(0, Math.min(s.start, text.length));
    const end = Math.max(start, Math.min(s.end, text.length));
    const tokens = tokenize(text, start, end);
    const prev = out[out.length - 1];
    if (prev && breaksLegalName(prev.tokens, tokens)) prev.tokens.push(...tokens);
    else out.push({ id: s.id, tokens, lookupOnly: false });
  }
  for (const st of out) st.lookupOnly = isLookupOnly(st.tokens);
  return out;
}

function recognize(text: string, sentences: Sentence[]): Entity[] {
  const all = tokenizeSentences(text, sentences);
  const names = new Map<string, NameInfo>();
  const spans = all.filter((s) => !s.lookupOnly).flatMap(sentenceSpans);
  for (const span of spans) addSpan(names, span);
  const lookups = all
    .filter((s) => s.lookupOnly)
    .flatMap((s) => lookupSpans(s.tokens, s.id, names));
  for (const span of lookups) addSpan(names, span, 'name');
  const types = resolveTypes(names);
  const acronyms = acronymPairs(spans);
  for (const [long, short] of acronyms) {
    const type = types.get(long);
    if (type) types.set(short, type);
  }
  return buildEntities(text, { names, types, acronyms, before: namesBefore(spans) });
}

/**
 * The people, organisations and places named in a document, sorted by first mention.
 * Looks only inside `sentences` (offsets into `text`); never throws.
 */
export function findEntities(text: string, sentences: Sentence[]): Entity[] {
  try {
    return recognize(text, sentences);
  } catch {
    return [];
  }
}
