import type { PrintAsset } from './job.js';

/**
 * The origin documents are loaded at while they print. `.invalid` can never resolve (RFC 2606),
 * so nothing outside request interception could ever answer it.
 */
export const PRIVATE_ORIGIN = 'https://briefing.invalid';

/** The only folder of {@link PRIVATE_ORIGIN} that answers, with the printer's assets. */
export const ASSET_FOLDER = '/fonts/';

/**
 * The Content-Security-Policy the printed document is served with. Request interception never
 * sees `data:` URLs (Chromium decodes them in the renderer), so this is what refuses them
 * outside images: no `data:` frames, objects, style sheets or fonts. It also keeps fonts to
 * {@link ASSET_FOLDER} and forbids `<base>`, which would re-point relative URLs elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  `font-src ${PRIVATE_ORIGIN}${ASSET_FOLDER}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Where every document is printed from: relative URLs resolve against it (`fonts/x` too). */
export const DOCUMENT_URL = `${PRIVATE_ORIGIN}/document.html`;

/**
 * Indexes assets by the URL path Chromium requests them at (`/fonts/x.woff2`).
 * @throws {TypeError} for an asset outside `fonts/`, or two assets at the same path.
 */
export function indexAssets(assets: readonly PrintAsset[]): ReadonlyMap<string, PrintAsset> {
  const index = new Map<string, PrintAsset>();
  for (const asset of assets) {
    // Resolve the way the browser will, so `%20`, `./` and `..` compare as the request does.
    const path = new URL(asset.path, `${PRIVATE_ORIGIN}/`).pathname;
    if (!path.startsWith(ASSET_FOLDER) || path.length === ASSET_FOLDER.length) {
      throw new TypeError(`Print asset ${asset.path} is not a file under ${ASSET_FOLDER.slice(1)}`);
    }
    if (index.has(path)) throw new TypeError(`Two print assets at ${asset.path}`);
    index.set(path, asset);
  }
  return index;
}

/**
 * A URL of the private origin as the reader of the PDF should see it: relative (`other.html`,
 * `index.html#x`), like the sibling files in the output folder it points at. Other URLs are
 * returned unchanged.
 */
export function publicUrl(url: string): string {
  return url.startsWith(`${PRIVATE_ORIGIN}/`) ? url.slice(PRIVATE_ORIGIN.length + 1) : url;
}
