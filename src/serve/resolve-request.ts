import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../watch/source-paths.js';

/** What a request path names inside the served folder. */
export type Resolution =
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'refused'; status: 400 | 403 | 404 };

/**
 * Maps a request path (`/fonts/x.woff2`, percent-encoded, without the query) to a file inside
 * `root`, or refuses it. A `..` segment (also encoded) is refused outright, hidden files (the
 * build's staging folders) are not served, a folder serves its `index.html` (never a listing),
 * and the real path, symlinks resolved, must still be inside the real `root`.
 */
export async function resolveRequest(root: string, requestPath: string): Promise<Resolution> {
  if (!requestPath.startsWith('/')) return { kind: 'refused', status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (decoded.includes('\0')) return { kind: 'refused', status: 400 };
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\'))) {
    return { kind: 'refused', status: 403 };
  }
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'refused', status: 404 };

  const realRoot = await realpath(root).catch(() => null);
  if (realRoot === null) return { kind: 'refused', status: 404 };
  const found = await contained(realRoot, path.join(realRoot, ...segments));
  if (found === null) return { kind: 'refused', status: 404 };
  if (found === 'outside') return { kind: 'refused', status: 403 };
  if (found.info.isFile()) return { kind: 'file', file: found.real };
  if (!found.info.isDirectory()) return { kind: 'refused', status: 404 };
  if (!requestPath.endsWith('/')) {
    // Without the slash, the page's relative links would resolve against the parent folder.
    // The location is rebuilt from the segments so that `//host` can never become a redirect away.
    return { kind: 'redirect', location: `/${segments.map(encodeURIComponent).join('/')}/` };
  }
  const index = await contained(realRoot, path.join(found.real, 'index.html'));
  if (index === 'outside') return { kind: 'refused', status: 403 };
  if (index === null || !index.info.isFile()) return { kind: 'refused', status: 404 };
  return { kind: 'file', file: index.real };
}

async function contained(realRoot: string, file: string) {
  const real = await realpath(file).catch(() => null);
  if (real === null) return null;
  if (!isInside(realRoot, real)) return 'outside' as const;
  const info = await stat(real).catch(() => null);
  return info === null ? null : { real, info };
}
