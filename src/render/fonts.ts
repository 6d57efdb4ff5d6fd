/**
 * The web fonts the pages use, read from the `@fontsource` packages: which faces, where their
 * `woff2` files are, and the `@font-face` rules that point at them as `fonts/<file>`.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One `@font-face`: a family, style and weight for one subset of Unicode, in one file. */
export interface FontFace {
  family: string;
  style: 'normal' | 'italic';
  weight: number;
  /** File name inside the package's `files/` folder, e.g. `source-serif-4-latin-400-normal.woff2`. */
  file: string;
  /** Absolute path of the file on disk. */
  source: string;
  /** The `unicode-range` descriptor as the package writes it. */
  unicodeRange: string;
  /** The same, parsed into inclusive code point ranges. */
  ranges: [number, number][];
  /** True for the CJK faces, which the renderer only declares on pages that need them. */
  cjk: boolean;
}

interface FontSpec {
  pkg: string;
  /** Stylesheets of the package to read, e.g. `400.css`, `400-italic.css`. */
  sheets: string[];
  cjk: boolean;
}

// Only what briefing.css asks for: text face 400/400i/700, heading face 400/400i/600/700.
// The CJK faces come in 400 only (Chromium synthesises bold) and without their Latin,
// Cyrillic and Vietnamese subsets, which the Source faces already cover.
const FONTS: readonly FontSpec[] = [
  { pkg: 'source-serif-4', sheets: ['400.css', '400-italic.css', '700.css'], cjk: false },
  {
    pkg: 'source-sans-3',
    sheets: ['400.css', '400-italic.css', '600.css', '700.css'],
    cjk: false,
  },
  { pkg: 'noto-sans-sc', sheets: ['400.css'], cjk: true },
  { pkg: 'noto-sans-jp', sheets: ['400.css'], cjk: true },
  { pkg: 'noto-sans-kr', sheets: ['400.css'], cjk: true },
];

const NON_CJK_SUBSET = /-(?:latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese)-\d/;
const FONT_FILE = /^[a-z0-9-]+\.woff2$/;
const require = createRequire(import.meta.url);

function descriptor(block: string, name: string): string {
  const m = new RegExp(`${name}:\\s*([^;]+);`).exec(block);
  if (!m?.[1]) throw new Error(`@font-face without ${name}`);
  return m[1].trim();
}

/** Parses the `@font-face` rules of one fontsource stylesheet. */
export function parseFontsource(css: string, filesDir: string, cjk: boolean): FontFace[] {
  const faces: FontFace[] = [];
  for (const [, block = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    if (file === undefined || !FONT_FILE.test(file))
      throw new Error(`unexpected font file in ${block}`);
    if (cjk && NON_CJK_SUBSET.test(file)) continue;
    const style = descriptor(block, 'font-style');
    const unicodeRange = descriptor(block, 'unicode-range');
    faces.push({
      family: descriptor(block, 'font-family').replace(/^'|'$/g, ''),
      style: style === 'italic' ? 'italic' : 'normal',
      weight: Number(descriptor(block, 'font-weight')),
      file,
      source: join(filesDir, file),
      unicodeRange,
      ranges: parseUnicodeRange(unicodeRange),
      cjk,
    });
  }
  return faces;
}

let cached: Promise<FontFace[]> | null = null;

/** Every face the stylesheet may use, read once from the installed `@fontsource` packages. */
export function fontFaces(): Promise<FontFace[]> {
  cached ??= (async () => {
    const all: FontFace[] = [];
    for (const spec of FONTS) {
      // The packages export only their CSS; index.css locates the package folder.
      const dir = dirname(require.resolve(`@fontsource/${spec.pkg}`));
      for (const sheet of spec.sheets) {
        const css = await readFile(join(dir, sheet), 'utf8');
        all.push(...parseFontsource(css, join(dir, 'files'), spec.cjk));
      }
    }
    return all;
  })();
  cached.catch(() => (cached = null));
  return cached;
}

/** Parses a `unicode-range` descriptor into inclusive `[from, to]` code point ranges. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from, 16);
    return [start, to === undefined ? start : parseInt(to, 16)];
  });
}

/** Whether any of `codePoints` falls inside the face's `unicode-range`. */
export function coversAny(face: FontFace, codePoints: ReadonlySet<number>): boolean {
  for (const cp of codePoints) {
    if (face.ranges.some(([from, to]) => cp >= from && cp <= to)) return true;
  }
  return false;
}

/** The code points above U+2E7F (where the CJK blocks start) that `text` contains. */
export function cjkCodePoints(text: string): Set<number> {
  const found = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x2e80) found.add(cp);
  }
  return found;
}

/**
 * The `@font-face` rules for a page whose text is `text`: every Latin-script face, and only
 * those CJK subsets the text needs (there are ~350 of them, ~300 KB of CSS in all). Each
 * points at `fonts/<file>`, relative to the page, so the browser fetches only what it draws.
 */
export function fontFaceCss(faces: readonly FontFace[], text: string): string {
  const cjk = cjkCodePoints(text);
  return faces
    .filter((face) => !face.cjk || (cjk.size > 0 && coversAny(face, cjk)))
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:${face.style};` +
        `font-weight:${face.weight};font-display:swap;` +
        `src:url(fonts/${face.file}) format('woff2');unicode-range:${face.unicodeRange}}`,
    )
    .join('\n');
}
