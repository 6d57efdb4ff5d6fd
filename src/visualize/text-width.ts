/**
 * A rough width estimate for text set in the page's sans-serif stack, used to cut
 * labels to fit before Vega sees them (Vega's own estimate, without a canvas, is far too wide).
 */

// Wide scripts (CJK ideographs, kana, hangul, full-width forms) take a full em.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Width of `text` in ems, erring on the wide side for Source Sans 3. */
export function widthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) em += 1;
    else if (/[MW@%]/.test(ch)) em += 0.85;
    else if (/[A-Z]/.test(ch)) em += 0.62;
    else if (/[a-z0-9]/.test(ch)) em += /[ijlft1]/.test(ch) ? 0.3 : 0.52;
    else if (/[\s.,;:'’!|()[\]-]/.test(ch)) em += 0.28;
    else em += 0.55;
  }
  return em;
}

/**
 * `text` cut at a word boundary (or, for text without spaces, a character) so that it
 * fits in `maxEm` ems with a trailing ellipsis; unchanged if it already fits.
 */
export function fitText(text: string, maxEm: number): string {
  if (widthEm(text) <= maxEm) return text;
  const room = maxEm - widthEm('…');
  const chars = [...text];
  let cut = 0;
  let em = 0;
  while (cut < chars.length && em + widthEm(chars[cut] ?? '') <= room) {
    em += widthEm(chars[cut] ?? '');
    cut += 1;
  }
  const head = chars.slice(0, cut).join('');
  const space = head.lastIndexOf(' ');
  const trimmed = space > head.length / 2 ? head.slice(0, space) : head;
  return `${trimmed.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * `text` broken at spaces into at most `maxLines` lines of `maxEm` ems each; the last
 * line is cut with an ellipsis if the text does not fit.
 */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && lines.length < maxLines - 1) {
    if (widthEm(rest) <= maxEm) break;
    const words = rest.split(' ');
    let line = words.shift() ?? '';
    while (words.length > 0 && widthEm(`${line} ${words[0]}`) <= maxEm) line += ` ${words.shift()}`;
    // A single word wider than the line is cut rather than overflowing.
    if (widthEm(line) > maxEm) line = fitText(line, maxEm);
    lines.push(line);
    rest = words.join(' ');
  }
  if (rest.length > 0) lines.push(fitText(rest, maxEm));
  return lines;
}
