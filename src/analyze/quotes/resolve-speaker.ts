import type { Entity } from '../../model.js';
import { collapseWhitespace } from '../sentence-ranges.js';

/** What resolving a speaker phrase needs: the text, its entities and where the quote opens. */
export interface SpeakerContext {
  text: string;
  entities: readonly Entity[];
  /** Offset of the quote's opening mark: pronouns refer to what was named before it. */
  quoteAt: number;
}

const HONORIFICS = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madam|Mme|M)\.?$/;
/** Job titles that stand before a name (`Chief Patent Officer Nancy Zhang`). */
const TITLES = new Set(
  (
    'president vice chief officer ceo cfo coo cto chairman chairwoman chair director manager ' +
    'secretary minister governor mayor senator representative judge spokesman spokeswoman ' +
    'spokesperson general counsel head founder co-founder executive analyst professor deputy ' +
    'ambassador consul premier chancellor commissioner lawyer attorney partner vp svp evp md ' +
    'coordinator leader'
  ).split(' '),
);
/** Nouns naming someone speaking for an organisation (`an Alibaba spokeswoman`). */
const ROLES =
  /\b(?:official|officials|spokes(?:man|woman|person)|executive|representative|analyst|source|consultant|director|manager|minister|officer|lawyer|attorney|chairman|president|ceo|founder|economist|researcher|expert)\b/i;
/** `the company said`: words standing for the organisation last named. */
const ORG_WORDS =
  /^(?:it|(?:(?:the|this|that)\s+)?(?:[\p{L}-]+\s+)?(?:company|firm|group|giant|retailer|platform|ministry|court|government|agency|bank|brand|startup|start-up|business|website|site|carrier|automaker|carmaker|maker|manufacturer|regulator|department|embassy|organi[sz]ation|association|club|operator|conglomerate|e-tailer|marketplace|lab|university|institute|union|party|council|commission|authority|office|team))$/iu;
/** Subjects that name nobody in particular (`One commented:`, `they said`). */
const NOBODY =
  /^(?:they|we|i|you|them|one|another|others|some|many|most|several|both|all|each|everyone|someone|somebody|nobody|officials|sources|critics|experts|analysts|residents|witnesses|fans|users|people|police)$/i;
const LEADING_FILLER =
  /^(?:(?:and|but|so|then|also|further|later|meanwhile|however|in addition|separately|a|an|the|another|one|its|his|her|their|this|that|these|those|our|my|your|some|many|several)\s+)+/i;
const TRAILING_FILLER =
  /(?:\s+(?:also|further|then|later|again|previously|earlier|recently|once|has|had|have|was|is|repeatedly|simply|only|had\s+previously|[a-z]+ly))+$/;

/**
 * Turns the phrase at `start`–`end` naming a quote's speaker into a name: the entity whose
 * mention lies in the phrase, the person last named for `he`/`she`, the organisation last named
 * for `the company`, an entity whose name contains the written name (`Mr Alvarez` → `Carlos
 * Alvarez`), else the name as written; null when nobody is identifiable (`they`, `the suit`).
 * `side` tells which clause of a long phrase holds the subject: the first after a quote, the
 * last before one.
 */
export function resolveSpeaker(
  context: SpeakerContext,
  start: number,
  end: number,
  side: 'after' | 'before',
): string | null {
  const inPhrase = mentionedIn(context, start, end);
  const people = inPhrase.filter((e) => e.entity.type === 'person');
  // The subject is the first name after a quote, the last one before it (`Luo said Wang told …`).
  const person = side === 'after' ? people[0] : people[people.length - 1];
  if (person) return person.entity.name;
  const phrase = collapseWhitespace(context.text.slice(start, end));
  const clauses = phrase.split(/\s*,\s*/).filter((c) => c.length > 0);
  const ordered = side === 'after' ? clauses : [...clauses].reverse();
  for (const clause of ordered) {
    const found = fromClause(context, clause, inPhrase, clauses.length === 1);
    if (found !== undefined) return found;
  }
  return null;
}

/** A speaker from one clause, null when it names nobody identifiable, undefined to go on. */
function fromClause(
  context: SpeakerContext,
  clause: string,
  inPhrase: EntityMention[],
  only: boolean,
): string | null | undefined {
  const core = clause.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim();
  if (/^(?:he|she)$/i.test(core)) return lastNamed(context, 'person');
  if (ORG_WORDS.test(core)) return lastNamed(context, 'organization');
  if (NOBODY.test(core)) return null;
  for (const named of inPhrase.filter((e) => clause.includes(e.written))) {
    const role = ROLES.exec(clause.slice(clause.indexOf(named.written) + named.written.length));
    if (role) return `${named.entity.name} ${role[0]}`;
    // A place alone does not speak (`another Shanghai businessman`); an organisation does.
    if (named.entity.type === 'organization') return named.entity.name;
  }
  // A clause opening in lower case describes someone (`director of the Category B prison`):
  // no name is read from it.
  if (!/^\p{Ll}/u.test(core)) {
    const name = nameIn(core);
    if (name) return matchEntity(context, name)?.name ?? name;
  }
  return only && isRolePhrase(core) ? core : undefined;
}

/**
 * `IT association representative`: a role narrowed down by its qualifiers, kept as written when
 * it is the whole subject. A bare `spokesperson` names nobody.
 */
function isRolePhrase(core: string): boolean {
  const size = core.split(' ').length;
  return ROLES.test(core) && size >= 2 && size <= 6;
}

interface EntityMention {
  entity: Entity;
  start: number;
  written: string;
}

function mentionedIn(context: SpeakerContext, start: number, end: number): EntityMention[] {
  const found: EntityMention[] = [];
  for (const entity of context.entities) {
    for (const m of entity.mentions ?? []) {
      if (m.start < end && m.end > start) {
        const written = collapseWhitespace(context.text.slice(m.start, m.end));
        if (written) found.push({ entity, start: m.start, written });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The entity of a type named last before the quote opens. For organisations, one named more
 * than once goes first: `the company` is far more often the story's subject than a firm
 * mentioned in passing in the sentence before.
 */
function lastNamed(context: SpeakerContext, type: Entity['type']): string | null {
  const named = context.entities
    .filter((e) => e.type === type)
    .map((e) => {
      const before = (e.mentions ?? []).filter((m) => m.end <= context.quoteAt);
      return {
        name: e.name,
        count: before.length,
        at: Math.max(-1, ...before.map((m) => m.start)),
      };
    })
    .filter((e) => e.count > 0);
  const recurring = type === 'organization' ? named.filter((e) => e.count > 1) : [];
  const pool = recurring.length > 0 ? recurring : named;
  return pool.sort((a, b) => b.at - a.at)[0]?.name ?? null;
}

/**
 * The personal or organisation name in a clause, as written: the run of capitalised words,
 * after any possessive (`Coolpad’s`) and job title (`Chief Patent Officer`) before it.
 */
export function nameIn(clause: string): string | null {
  const afterPossessive = clause.split(/[’']s\s+/).pop()!;
  const words = afterPossessive.split(/\s+/);
  let run: string[] = [];
  let next: string | undefined;
  for (const word of words) {
    const bare = word.replace(/[.,;:!?"“”]+$/, '');
    if (isNameWord(bare) || (run.length > 0 && /^(?:de|da|van|von|der|bin|al|le|la)$/.test(bare))) {
      run.push(bare);
    } else if (run.length > 0) {
      next = bare;
      break;
    }
  }
  // A capitalised word before a common noun qualifies it (`Shanghai businessmen`): no name.
  if (next !== undefined && /^\p{Ll}/u.test(next)) return null;
  let lastTitle = -1;
  run.forEach((word, i) => {
    if (TITLES.has(word.toLowerCase())) lastTitle = i;
  });
  run = run.slice(lastTitle + 1);
  if (run.length === 0 || run.every((w) => HONORIFICS.test(w))) return null;
  return run.join(' ');
}

function isNameWord(word: string): boolean {
  return (
    /^\p{Lu}[\p{Ll}’'.]*\p{Ll}\.?$/u.test(word) ||
    /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(word) ||
    /^\p{Lu}{2,6}$/u.test(word) ||
    /^\p{Lu}\.$/u.test(word) ||
    HONORIFICS.test(word)
  );
}

/**
 * The entity a written name refers to: the same name or alias, else one whose name holds every
 * word of it (`Alvarez` in `Carlos Alvarez`); people first, then the one named last before the
 * quote.
 */
export function matchEntity(context: SpeakerContext, written: string): Entity | undefined {
  const key = words(written);
  if (key.length === 0) return undefined;
  const names = (e: Entity) => [e.name, ...(e.aliases ?? [])].map(words);
  const exact = context.entities.filter((e) => names(e).some((n) => n.join(' ') === key.join(' ')));
  const partial = context.entities.filter((e) =>
    names(e).some((n) => key.every((k) => n.includes(k))),
  );
  const candidates = exact.length > 0 ? exact : partial;
  return [...candidates].sort((a, b) => rank(context, b) - rank(context, a))[0];
}

function rank(context: SpeakerContext, entity: Entity): number {
  const before = (entity.mentions ?? []).filter((m) => m.end <= context.quoteAt);
  const last = Math.max(-1, ...before.map((m) => m.start));
  return (entity.type === 'person' ? 1e12 : 0) + last;
}

function words(name: string): string[] {
  return name
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !HONORIFICS.test(w) && !/^the$/i.test(w))
    .map((w) => w.toLowerCase().replace(/[.,]/g, ''));
}
