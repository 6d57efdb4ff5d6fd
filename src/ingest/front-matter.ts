import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { DeclaredMeta } from '../model.js';
import type { Range } from './mask.js';

/** Front matter found at the top of a Markdown document. */
export interface FrontMatter {
  /** The fenced block, fences included, for masking. */
  range: Range;
  meta: DeclaredMeta;
  /** Problems, each with the 1-based line within the document. */
  problems: { line: number; code: string; reason: string }[];
}

const scalar = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const fieldsSchema = z.object({
  title: scalar.optional(),
  date: z.union([z.string(), z.number(), z.date()]).optional(),
  source: scalar.optional(),
  author: scalar.optional(),
  classification: scalar.optional(),
  handling: scalar.optional(),
  tags: z.union([z.array(scalar), scalar.transform((v) => v.split(/\s*,\s*/))]).optional(),
});

const OPEN = /^(-{3}|\+{3})([^\n]*)\n/;
/** What may follow the opening fence: nothing, or the name of a language (`js`, `coffee`, …). */
const ENGINE = /^(?:[A-Za-z][\w.+#-]*)?$/;
/** Engine names that mean YAML itself. */
const YAML_ENGINES = new Set(['yaml', 'yml']);

/**
 * Reads front matter: YAML between `---` fences at the very top (`---yaml` is YAML too).
 * Front matter is data only: a fence naming any other engine or language (`---js`,
 * `---javascript`, `---coffee`, `+++` TOML, …) is reported and never evaluated, YAML is read
 * with the core schema (no tags that construct objects or run code), and nothing in it can
 * change the configuration.
 */
export function readFrontMatter(text: string): FrontMatter | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const fence = open[1] ?? '---';
  const named = (open[2] ?? '').trim();
  if (!ENGINE.test(named)) return null; // `-----` is a rule, not a fence
  const engine = YAML_ENGINES.has(named.toLowerCase()) ? '' : named;
  const closeAt = findClose(text, fence, open[0].length);
  if (closeAt === null) {
    if (engine !== '' || fence !== '---') return null;
    return {
      range: [0, 0],
      meta: {},
      problems: [
        {
          line: 1,
          code: 'front-matter-unclosed',
          reason: 'front matter opened with `---` is never closed',
        },
      ],
    };
  }
  const range: Range = [0, closeAt.end];
  if (fence !== '---' || engine !== '') {
    const what = fence === '+++' ? 'TOML' : `\`${fence}${engine}\``;
    return {
      range,
      meta: {},
      problems: [
        {
          line: 1,
          code: 'front-matter-engine',
          reason: `front matter in ${what} is not supported (YAML only); ignored, never evaluated`,
        },
      ],
    };
  }
  return { range, ...parseYamlFields(text.slice(open[0].length, closeAt.start)) };
}

function findClose(
  text: string,
  fence: string,
  from: number,
): { start: number; end: number } | null {
  const pattern = new RegExp(`^${fence.replace(/\+/g, '\\+')}[ \\t]*$`, 'm');
  const match = pattern.exec(text.slice(from));
  if (!match) return null;
  const start = from + match.index;
  const lineEnd = text.indexOf('\n', start);
  return { start, end: lineEnd === -1 ? text.length : lineEnd };
}

function parseYamlFields(yaml: string): Pick<FrontMatter, 'meta' | 'problems'> {
  // Plain YAML 1.2 core schema: no custom tags, so nothing in the file can run code.
  const doc = parseDocument(yaml, { prettyErrors: true, schema: 'core', customTags: [] });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    return {
      meta: {},
      problems: [
        {
          line: (error.linePos?.[0].line ?? 0) + 1,
          code: 'front-matter-invalid',
          reason: `malformed YAML front matter: ${error.message.split('\n')[0]}`,
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // e.g. aliases that expand exponentially (`yaml` refuses them rather than run out of memory)
    const reason = `malformed YAML front matter: ${error instanceof Error ? error.message : String(error)}`;
    return { meta: {}, problems: [{ line: 2, code: 'front-matter-invalid', reason }] };
  }
  if (data === null || data === undefined) return { meta: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      meta: {},
      problems: [
        {
          line: 2,
          code: 'front-matter-invalid',
          reason: 'front matter must be a mapping of fields',
        },
      ],
    };
  }
  const result = fieldsSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return {
      meta: {},
      problems: [
        {
          line: 2,
          code: 'front-matter-invalid',
          reason: `front matter field \`${issue.path.join('.')}\`: ${issue.message}`,
        },
      ],
    };
  }
  return toMeta(result.data);
}

function toMeta(fields: z.output<typeof fieldsSchema>): Pick<FrontMatter, 'meta' | 'problems'> {
  const meta: DeclaredMeta = {};
  const problems: FrontMatter['problems'] = [];
  if (fields.title) meta.title = fields.title;
  if (fields.source) meta.source = fields.source;
  if (fields.author) meta.author = fields.author;
  if (fields.classification) meta.classification = fields.classification;
  if (fields.handling) meta.handling = fields.handling;
  if (fields.tags) meta.tags = fields.tags.filter(Boolean);
  if (fields.date !== undefined) {
    const date = normalizeDeclaredDate(fields.date);
    if (date) {
      meta.date = date;
      meta.dateFrom = 'front-matter';
    } else {
      problems.push({
        line: 2,
        code: 'front-matter-date',
        reason: `front matter date "${String(fields.date)}" is not a date (use YYYY-MM-DD, YYYY-MM or YYYY); ignored`,
      });
    }
  }
  return { meta, problems };
}

/** Normalizes a declared date to `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `null` when it is not one. */
export function normalizeDeclaredDate(value: string | number | Date): string | null {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const text = String(value).trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) return null;
    return `${year}-${month}-${day}`;
  }
  return month ? `${year}-${month}` : (year ?? null);
}
