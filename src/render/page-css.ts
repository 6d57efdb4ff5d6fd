/**
 * The per-document part of the print stylesheet: what the running header and footer say.
 * Everything here comes from the model, so every string goes through {@link cssString}.
 */

/**
 * Quotes `text` as a CSS string: `"` and `\` are backslash-escaped; control characters
 * (newlines included), `<`, `>` and `&` become hex escapes, so the result can never end the
 * string, the rule, or the `<style>` element it sits in (`</style>` → `\3c /style\3e `).
 */
export function cssString(text: string): string {
  // Control characters are exactly what must be escaped here.
  // eslint-disable-next-line no-control-regex
  const body = text.replace(/["\\]|[\u0000-\u001f\u007f<>&\u2028\u2029]/g, (ch) =>
    ch === '"' || ch === '\\' ? `\\${ch}` : `\\${(ch.codePointAt(0) ?? 0).toString(16)} `,
  );
  return `"${body}"`;
}

/** One line of running text: whitespace (a banner's line breaks too) collapsed. */
function line(text: string): string {
  return cssString(text.replace(/\s+/g, ' ').trim());
}

/** What the margin boxes of one document show. */
export interface RunningText {
  /** The handling marking, printed centred at the top and bottom of every page; `null` = none. */
  banner: string | null;
  /** The title printed at the bottom left of every page. */
  title: string;
}

/**
 * `@page` rules that fill the margin boxes briefing.css styles: the banner top and bottom
 * centre, the title bottom left. (The page number, bottom right, is fixed in briefing.css.)
 * With `name`, the rules apply to that named page only (an edition section).
 */
export function runningCss(text: RunningText, name?: string): string {
  const selector = name === undefined ? '@page' : `@page ${name}`;
  const banner =
    text.banner === null
      ? ''
      : `@top-center{content:${line(text.banner)}}@bottom-center{content:${line(text.banner)}}`;
  return `${selector}{${banner}@bottom-left{content:${line(text.title)}}}`;
}
