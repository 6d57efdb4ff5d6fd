import { z } from 'zod';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** One group of a theme's signals: terms that are each worth `weight`. */
export const signalSchema = z
  .object({
    terms: z.array(z.string().trim().min(1, 'a term cannot be empty')).min(1),
    weight: z.number().positive().default(1),
    /** When a theme has required groups, a sentence is evidence only if it matches one of them. */
    required: z.boolean().default(false),
  })
  .strict();

/** A theme as the user writes it. */
export const themeSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'use lower-case letters, digits and hyphens (e.g. "supply-chain")',
      ),
    title: z.string().trim().min(1),
    description: z.string().trim().min(1),
    signals: z.array(signalSchema).min(1, 'a theme needs at least one group of signals'),
    /** Score a sentence needs to count as evidence for the theme. */
    sentenceScore: z.number().positive().default(1.5),
    /** Evidence sentences a document needs to cover the theme (fewer is a passing mention). */
    minEvidence: z.number().int().positive().default(2),
  })
  .strict();

/** Characters that would let a value break out of an email header line. */
// eslint-disable-next-line no-control-regex -- NUL and line breaks are what we reject
const LINE_BREAK = /[\r\n\u2028\u2029\u0000]/;

/** An email address with an optional display name. */
export const mailboxSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .refine((name) => !LINE_BREAK.test(name), 'a name cannot contain line breaks')
      .optional(),
    address: z.email('not a valid email address'),
  })
  .strict();

/** A distribution list: who receives which briefings, and which markings they may read. */
export const listSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/, 'use letters, digits, "-", "_" or "."'),
    /** Theme ids the list receives; `'*'` (the default) for every theme. */
    themes: z.union([z.literal('*'), z.array(z.string().min(1)).min(1)]).default('*'),
    /** Sender for this list; default `mail.from`. */
    from: mailboxSchema.optional(),
    /**
     * Handling markings the list may receive (e.g. `FOUO`, `SBU`, `NOFORN`, `CONFIDENTIAL`),
     * or `'*'` for any. Default: none, so the list receives only unmarked briefings.
     */
    markings: z.array(z.string().trim().min(1)).default([]),
    recipients: z.array(mailboxSchema).min(1, 'a list needs at least one recipient'),
  })
  .strict();

/** How briefings are mailed. */
export const mailSchema = z
  .object({
    /** Sender of every list that does not name its own. */
    from: mailboxSchema.default({ name: 'Briefing desk', address: 'briefing@localhost' }),
    /**
     * SMTP server as a URL (`smtp://user:pass@host:587`, STARTTLS when offered;
     * `smtps://host:465` for implicit TLS). `BRIEFING_SMTP_URL` wins over it. With neither,
     * messages are written as `.eml` files to `<output>/outbox/`.
     */
    smtp: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'use smtp://host:port or smtps://host:port')
      .optional(),
    /** SMTP connections kept open and used at once. */
    connections: z.number().int().min(1).max(50).default(3),
    /** Most messages per second across the whole run; none by default. */
    rate: z.number().positive().optional(),
    /** Temporary failures (4xx, dropped connections, timeouts) are retried this many times. */
    retries: z.number().int().min(0).max(20).default(5),
    /** First retry's delay in milliseconds; each later one waits twice as long. */
    retryDelay: z.number().int().min(0).default(2000),
    /** Milliseconds to wait for the server at each step before treating it as a timeout. */
    timeout: z.number().int().positive().default(60_000),
  })
  .strict();

/** The config file as the user writes it: every field but `themes` optional. */
export const userConfigSchema = z
  .object({
    corpus: z.string().min(1).default('corpus'),
    output: z.string().min(1).default('output'),
    /** Who publishes the briefings: the PDFs' author and the masthead's imprint. */
    author: z.string().trim().min(1).default('Briefing desk'),
    /** Folder of Handlebars templates; default: the ones that ship with briefing. */
    templates: z.string().min(1).optional(),
    editionDate: z
      .string()
      .regex(isoDay, 'use YYYY-MM-DD')
      .optional()
      .or(z.date().transform((d) => d.toISOString().slice(0, 10))),
    pdf: z
      .object({
        enabled: z.boolean().default(true),
        format: z.enum(['A4', 'Letter', 'Legal', 'A3']).default('A4'),
        browser: z.string().min(1).optional(),
      })
      .strict()
      .default({ enabled: true, format: 'A4' }),
    themes: z
      .array(themeSchema)
      .min(1, 'define at least one theme')
      .superRefine((themes, ctx) => {
        const seen = new Set<string>();
        themes.forEach((theme, index) => {
          if (seen.has(theme.id)) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: `duplicate theme id "${theme.id}"`,
            });
          }
          seen.add(theme.id);
        });
      }),
    mail: mailSchema.default(() => mailSchema.parse({})),
    lists: z.array(listSchema).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    const themes = new Set(config.themes.map((theme) => theme.id));
    const names = new Set<string>();
    config.lists.forEach((list, index) => {
      if (names.has(list.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['lists', index, 'name'],
          message: `duplicate list name "${list.name}"`,
        });
      }
      names.add(list.name);
      if (list.themes === '*') return;
      list.themes.forEach((theme, at) => {
        if (!themes.has(theme)) {
          ctx.addIssue({
            code: 'custom',
            path: ['lists', index, 'themes', at],
            message: `list "${list.name}": no theme "${theme}" (themes: ${[...themes].join(', ')})`,
          });
        }
      });
    });
  });

/** The config file's shape as written by a user. */
export type UserConfig = z.input<typeof userConfigSchema>;
/** A theme after validation, with defaults filled in. */
export type Theme = z.output<typeof themeSchema>;
/** A distribution list after validation. */
export type DistributionList = z.output<typeof listSchema>;
/** A sender or recipient. */
export type Mailbox = z.output<typeof mailboxSchema>;
/** Mail settings after validation, with defaults filled in. */
export type MailSettings = z.output<typeof mailSchema>;
/** A group of theme signals after validation. */
export type Signal = z.output<typeof signalSchema>;
