import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode, isMap, isScalar } from 'yaml';
import type { z } from 'zod';
import { userConfigSchema } from './schema.js';
import { resolveFrom, today, type ConfigOverrides, type ResolvedConfig } from './resolve-config.js';

/** The folder briefing is installed in (holds the default config and templates). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The config file name looked for in the working directory. */
export const CONFIG_FILE_NAME = 'briefing.config.yaml';

/** A config file that cannot be used: names the file, and the field and line where known. */
export class ConfigError extends Error {
  readonly code = 'config-invalid';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid config ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Finds, reads and validates the config once, then applies the overrides:
 * built-in defaults < config file < overrides. An explicit `configFile` must exist;
 * otherwise `briefing.config.yaml` in `cwd` is used, else the one that ships with briefing.
 */
export async function loadConfig(
  options: { configFile?: string; cwd?: string; overrides?: ConfigOverrides } = {},
): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = locateConfig(options.configFile, cwd);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`,
    ]);
  }
  const user = parseConfig(file, source);
  const base = file === path.join(packageRoot, CONFIG_FILE_NAME) ? cwd : path.dirname(file);
  return resolve(file, base, user, options.overrides ?? {});
}

function locateConfig(explicit: string | undefined, cwd: string): string {
  if (explicit) return path.resolve(cwd, explicit);
  const local = path.join(cwd, CONFIG_FILE_NAME);
  return existsSync(local) ? local : path.join(packageRoot, CONFIG_FILE_NAME);
}

type ParsedConfig = z.output<typeof userConfigSchema>;

/** Parses YAML config text and validates it; problems name the field and line. */
export function parseConfig(file: string, source: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `line ${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`),
    );
  }
  const result = userConfigSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => {
      // An unknown key is reported on its parent; point at the key itself.
      const extra = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
      const fieldPath = [...issue.path, ...extra] as (string | number)[];
      const node = extra.length > 0 ? findKeyNode(doc, fieldPath) : doc.getIn(fieldPath, true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      const where = offset === undefined ? '' : ` (line ${lineCounter.linePos(offset).line})`;
      const field = fieldPath.length > 0 ? fieldPath.join('.') : '(top level)';
      return `${field}${where}: ${listEntry(doc.toJS(), fieldPath)}${issue.message}`;
    }),
  );
}

/** Names the distribution list and recipient a problem is in: `list "desk", recipient 2: `. */
function listEntry(raw: unknown, fieldPath: (string | number)[]): string {
  const [top, index, part, at] = fieldPath;
  if (top !== 'lists' || typeof index !== 'number') return '';
  const list = (raw as { lists?: { name?: unknown; recipients?: unknown[] }[] }).lists?.[index];
  const name = typeof list?.name === 'string' ? `list "${list.name}"` : `list ${index + 1}`;
  if (part !== 'recipients' || typeof at !== 'number') return `${name}: `;
  const entry = list?.recipients?.[at] as { name?: unknown } | undefined;
  const who = typeof entry?.name === 'string' ? ` (${entry.name})` : '';
  return `${name}, recipient ${at + 1}${who}: `;
}

function findKeyNode(doc: ReturnType<typeof parseDocument>, fieldPath: (string | number)[]) {
  const parent = doc.getIn(fieldPath.slice(0, -1), true) ?? doc.contents;
  if (!isMap(parent)) return undefined;
  return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === fieldPath.at(-1))
    ?.key;
}

function resolve(
  file: string,
  base: string,
  user: ParsedConfig,
  overrides: ConfigOverrides,
): ResolvedConfig {
  return Object.freeze({
    configFile: file,
    corpus: resolveFrom(base, overrides.corpus ?? user.corpus),
    output: resolveFrom(base, overrides.output ?? user.output),
    templates: user.templates
      ? resolveFrom(base, user.templates)
      : path.join(packageRoot, 'templates'),
    editionDate: overrides.editionDate ?? user.editionDate ?? today(),
    author: user.author,
    force: overrides.force ?? false,
    pdf: Object.freeze({
      enabled: overrides.pdf ?? user.pdf.enabled,
      format: user.pdf.format,
      browser:
        overrides.browser ?? (user.pdf.browser ? resolveFrom(base, user.pdf.browser) : undefined),
    }),
    themes: Object.freeze(user.themes.map((theme) => Object.freeze(theme))),
    mail: Object.freeze({ ...user.mail, smtp: process.env.BRIEFING_SMTP_URL || user.mail.smtp }),
    lists: Object.freeze(user.lists.map((list) => Object.freeze(list))),
  });
}
