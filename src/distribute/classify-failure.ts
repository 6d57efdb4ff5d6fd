/** How a failed attempt is handled. */
export interface Failure {
  /**
   * `temporary`: retried with back-off (4xx, dropped connection, timeout);
   * `permanent`: recorded for this recipient, not retried (5xx);
   * `fatal`: nothing can be sent in this run (the server refuses our credentials or TLS).
   */
  kind: 'temporary' | 'permanent' | 'fatal';
  /** The server's reply, or what went wrong. */
  reply: string;
  /**
   * The connection broke with no reply, possibly after the whole message was handed over:
   * the server may have accepted it, so a retry may deliver it twice.
   */
  ambiguous: boolean;
}

/** nodemailer error codes that mean the connection, not the message, failed. */
const CONNECTION = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EPROTOCOL',
]);
/** Connection failures that can happen after the message went out (not before connecting). */
const BROKEN = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'EPIPE']);
/** Codes that no retry and no other recipient can get past. */
const FATAL = new Set(['EAUTH', 'ETLS', 'ENOAUTH', 'EOAUTH2']);

interface MailError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/** Sorts a failed attempt into temporary, permanent or fatal, after nodemailer's error. */
export function classifyFailure(error: unknown): Failure {
  const mail = (typeof error === 'object' && error !== null ? error : {}) as MailError;
  const reply = (mail.response ?? mail.message ?? String(error)).trim();
  const status = mail.responseCode;
  // A connection that breaks without a reply may have broken after the server took the
  // message: nodemailer reports a drop in the body and one after the final dot alike.
  const ambiguous = status === undefined && mail.code !== undefined && BROKEN.has(mail.code);
  if (mail.code && FATAL.has(mail.code)) return { kind: 'fatal', reply, ambiguous: false };
  if (status !== undefined && status >= 500) return { kind: 'permanent', reply, ambiguous: false };
  if (status !== undefined && status >= 400) return { kind: 'temporary', reply, ambiguous: false };
  if (mail.code && CONNECTION.has(mail.code)) return { kind: 'temporary', reply, ambiguous };
  return { kind: 'permanent', reply, ambiguous: false };
}
