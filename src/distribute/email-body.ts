import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import juice from 'juice';
import type { Briefing, BriefingItem } from '../model.js';
import { formatDate } from '../render/helpers.js';
import { packageRoot } from '../config/load-config.js';

/** Developments an email lists before pointing to the PDF for the rest. */
const MAX_DEVELOPMENTS = 12;
/** Stand for the recipient and their lists while a body is rendered once for all of them. */
const RECIPIENT = '@@briefing-recipient@@';
const LISTS = '@@briefing-lists@@';

/** The two bodies of a briefing email, ready for one recipient at a time. */
export interface EmailBodies {
  html(recipient: string, lists: string): string;
  text(recipient: string, lists: string): string;
}

/** Compiled email templates: `email/email.hbs`, `email/email.txt.hbs` and `email/email.css`. */
export interface EmailTemplates {
  bodies(briefing: Briefing, options: BodyOptions): EmailBodies;
}

/** What the bodies say beyond the briefing itself. */
export interface BodyOptions {
  subject: string;
  author: string;
  /** The attached PDF's file name, or `null` when there is none. */
  attachment: string | null;
}

/**
 * Loads the email templates from `<templates>/email/`, or the ones that ship with briefing
 * when the templates folder has none. Compiled in a private Handlebars environment with
 * prototype access off (the default), so corpus text is only ever data.
 */
export async function loadEmailTemplates(templates: string): Promise<EmailTemplates> {
  const own = path.join(templates, 'email');
  const dir = existsSync(path.join(own, 'email.hbs'))
    ? own
    : path.join(packageRoot, 'templates', 'email');
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  const [htmlSource, textSource, css] = await Promise.all([
    read('email.hbs'),
    read('email.txt.hbs'),
    read('email.css'),
  ]);
  const hb = Handlebars.create();
  const html = hb.compile(htmlSource);
  const text = hb.compile(textSource, { noEscape: true });
  return {
    bodies(briefing, options) {
      const view = { ...emailView(briefing, options), recipient: RECIPIENT, lists: '' };
      const listed = { ...view, lists: LISTS };
      const inline = { removeStyleTags: false, preserveMediaQueries: true };
      // Inlining CSS is the slow part: it runs once per edition and variant (with or without
      // lists), when first needed, not once per recipient.
      const htmlOf = memo((listedVariant: boolean) =>
        juice(html(listedVariant ? listed : view, { data: { css } }), inline),
      );
      const textOf = memo((listedVariant: boolean) => text(listedVariant ? listed : view));
      return {
        html: (recipient, lists) => fill(htmlOf(!!lists), recipient, lists, hb.escapeExpression),
        text: (recipient, lists) => fill(textOf(!!lists), recipient, lists, (s) => s),
      };
    },
  };
}

/** Computes `make(flag)` once for each value of `flag`. */
function memo<T>(make: (flag: boolean) => T): (flag: boolean) => T {
  const made = new Map<boolean, T>();
  return (flag) => {
    if (!made.has(flag)) made.set(flag, make(flag));
    return made.get(flag)!;
  };
}

function fill(body: string, recipient: string, lists: string, escape: (s: string) => string) {
  return body.replaceAll(LISTS, () => escape(lists)).replaceAll(RECIPIENT, () => escape(recipient));
}

/** The email's view of a briefing: what the templates show, already formatted. */
function emailView(briefing: Briefing, options: BodyOptions) {
  const shown = briefing.developments.slice(0, MAX_DEVELOPMENTS);
  const items = [...briefing.bottomLine, ...shown];
  const cited = new Set(items.flatMap((item) => item.citations));
  const titles = new Map(briefing.sources.map((source) => [source.document, source]));
  return {
    subject: options.subject,
    author: options.author,
    attachment: options.attachment,
    title: briefing.title,
    headline: briefing.headline,
    dateText: formatDate(briefing.edition.date),
    edition: briefing.edition.number,
    marking: briefing.marking,
    added: briefing.sinceLast?.added ?? 0,
    previous: briefing.sinceLast?.previous.number ?? null,
    bottomLine: briefing.bottomLine.map(itemView),
    developments: shown.map((item) => ({
      ...itemView(item),
      when: item.date ? formatDate(item.date) : 'Undated',
    })),
    moreDevelopments: briefing.developments.length - shown.length,
    sources: briefing.citations
      .filter((citation) => cited.has(citation.n))
      .map((citation) => {
        const source = titles.get(citation.document);
        return {
          n: citation.n,
          title: source?.title ?? citation.document,
          label: citation.label,
          date: source?.published ? formatDate(source.published) : '',
        };
      }),
  };
}

function itemView(item: BriefingItem) {
  return {
    text: item.text,
    new: item.new === true,
    marking: item.marking ?? '',
    cites: item.citations.map((n) => `[${n}]`).join(''),
  };
}
