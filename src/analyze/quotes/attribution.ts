/** Where the words naming a quote's speaker lie, and how they were found. */
export interface Attribution {
  /** Offsets in the text of the phrase that names the speaker. */
  start: number;
  end: number;
  /** `subject`: the phrase says the words itself; `participle`: `, adding that` (same speaker). */
  how: 'subject' | 'participle';
}

const VERBS =
  'said|says|say|told|tells|added|adds|wrote|writes|explained|explains|noted|notes|stated|states|' +
  'asserted|asserts|argued|argues|commented|comments|remarked|remarks|continued|insisted|insists|' +
  'warned|warns|replied|replies|declared|declares|announced|claimed|claims|recalled|recalls|' +
  'acknowledged|admitted|admits|observed|confirmed|conceded|emphasi[sz]ed|stressed|predicted|' +
  'suggested|quipped|joked|tweeted|posted|described|asked|asks|pointed out|points out|concluded|' +
  'maintained|alleged|alleges|reported|revealed|boasted|complained|urged|vowed|promised|' +
  'countered|responded|opined|highlighted|cautioned|agreed';
const PARTICIPLES = 'adding|saying|noting|telling|writing|explaining|insisting|warning|arguing';

const VERB_RE = new RegExp(`\\b(?:${VERBS}|${PARTICIPLES})\\b`, 'gi');
const PARTICIPLE_RE = new RegExp(`^(?:${PARTICIPLES})$`, 'i');
const VERB_FIRST = new RegExp(`^(?:also\\s+)?(?:${VERBS})\\s+(?!that\\b|in\\b|on\\b|to\\b)`, 'i');

/** The longest phrase before a verb that can still be its subject. */
const MAX_SUBJECT = 140;
/** How far a verb before the quote may stand from it (`told a visiting delegation … that`). */
const MAX_TAIL = 160;

/**
 * Finds the speaker phrase in the words right after a quote (`," he said`, `," said Ethan Yu,
 * VP of …`, `, according to the suit`). `from`–`to` is the stretch of text to read.
 */
export function attributionAfter(text: string, from: number, to: number): Attribution | null {
  const lead = /^[\s,;:—–-]*/.exec(text.slice(from, to))![0].length;
  const start = from + lead;
  const rest = text.slice(start, to);
  const according = /^according\s+to\s+/i.exec(rest);
  if (according) return phraseUntilBreak(text, start + according[0].length, to);
  const verbFirst = VERB_FIRST.exec(rest);
  if (verbFirst) return phraseUntilBreak(text, start + verbFirst[0].length, to);
  VERB_RE.lastIndex = 0;
  const verb = VERB_RE.exec(rest);
  if (!verb || verb.index === 0 || verb.index > MAX_SUBJECT) return null;
  if (/[.!?]\s/.test(rest.slice(0, verb.index))) return null;
  return { start, end: start + verb.index, how: 'subject' };
}

/**
 * Finds the speaker phrase in the words before a quote (`X said: "`, `Luo quoted Ma as saying,
 * "`, `according to X, "`, `X explained that … "`). `from`–`to` is the stretch of text to read.
 */
export function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const before = text.slice(from, to);
  const quoted = /\bquoted\s+(.{1,80}?)\s+as\s+say(?:ing)?[\s,:]*$/is.exec(before);
  if (quoted) {
    const start = from + quoted.index + quoted[0].indexOf(quoted[1]!);
    return { start, end: start + quoted[1]!.length, how: 'subject' };
  }
  const according = /\baccording\s+to\s+([^,;:]{1,80}?)[\s,:]*$/is.exec(before);
  if (according) {
    const start = from + according.index + according[0].indexOf(according[1]!);
    return { start, end: start + according[1]!.length, how: 'subject' };
  }
  const verb = lastVerb(before);
  if (!verb || before.length - verb.end > MAX_TAIL) return null;
  const subject = before.slice(0, verb.start);
  if (PARTICIPLE_RE.test(verb.word) && /^[\s,]*$/.test(subject)) {
    return { start: from, end: from + verb.start, how: 'participle' };
  }
  return { start: from, end: from + verb.start, how: 'subject' };
}

function lastVerb(before: string): { start: number; end: number; word: string } | null {
  let found: { start: number; end: number; word: string } | null = null;
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(before); m; m = VERB_RE.exec(before)) {
    found = { start: m.index, end: m.index + m[0].length, word: m[0] };
  }
  return found;
}

/** The phrase from `start` up to the next comma, colon, bracket or full stop (`Ethan Yu, VP …`). */
function phraseUntilBreak(text: string, start: number, to: number): Attribution | null {
  let phrase = /^[^,;:()]*/.exec(text.slice(start, to))![0];
  // A full stop ends the phrase, unless it closes a title or an initial (`Mr.`, `J.`).
  const stop = /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|[A-Z]))\.(?:\s|$)/.exec(phrase);
  if (stop) phrase = phrase.slice(0, stop.index);
  return phrase.trim() ? { start, end: start + phrase.length, how: 'subject' } : null;
}
