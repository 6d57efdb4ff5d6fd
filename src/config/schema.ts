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
  })
  .strict();

/** The config file's shape as written by a user. */
export type UserConfig = z.input<typeof userConfigSchema>;
/** A theme after validation, with defaults filled in. */
export type Theme = z.output<typeof themeSchema>;
/** A group of theme signals after validation. */
export type Signal = z.output<typeof signalSchema>;
