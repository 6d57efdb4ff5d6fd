import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Briefing } from '../model.js';
import { formatDate } from '../render/helpers.js';
import type { EmailBodies } from './email-body.js';
import type { PlannedDelivery } from './plan-deliveries.js';

/**
 * One line of header text: line breaks, control characters and runs of spaces become one
 * space, so text from the corpus (a marking banner, a title) can never start a new header.
 * nodemailer then encodes anything outside ASCII.
 */
export function headerText(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
  const collapsed = line.replace(/\s+/g, ' ').trim();
  return collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed;
}

/** `[UNCLASSIFIED//FOR OFFICIAL USE ONLY] Government relations — 22 November 2026`. */
export function subjectOf(briefing: Briefing): string {
  const marking = briefing.marking ? `[${headerText(briefing.marking.banner, 80)}] ` : '';
  return headerText(`${marking}${briefing.title} — ${formatDate(briefing.edition.date)}`, 250);
}

/** The attached PDF's file name: `government-relations-2026-11-22.pdf`. */
export function attachmentName(briefing: Briefing): string {
  return `${briefing.theme}-${briefing.edition.date}.pdf`;
}

/**
 * The message for one delivery: both bodies, the PDF from the bytes the build wrote (never a
 * path or URL), and the edition's Message-ID. Every header value is one line.
 */
export function composeMessage(delivery: PlannedDelivery, bodies: EmailBodies): Mail.Options {
  const { briefing, pdf } = delivery.edition;
  const recipient = delivery.recipient.name
    ? `${delivery.recipient.name} <${delivery.recipient.address}>`
    : delivery.recipient.address;
  const lists = delivery.lists.join(', ');
  return {
    from: mailbox(delivery.from),
    to: mailbox(delivery.recipient),
    subject: subjectOf(briefing),
    messageId: delivery.messageId,
    html: bodies.html(recipient, lists),
    text: bodies.text(recipient, lists),
    attachments: pdf
      ? [{ filename: attachmentName(briefing), content: pdf, contentType: 'application/pdf' }]
      : [],
    headers: {
      'X-Briefing-Edition': `${briefing.theme}/${briefing.edition.number}`,
      ...(briefing.marking ? { 'X-Briefing-Marking': headerText(briefing.marking.banner) } : {}),
      'Auto-Submitted': 'auto-generated',
    },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function mailbox(box: { name?: string | undefined; address: string }): Mail.Address | string {
  return box.name ? { name: headerText(box.name), address: box.address } : box.address;
}
