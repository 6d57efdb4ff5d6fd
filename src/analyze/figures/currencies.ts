/** A currency marker found next to a number: its ISO code and where the marker lies. */
export interface CurrencyMark {
  /** ISO 4217 code, or `¥` when the symbol alone cannot tell yuan from yen. */
  code: string;
  /** Offsets of the marker in the scanned string. */
  start: number;
  end: number;
}

/** Symbols and codes written before the amount, longest first so `HK$` wins over `$`. */
const PREFIXES: [string, string][] = [
  ['U.S.$', 'USD'],
  ['US$', 'USD'],
  ['USD$', 'USD'],
  ['HK$', 'HKD'],
  ['SG$', 'SGD'],
  ['S$', 'SGD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['NZ$', 'NZD'],
  ['NT$', 'TWD'],
  ['R$', 'BRL'],
  ['MX$', 'MXN'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', '¥'],
  ['￥', '¥'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
  ['฿', 'THB'],
  ['Rs.', 'INR'],
  ['Rs', 'INR'],
  ['RMB', 'CNY'],
];

/** ISO codes recognised before or after an amount (`USD 200 million`, `50,000 RMB`). */
const ISO_CODES = new Set(
  (
    'USD EUR GBP JPY CNY HKD SGD AUD CAD NZD CHF INR KRW TWD BRL MXN RUB TRY ZAR SEK NOK DKK ' +
    'PLN THB IDR MYR PHP VND AED SAR ILS NGN EGP ARS CLP COP PKR HUF CZK'
  ).split(' '),
);

/** Currency names written after the amount; `scaleOnly` names are too ambiguous without a scale. */
const NAMES: { pattern: RegExp; code: string; scaleOnly?: boolean; digitsOnly?: boolean }[] = [
  { pattern: /^(?:US|U\.S\.|American)\s+(?:dollars?|dlrs)/i, code: 'USD' },
  { pattern: /^Hong\s+Kong\s+(?:dollars?|dlrs)/i, code: 'HKD' },
  { pattern: /^Singapore(?:an)?\s+(?:dollars?|dlrs)/i, code: 'SGD' },
  { pattern: /^Australian\s+(?:dollars?|dlrs)/i, code: 'AUD' },
  { pattern: /^Canadian\s+(?:dollars?|dlrs)/i, code: 'CAD' },
  { pattern: /^New\s+Zealand\s+(?:dollars?|dlrs)/i, code: 'NZD' },
  { pattern: /^(?:New\s+)?(?:Taiwan(?:ese)?|NT)\s+(?:dollars?|dlrs)/i, code: 'TWD' },
  { pattern: /^(?:dollars?|dlrs)/i, code: 'USD' },
  { pattern: /^euros?/i, code: 'EUR' },
  { pattern: /^(?:Chinese\s+)?(?:yuan|renminbi)/i, code: 'CNY' },
  { pattern: /^(?:Japanese\s+)?yen/i, code: 'JPY' },
  { pattern: /^(?:British\s+)?pounds?\s+sterling|^sterling|^stg/i, code: 'GBP' },
  { pattern: /^British\s+pounds?/i, code: 'GBP' },
  { pattern: /^pounds?/i, code: 'GBP', scaleOnly: true },
  { pattern: /^Philippine\s+pesos?/i, code: 'PHP' },
  { pattern: /^Argentine\s+pesos?/i, code: 'ARS' },
  { pattern: /^Chilean\s+pesos?/i, code: 'CLP' },
  { pattern: /^Colombian\s+pesos?/i, code: 'COP' },
  { pattern: /^(?:Mexican\s+)?pesos?/i, code: 'MXN' },
  { pattern: /^(?:South\s+)?(?:Korean\s+)?won/i, code: 'KRW', digitsOnly: true },
  { pattern: /^Pakistani\s+rupees?/i, code: 'PKR' },
  { pattern: /^(?:Indian\s+)?rupees?/i, code: 'INR' },
  { pattern: /^(?:Indonesian\s+)?rupiah/i, code: 'IDR' },
  { pattern: /^(?:Malaysian\s+)?ringgit/i, code: 'MYR' },
  { pattern: /^(?:Thai\s+)?baht/i, code: 'THB' },
  { pattern: /^(?:Brazilian\s+)?reais/i, code: 'BRL' },
  { pattern: /^(?:Russian\s+)?r[ou]{1,2}bles?/i, code: 'RUB' },
  { pattern: /^(?:Turkish\s+)?liras?/i, code: 'TRY' },
  { pattern: /^(?:Vietnamese\s+)?dong/i, code: 'VND', scaleOnly: true },
  { pattern: /^(?:South\s+African\s+)?rand/i, code: 'ZAR', scaleOnly: true },
  { pattern: /^French\s+francs?/i, code: 'FRF' },
  { pattern: /^(?:Swiss\s+)?francs?/i, code: 'CHF' },
  { pattern: /^(?:Deutsche|German|D-)\s*marks?/i, code: 'DEM' },
  { pattern: /^marks/i, code: 'DEM', scaleOnly: true },
  { pattern: /^(?:Swedish\s+)?kronor/i, code: 'SEK' },
  { pattern: /^Danish\s+kron(?:er|e)/i, code: 'DKK' },
  { pattern: /^(?:Norwegian\s+)?kron(?:er|e)/i, code: 'NOK' },
  { pattern: /^(?:UAE\s+)?dirhams?/i, code: 'AED' },
  { pattern: /^(?:Saudi\s+)?riyals?/i, code: 'SAR' },
  { pattern: /^(?:Israeli\s+)?(?:new\s+)?shekels?/i, code: 'ILS' },
  { pattern: /^(?:Nigerian\s+)?naira/i, code: 'NGN' },
  { pattern: /^(?:Polish\s+)?zlotys?/i, code: 'PLN' },
  { pattern: /^(?:Hungarian\s+)?forints?/i, code: 'HUF' },
];

const PREFIX_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...PREFIXES.map(([p]) => p), ...ISO_CODES].map(escape).join('|')})\\s{0,2}$`,
  'u',
);

/** The currency symbol or code written right before offset `at` of `segment`, if any. */
export function currencyBefore(segment: string, at: number): CurrencyMark | null {
  const before = segment.slice(Math.max(0, at - 8), at);
  const m = PREFIX_RE.exec(before);
  if (!m) return null;
  const mark = m[1]!;
  const code = ISO_CODES.has(mark) ? mark : PREFIXES.find(([p]) => p === mark)![1];
  const start = at - before.length + m.index;
  return { code, start, end: start + mark.length };
}

/** What is known of the amount a currency name follows: some names need a scale or digits. */
export interface AmountShape {
  scaled: boolean;
  digits: boolean;
}

/**
 * The currency named right after offset `at` (`dollars`, `RMB`; a scale such as `bln` is
 * already part of the number).
 */
export function currencyAfter(
  segment: string,
  at: number,
  amount: AmountShape,
): CurrencyMark | null {
  const after = segment.slice(at, at + 40);
  const space = /^\s{0,2}/.exec(after)![0].length;
  const rest = after.slice(space);
  const code = /^([A-Z]{3})(?![\p{L}\p{N}])/u.exec(rest)?.[1];
  if (code && (ISO_CODES.has(code) || code === 'RMB')) {
    return { code: code === 'RMB' ? 'CNY' : code, start: at + space, end: at + space + 3 };
  }
  // `€`, written after the amount in much of Europe.
  if (rest.startsWith('€')) return { code: 'EUR', start: at + space, end: at + space + 1 };
  if (space === 0) return null;
  for (const name of NAMES) {
    const m = name.pattern.exec(rest);
    if (!m || /^[\p{L}]/u.test(rest.slice(m[0].length))) continue;
    // `200 pounds` is as often a weight, `the two won` a verb.
    if (name.scaleOnly && !amount.scaled) continue;
    if (name.digitsOnly && !amount.digits) continue;
    return { code: name.code, start: at + space, end: at + space + m[0].length };
  }
  return null;
}

/**
 * Decides whether a bare `¥` means yuan or yen from the words around it: the sentence first,
 * then the whole document; yen when nothing tells.
 */
export function resolveYenSign(sentence: string, document: string): string {
  for (const context of [sentence, document]) {
    const china = countMatches(
      context,
      /\b(?:yuan|RMB|renminbi|China|Chinese|Beijing|Shanghai)\b/g,
    );
    const japan = countMatches(context, /\b(?:yen|Japan|Japanese|Tokyo|Osaka)\b/g);
    if (china !== japan) return china > japan ? 'CNY' : 'JPY';
  }
  return 'JPY';
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
