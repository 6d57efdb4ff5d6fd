/**
 * The files the rendered pages load by relative URL: the web fonts. The build writes them next
 * to the pages (`output/fonts/…`) and the print stage serves them to Chromium from memory.
 */
import { readFile } from 'node:fs/promises';
import { fontFaces } from './fonts.js';

/** A file a page refers to by a relative URL. */
export interface Asset {
  /** Path relative to the page, with `/` separators, e.g. `fonts/source-serif-4-latin-400-normal.woff2`. */
  path: string;
  contentType: string;
  body: Buffer;
}

/**
 * Every font file the stylesheet's `@font-face` rules may point at, as `fonts/<file>` with
 * content type `font/woff2`. A page declares only the CJK subsets its text needs, so use
 * {@link referencedBy} to keep only the files some page actually names.
 */
export async function loadAssets(): Promise<Asset[]> {
  const faces = await fontFaces();
  return Promise.all(
    faces.map(async (face) => ({
      path: `fonts/${face.file}`,
      contentType: 'font/woff2',
      body: await readFile(face.source),
    })),
  );
}

/** The assets whose path appears in at least one of `pages` (rendered HTML). */
export function referencedBy(assets: readonly Asset[], pages: readonly string[]): Asset[] {
  const named = referencedPaths(pages);
  return assets.filter((asset) => named.has(asset.path));
}

/** Every `url(fonts/…)` the pages name, found in one pass over each page. */
function referencedPaths(pages: readonly string[]): Set<string> {
  const named = new Set<string>();
  for (const html of pages)
    for (const match of html.matchAll(/url\((fonts\/[^)\s]+)\)/g)) named.add(match[1]!);
  return named;
}

const bodies = new Map<string, Promise<Buffer>>();

/**
 * The assets the pages actually name, reading only those files (once per process): what a
 * build writes beside the pages and serves to the printer.
 */
export async function assetsFor(pages: readonly string[]): Promise<Asset[]> {
  const named = referencedPaths(pages);
  const faces = (await fontFaces()).filter((face) => named.has(`fonts/${face.file}`));
  return Promise.all(
    faces.map(async (face) => {
      if (!bodies.has(face.source)) bodies.set(face.source, readFile(face.source));
      return {
        path: `fonts/${face.file}`,
        contentType: 'font/woff2',
        body: await bodies.get(face.source)!,
      };
    }),
  );
}
