import type { NumberToken } from './scan-numbers.js';

const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|' +
  'Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH})\\.?,?\\s*$`);
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?,?\\s*(?:of\\s+)?(?:${MONTH})\\b`);
const TIME_AFTER =
  /^(?::\d|\s*(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])|\s*o['’]clock|\s*(?:GMT|UTC|EDT|EST|CET|BST|PST|PDT|JST|HKT)\b|\s*hrs\b)/iu;
const TIME_BEFORE = /\d[:h]$/;

/** Words after which a number is a label, not a quantity (`No. 5`, `Article 3`, `Windows 10`). */
const LABEL_BEFORE =
  /(?:[#/\\]|\d-|[\p{L}\p{N}]-|\b(?:No|Nos|Art|Sec|Para|pp?|Tel|Ext|Ref)\.?|\b(?:number|page|paragraph|section|article|chapter|rule|clause|item|line|room|flight|route|highway|exhibit|case|docket|model|version|grade|level|division|phase|step|stage|tier|act|form|title|volume|issue|episode|season|series|generation|type|class|category|platform|gate|block|lot|district|ward|zone|channel|code|extension|telephone|phone|fax|reference|serial|account|aged?))\s*$/iu;
/** `one in five divorcees`, `nine out of ten`: a ratio, not a count. */
const RATIO_BEFORE =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:in|out\s+of)\s+$/i;
const LABEL_AFTER = /^(?:\/\d|-\d|\.\d|:\d|\))/;

/** Capitalised words that may stand before a count at the start of a sentence. */
const OPENERS = new Set(
  (
    'About Over Nearly Some Almost Around Only Just The All More Than And With Of In At By For ' +
    'From To Up Roughly Approximately Exactly Another Those These Its Their His Her Our My ' +
    'Fewer Less Under Below Above Least Most Each Every While But'
  ).split(' '),
);

/**
 * True when a number that no currency or percent sign claims is still not a count: a year,
 * part of a date or a time, a label or identifier (`No. 5`, `Boeing 737`, `555-1234`), or `one`.
 */
export function isNotACount(segment: string, token: NumberToken): boolean {
  const before = segment.slice(Math.max(0, token.start - 24), token.start);
  const after = segment.slice(token.end, token.end + 24);
  if (token.value <= 1 && !token.scaled) return true;
  if (isYear(token)) return true;
  if (token.value <= 31 && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) return true;
  if (TIME_AFTER.test(after) || TIME_BEFORE.test(before)) return true;
  if (LABEL_BEFORE.test(before) || LABEL_AFTER.test(after)) return true;
  if (RATIO_BEFORE.test(before)) return true;
  // A number glued to a hyphenated word is a compound adjective (`Five-Year Plan`, `45-year-old`).
  if (/^-[\p{L}]/u.test(after)) return true;
  return followsName(before);
}

/** A bare four-digit integer in the range of years (`2008`, `2016–2020`). */
export function isYear(token: NumberToken): boolean {
  return token.plainInteger && token.value >= 1800 && token.value <= 2100;
}

/** `Xiaomi 6`, `Boeing 737`: a capitalised name right before the number makes it a model number. */
function followsName(before: string): boolean {
  const word = /([\p{Lu}][\p{L}]*)\s+$/u.exec(before)?.[1];
  return word !== undefined && !OPENERS.has(word) && !MONTH_BEFORE.test(word);
}
