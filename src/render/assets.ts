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
  return assets.filter((asset) => pages.some((html) => html.includes(`url(${asset.path})`)));
}
