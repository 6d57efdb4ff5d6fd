/** Groups the names a document uses for the same entity (aliases) and builds entities. */
import type { Entity, Mention } from '../../model.js';
import type { Span } from './candidates.js';
import {
  CORPORATE_FORMS,
  COUNTRY_ALIASES,
  PLACE_GENERIC_SUFFIXES,
  SURNAME_FIRST,
} from './gazetteer.js';
import { nameKey, type NameInfo } from './keys.js';
import { lexicon } from './lexicon.js';
import { isSurnameOf, type Resolved } from './resolve.js';

/** Union-find over name keys. */
class Clusters {
  private parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root)
      root = this.parent.get(root) ?? root;
    this.parent.set(key, root);
    return root;
  }

  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function firstStart(info: NameInfo): number {
  let min = Infinity;
  for (const s of info.spans) min = Math.min(min, spanStart(s));
  return min;
}

function spanStart(s: Span): number {
  return s.tokens[s.from]?.start ?? 0;
}

function stripTrailing(words: string[], drop: ReadonlySet<string>): string[] {
  const out = [...words];
  while (out.length > 1 && drop.has((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  return out;
}

/** `Ma` → nearest earlier `Wang Yang`-style full name it is the surname of. */
function joinSurnames(people: NameInfo[], clusters: Clusters): void {
  const full = people.filter((p) => p.words.length > 1);
  for (const p of people) {
    if (p.words.length !== 1) continue;
    const matches = full.filter((f) => isSurnameOf(p.key, f.words));
    if (matches.length === 0) continue;
    const at = firstStart(p);
    const before = matches.filter((m) => firstStart(m) <= at);
    const pick = (before.length ? before : matches).reduce((a, b) =>
      firstStart(b) > firstStart(a) && before.length ? b : a,
    );
    clusters.join(pick.key, p.key);
  }
}

/** `Jack Ma` and `Ma Yun` with the same organisation right before both: an English and a Chinese name. */
function joinWesternAndChinese(
  people: NameInfo[],
  orgKeys: Set<string>,
  clusters: Clusters,
  before: Map<Span, string[]>,
): void {
  const lex = lexicon();
  for (const west of people) {
    const [given, surname] = west.words.map((w) => w.toLowerCase());
    if (west.words.length !== 2 || !given || !surname || !lex.givenNames.has(given)) continue;
    for (const east of people) {
      const first = east.words[0]?.toLowerCase() ?? '';
      if (
        east === west ||
        east.words.length !== 2 ||
        first !== surname ||
        !SURNAME_FIRST.has(first)
      )
        continue;
      const orgsOf = (n: NameInfo): Set<string> =>
        new Set(n.spans.flatMap((s) => before.get(s) ?? []).filter((k) => orgKeys.has(k)));
      const shared = [...orgsOf(west)].some((k) => orgsOf(east).has(k));
      if (shared) clusters.join(west.key, east.key);
    }
  }
}

function joinOrgForms(orgs: NameInfo[], clusters: Clusters): void {
  const byBase = new Map<string, string>();
  for (const o of orgs) {
    const base = nameKey(stripTrailing(o.words, CORPORATE_FORMS));
    const seen = byBase.get(base);
    if (seen) clusters.join(seen, o.key);
    else byBase.set(base, o.key);
  }
}

function placeBase(words: string[]): string {
  const key = nameKey(stripTrailing(words, PLACE_GENERIC_SUFFIXES));
  return COUNTRY_ALIASES.get(key) ?? key;
}

function joinPlaces(places: NameInfo[], clusters: Clusters): void {
  const byBase = new Map<string, string>();
  for (const p of places) {
    const base = placeBase(p.words);
    const seen = byBase.get(base);
    if (seen) clusters.join(seen, p.key);
    else byBase.set(base, p.key);
  }
}

function initials(words: string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

/** Acronyms the document defines (`… (USTR)`) or that spell a name's initials. */
function joinAcronyms(named: NameInfo[], defined: [string, string][], clusters: Clusters): void {
  for (const [long, short] of defined) clusters.join(long, short);
  const byInitials = new Map<string, string>();
  for (const n of named) if (n.words.length >= 3) byInitials.set(initials(n.words), n.key);
  for (const n of named) {
    const long = n.words.length === 1 ? byInitials.get(n.key.replace(/\./g, '')) : undefined;
    if (long) clusters.join(long, n.key);
  }
}

/** Inputs for grouping names into entities. */
export interface MergeInput {
  names: Map<string, NameInfo>;
  types: Map<string, Resolved>;
  /** `[long form, acronym]` pairs the document defines. */
  acronyms: [string, string][];
  /** For each span, the keys of names just before it in its sentence. */
  before: Map<Span, string[]>;
}

/** Groups names into clusters of the same entity; returns each name's cluster root. */
export function clusterNames(input: MergeInput): Clusters {
  const { names, types } = input;
  const clusters = new Clusters();
  const ofType = (t: Resolved): NameInfo[] =>
    [...names.values()].filter((n) => types.get(n.key) === t);
  const people = ofType('person');
  const orgs = ofType('organization');
  joinSurnames(people, clusters);
  joinWesternAndChinese(people, new Set(orgs.map((o) => o.key)), clusters, input.before);
  joinOrgForms(orgs, clusters);
  joinPlaces(ofType('place'), clusters);
  const named = [...names.values()].filter((n) => types.get(n.key));
  const defined = input.acronyms.filter(([a, b]) => types.get(a) && types.get(b) !== undefined);
  joinAcronyms(named, defined, clusters);
  return clusters;
}

function surface(text: string, s: Span): string {
  return text.slice(spanStart(s), s.tokens[s.to - 1]?.end ?? 0).replace(/\s+/g, ' ');
}

function pickName(members: NameInfo[], text: string): string {
  const score = (n: NameInfo): number => {
    const shout = n.words.join('') === n.words.join('').toUpperCase() ? 100 : 0;
    return n.words.length * 10 - shout;
  };
  const best = members.reduce((a, b) => (score(b) > score(a) ? b : a));
  const mixed = best.spans.find((s) => !/^[^\p{Ll}]*$/u.test(surface(text, s)));
  const name = surface(text, mixed ?? best.spans[0] ?? ({} as Span));
  return mixed ? name : titleCase(name);
}

function titleCase(name: string): string {
  // acronyms stay as they are: `USTR`, `U.S.`
  if (!/\s/.test(name) && (name.length <= 5 || name.includes('.'))) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function pickType(members: NameInfo[], types: Map<string, Resolved>): Entity['type'] {
  const longest = members.reduce((a, b) => (b.words.length > a.words.length ? b : a));
  return (
    types.get(longest.key) ??
    types.get(members.find((m) => types.get(m.key))?.key ?? '') ??
    'organization'
  );
}

function mentionsOf(members: NameInfo[]): Mention[] {
  const seen = new Set<number>();
  const out: Mention[] = [];
  for (const s of members.flatMap((m) => m.spans)) {
    const start = spanStart(s);
    if (seen.has(start)) continue;
    seen.add(start);
    out.push({ start, end: s.tokens[s.to - 1]?.end ?? start, sentence: s.sentence });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Builds the entities of a document from its typed, clustered names. */
export function buildEntities(text: string, input: MergeInput): Entity[] {
  const clusters = clusterNames(input);
  const groups = new Map<string, NameInfo[]>();
  for (const info of input.names.values()) {
    if (!input.types.get(info.key)) continue;
    const root = clusters.find(info.key);
    const group = groups.get(root);
    if (group) group.push(info);
    else groups.set(root, [info]);
  }
  const entities = [...groups.values()].map((members) => {
    const mentions = mentionsOf(members);
    const name = pickName(members, text);
    const forms = new Set(members.flatMap((m) => m.spans.map((s) => surface(text, s))));
    const aliases = [...forms].filter((f) => f !== name && f.toLowerCase() !== name.toLowerCase());
    return { name, type: pickType(members, input.types), aliases, mentions };
  });
  return entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}
