import path from 'node:path';
import type { DistributionList, Mailbox, MailSettings, Theme } from './schema.js';

/** Options given on the command line (or by an API caller); they win over the config file. */
export interface ConfigOverrides {
  corpus?: string;
  output?: string;
  pdf?: boolean;
  browser?: string;
  editionDate?: string;
  /** Ignore the cache: analyze, draw and print everything afresh. */
  force?: boolean;
}

/** The complete, read-only configuration a build runs with. */
export interface ResolvedConfig {
  /** The config file it came from, or `null` for built-in defaults. */
  readonly configFile: string | null;
  /** Absolute path of the corpus folder. */
  readonly corpus: string;
  /** Absolute path of the output folder. */
  readonly output: string;
  /** Absolute path of the templates folder. */
  readonly templates: string;
  /** `YYYY-MM-DD`. */
  readonly editionDate: string;
  /** Who publishes the briefings (PDF author). */
  readonly author: string;
  /** Ignore the cache. */
  readonly force: boolean;
  readonly pdf: {
    readonly enabled: boolean;
    readonly format: 'A4' | 'Letter' | 'Legal' | 'A3';
    readonly browser: string | undefined;
  };
  readonly themes: readonly Theme[];
  /** Mail settings; `smtp` is `BRIEFING_SMTP_URL` when set, else the config's, else none. */
  readonly mail: Readonly<Omit<MailSettings, 'from'>> & { readonly from: Mailbox };
  /** Distribution lists, in config order. */
  readonly lists: readonly DistributionList[];
}

/** Today's date as `YYYY-MM-DD` in local time. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Resolves a path given relative to `base` (the config file's folder or the working directory). */
export function resolveFrom(base: string, target: string): string {
  return path.resolve(base, target);
}
