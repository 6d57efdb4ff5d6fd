/** Decides each name's type from the document-wide evidence. */
import type { Entity } from '../../model.js';
import { EVENT_WORDS, SURNAME_FIRST } from './gazetteer.js';
import { lexicon } from './lexicon.js';
import type { Span } from './candidates.js';
import type { NameInfo } from './keys.js';
import { isAllCaps, isCommonWord } from './words.js';

/** An entity type, or `null` for "not an entity". */
export type Resolved = Entity['type'] | null;

const MIN_EVIDENCE = 0.9;

function strongest(info: NameInfo): Resolved {
  const { person, organization, place } = info.votes;
  const best = Math.max(person, organization, place);
  if (best < MIN_EVIDENCE) return null;
  if (place === best) return 'place';
  return organization === best ? 'organization' : 'person';
}

/** A name with no evidence either way: judged by its shape. */
function byShape(info: NameInfo): Resolved {
  const { words, spans } = info;
  const midSentence = spans.some((s) => !s.initial);
  if (words.every((w) => isCommonWord(w))) return null;
  if (words.length === 1) {
    const w = words[0] ?? '';
    return midSentence && !isCommonWord(w) && !/^\p{Ll}/u.test(w) ? 'organization' : null;
  }
  if (!midSentence && isCommonWord(words[0] ?? '')) return null;
  if (words.some((w) => isAllCaps(w) || /\d/.test(w))) return 'organization';
  return words.length <= 3 && !words.some((w) => isCommonWord(w)) ? 'person' : 'organization';
}

/** Is `short` (one word) how the document refers to the person `full`? */
export function isSurnameOf(short: string, full: string[]): boolean {
  if (full.length < 2) return false;
  const last = full[full.length - 1]?.toLowerCase();
  const first = full[0]?.toLowerCase() ?? '';
  return short === last || (short === first && SURNAME_FIRST.has(first));
}

function promoteSurnames(names: Map<string, NameInfo>, types: Map<string, Resolved>): void {
  const people = [...names.values()].filter(
    (n) => types.get(n.key) === 'person' && n.words.length > 1,
  );
  for (const info of names.values()) {
    const { person, place, organization } = info.votes;
    if (info.words.length !== 1 || (person <= 0 && (place >= 5 || organization >= 4))) continue;
    if (people.some((p) => isSurnameOf(info.key, p.words))) types.set(info.key, 'person');
  }
}

function promoteOrgPrefixes(names: Map<string, NameInfo>, types: Map<string, Resolved>): void {
  for (const info of names.values()) {
    if (info.words.length < 2 || types.get(info.key) !== null) continue;
    const head = info.words[0]?.toLowerCase() ?? '';
    if (types.get(head) === 'organization') types.set(info.key, 'organization');
  }
}

/** `Alibaba` is an organisation when the document also names `Alibaba Group`, `Alibaba Cloud`. */
function orgHeadVotes(names: Map<string, NameInfo>): void {
  for (const info of names.values()) {
    const { organization, person, place } = info.votes;
    const head = info.words[0]?.toLowerCase() ?? '';
    const single = names.get(head);
    if (
      info.words.length < 2 ||
      !single ||
      organization < 4 ||
      organization <= Math.max(person, place)
    )
      continue;
    single.votes.organization += 2;
  }
}

/** `World Cup`, `Zimbabwe Open`, `Five-Year Plan`: an event or a programme, not an entity. */
export function isEventName(words: string[]): boolean {
  const last = (words[words.length - 1] ?? '').toLowerCase();
  const tail2 = words.slice(-2).join(' ').toLowerCase();
  if (lexicon().organizations.has(words.join(' ').toLowerCase())) return false;
  if (words.length === 1) return last === 'olympics';
  return EVENT_WORDS.has(last) || EVENT_WORDS.has(tail2);
}

const OPEN_QUOTES = new Set(['“', '"', '‘', "'"]);
const CLOSE_QUOTES = new Set(['”', '"', '’', "'"]);

/** `Operation “Cloud Sword”`, `‘Lakeside Town’`: a name in quotes is a title or a nickname. */
function isQuoted(span: Span): boolean {
  const before = span.tokens[span.from - 1]?.text ?? '';
  const after = span.tokens[span.to]?.text ?? '';
  return OPEN_QUOTES.has(before) && CLOSE_QUOTES.has(after);
}

/** Only ever written in quotes, and no gazetteer knows it. */
function onlyQuoted(info: NameInfo): boolean {
  const { person, organization, place } = info.votes;
  return info.spans.every(isQuoted) && Math.max(person, organization, place) < 5;
}

/** The type of every name in the document (`null`: not an entity). */
export function resolveTypes(names: Map<string, NameInfo>): Map<string, Resolved> {
  orgHeadVotes(names);
  const types = new Map<string, Resolved>();
  for (const info of names.values()) types.set(info.key, strongest(info));
  promoteSurnames(names, types);
  promoteOrgPrefixes(names, types);
  for (const info of names.values()) {
    if (types.get(info.key) === null) types.set(info.key, byShape(info));
  }
  promoteSurnames(names, types);
  for (const info of names.values())
    if (isEventName(info.words) || onlyQuoted(info)) types.set(info.key, null);
  return types;
}
