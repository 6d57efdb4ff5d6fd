import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type MailMessage from 'nodemailer/lib/mailer/mail-message.js';
import path from 'node:path';
import { writeFileAtomic } from '../print/atomic-write.js';
import type { ResolvedConfig } from '../config/resolve-config.js';

/** The folder `.eml` files are written to, inside the output folder. */
export const OUTBOX_DIR = 'outbox';

/** A way of delivering messages, and the name the ledger records it under. */
export interface Channel {
  /** `outbox`, or `smtp://host:port` (never the credentials). */
  name: string;
  transporter: Sender;
  /** Messages handed over at once: the SMTP connections, or one for the outbox. */
  concurrency: number;
}

/** The part of a nodemailer transporter a run uses. */
export interface Sender {
  sendMail(message: Mail.Options): Promise<unknown>;
  close(): void;
}

/** What no message may do: read a local file or fetch a URL for its content. */
const NO_FILE_OR_URL = { disableFileAccess: true, disableUrlAccess: true } as const;

/**
 * The channel a run sends through: SMTP when `BRIEFING_SMTP_URL` or `mail.smtp` names a server
 * (one pooled transport for the whole run, so its connections and rate limit hold across it),
 * else the outbox; always the outbox for a dry run.
 */
export function openChannel(config: ResolvedConfig, dryRun: boolean): Channel {
  const { smtp } = config.mail;
  if (dryRun || !smtp) {
    const dir = path.join(config.output, OUTBOX_DIR);
    return {
      name: 'outbox',
      transporter: nodemailer.createTransport(outboxTransport(dir), NO_FILE_OR_URL),
      concurrency: 1,
    };
  }
  const { mail } = config;
  const rate = mail.rate === undefined ? {} : rateOptions(mail.rate);
  const transporter = nodemailer.createTransport(
    {
      url: smtp,
      pool: true,
      maxConnections: mail.connections,
      connectionTimeout: mail.timeout,
      greetingTimeout: mail.timeout,
      socketTimeout: mail.timeout,
      ...rate,
      ...NO_FILE_OR_URL,
    },
    NO_FILE_OR_URL,
  );
  return { name: channelName(smtp), transporter, concurrency: mail.connections };
}

/** `smtp://host:port` for a server URL, without user name or password. */
export function channelName(url: string): string {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return `${secure ? 'smtps' : 'smtp'}://${parsed.hostname}:${parsed.port || (secure ? 465 : 587)}`;
}

/** Messages per second as nodemailer's pool limit: `rateLimit` messages per `rateDelta` ms. */
function rateOptions(perSecond: number): { rateLimit: number; rateDelta: number } {
  return perSecond >= 1
    ? { rateLimit: Math.floor(perSecond), rateDelta: 1000 }
    : { rateLimit: 1, rateDelta: Math.round(1000 / perSecond) };
}

/**
 * A nodemailer transport that writes each message, exactly as it would go out, to
 * `<dir>/<theme>-<edition>/<address>.eml` (atomically), so it can be opened in a mail client.
 */
function outboxTransport(dir: string) {
  return {
    name: 'briefing-outbox',
    version: '1',
    send(mail: MailMessage, done: (error: Error | null, info?: unknown) => void): void {
      mail.message.build((error, raw) => {
        if (error) return done(error);
        const envelope = mail.message.getEnvelope();
        const edition = String(
          mail.data.headers && headerOf(mail.data.headers, 'X-Briefing-Edition'),
        );
        const file = path.join(
          dir,
          safeName(edition.replace('/', '-')),
          `${safeName(envelope.to.join(','))}.eml`,
        );
        writeFileAtomic(file, raw).then(
          () =>
            done(null, {
              envelope,
              messageId: mail.message.messageId(),
              response: `written to ${path.relative(path.dirname(dir), file)}`,
            }),
          done,
        );
      });
    },
  };
}

function headerOf(headers: Mail.Options['headers'], name: string): string {
  if (!headers || Array.isArray(headers)) return 'briefing';
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : 'briefing';
}

/** A file name from any text: letters, digits, `@`, `.`, `-` and `_` only. */
function safeName(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9@._-]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'message'
  );
}
