import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import puppeteer from 'puppeteer';

/** Where the Chromium/Chrome used for printing was found, and by which rule. */
export interface BrowserLocation {
  /** Absolute path of the browser executable. */
  executablePath: string;
  /**
   * `setting`: the explicit path from the config file or CLI;
   * `environment`: `BRIEFING_BROWSER` or `PUPPETEER_EXECUTABLE_PATH`;
   * `puppeteer`: the browser Puppeteer downloaded into its cache;
   * `system`: an installed Chromium/Chrome at a well-known path or on `PATH`.
   */
  from: 'setting' | 'environment' | 'puppeteer' | 'system';
}

/** Inputs to {@link findBrowser}; every field is optional. */
export interface FindBrowserOptions {
  /** Explicit browser path (config file / CLI). If set, it must exist: there is no fallback. */
  executablePath?: string;
  /** Environment to read `BRIEFING_BROWSER`, `PUPPETEER_EXECUTABLE_PATH` and `PATH` from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Replaces the default list of well-known system browser paths (for tests).
   * `chromium`/`google-chrome` on `env.PATH` are still looked for after these.
   */
  systemCandidates?: string[];
  /** Whether to consider the browser Puppeteer downloads into its cache (default `true`). */
  includePuppeteer?: boolean;
}

/** Environment variables naming a browser, in order of precedence. */
export const BROWSER_ENV_VARS = ['BRIEFING_BROWSER', 'PUPPETEER_EXECUTABLE_PATH'] as const;

/** Well-known install locations of Chromium and Chrome, checked in this order. */
export const DEFAULT_SYSTEM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Executable names looked up on `PATH` after the well-known locations. */
export const PATH_COMMANDS: readonly string[] = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
];

const INSTALL_HINT = [
  'Install one of:',
  '  - Debian/Ubuntu: apt-get install chromium',
  '  - any platform: npx puppeteer browsers install chrome',
  'or point briefing at an existing Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome.',
].join('\n');

/** No usable browser: the named path is missing, or none was found at all. */
export class BrowserNotFoundError extends Error {
  /** Stable machine-readable code. */
  readonly code = 'browser-not-found';
  /** The path that was named but is unusable, when the error is about one. */
  readonly path: string | undefined;

  constructor(message: string, path?: string) {
    super(message);
    this.name = 'BrowserNotFoundError';
    this.path = path;
  }
}

/**
 * Decides which Chromium/Chrome executable prints the PDFs:
 * (1) the explicit setting, (2) `BRIEFING_BROWSER` then `PUPPETEER_EXECUTABLE_PATH`,
 * (3) Puppeteer's downloaded browser, (4) a system install.
 * A path named by (1) or (2) must be an executable file; it never falls back silently.
 * @throws {BrowserNotFoundError} when a named path is unusable or nothing is found.
 */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<BrowserLocation> {
  const env = options.env ?? process.env;

  if (nonEmpty(options.executablePath)) {
    return {
      executablePath: await requireExecutable(options.executablePath, 'the browser setting'),
      from: 'setting',
    };
  }

  for (const name of BROWSER_ENV_VARS) {
    const value = env[name];
    if (nonEmpty(value)) {
      return { executablePath: await requireExecutable(value, name), from: 'environment' };
    }
  }

  if (options.includePuppeteer ?? true) {
    const downloaded = puppeteerBrowserPath();
    if (downloaded !== null && (await isExecutableFile(downloaded))) {
      return { executablePath: downloaded, from: 'puppeteer' };
    }
  }

  const candidates = [
    ...(options.systemCandidates ?? DEFAULT_SYSTEM_CANDIDATES),
    ...onPath(PATH_COMMANDS, env.PATH),
  ];
  for (const candidate of candidates) {
    if (await isExecutableFile(candidate)) {
      return { executablePath: candidate, from: 'system' };
    }
  }

  throw new BrowserNotFoundError(
    `No Chrome or Chromium found to print PDFs with.\n${INSTALL_HINT}`,
  );
}

/** The path of Puppeteer's own downloaded browser, or `null` if Puppeteer cannot say. */
export function puppeteerBrowserPath(): string | null {
  try {
    // Puppeteer computes this path from its cache dir even when nothing was downloaded.
    return puppeteer.executablePath();
  } catch {
    return null;
  }
}

/** Whether `path` is a regular file (or a link to one) that this process may execute. */
export async function isExecutableFile(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function requireExecutable(path: string, source: string): Promise<string> {
  const absolute = resolve(path);
  if (await isExecutableFile(absolute)) return absolute;
  throw new BrowserNotFoundError(
    `Browser not found: ${absolute} (named by ${source}) does not exist or is not an executable file. ` +
      `Fix the path, or unset it to let briefing look for a browser itself.`,
    absolute,
  );
}

function onPath(commands: readonly string[], pathVariable: string | undefined): string[] {
  if (!nonEmpty(pathVariable)) return [];
  const dirs = pathVariable.split(delimiter).filter((dir) => dir !== '');
  return commands.flatMap((command) => dirs.map((dir) => join(dir, command)));
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
