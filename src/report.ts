import path from 'node:path';
import type { BuildResult, Delivery, Message, SendResult } from './model.js';

/** Formats a message as `path:line:col severity reason [code]`, the way compilers do. */
export function formatMessage(message: Message, corpus?: string): string {
  const file = corpus
    ? path.join(path.relative(process.cwd(), corpus) || '.', message.file)
    : message.file;
  const where = [file, message.line, message.line !== undefined ? message.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where} ${message.severity} ${message.reason} [${message.code}]`;
}

/** The one summary line a build ends with. */
export function summaryLine(result: BuildResult): string {
  const { errors, warnings } = countMessages(result.messages);
  const briefings = result.model.briefings.length;
  const empty = result.model.briefings.filter((b) => b.empty).length;
  const parts = [
    `Built ${briefings} briefing${briefings === 1 ? '' : 's'} (${result.pdfCount} PDF)`,
    `from ${result.model.documents.length} document${result.model.documents.length === 1 ? '' : 's'}`,
    `in ${(result.durationMs / 1000).toFixed(1)} s`,
  ];
  const notes = [
    result.written.length === 0 ? 'nothing changed' : '',
    empty > 0 ? `${empty} without material` : '',
    errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${parts.join(' ')}${notes.length > 0 ? ` — ${notes.join(', ')}` : ''}`;
}

/** Formats an error and its cause chain as a numbered list; the stack only with `DEBUG`. */
export function formatError(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    lines.push(depth === 0 ? message : `  ${depth}. caused by: ${message}`);
    if (process.env.DEBUG && current instanceof Error && current.stack) lines.push(current.stack);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join('\n');
}

/** The lines a send run ends with: refusals, failures and possible duplicates, then a summary. */
export function sendReport(result: SendResult): string[] {
  const lines: string[] = [];
  for (const refusal of result.refused) {
    lines.push(
      `refused: list "${refusal.list}" may not receive ${refusal.theme} (marked ${refusal.marking}; not allowed: ${refusal.controls.join(', ')}) — nothing of it was sent to that list`,
    );
  }
  for (const skip of result.skipped) lines.push(`skipped: ${skip.theme}: ${skip.reason}`);
  for (const row of result.failed) {
    lines.push(
      `failed: ${row.theme} #${row.edition} to ${row.address} (${row.permanent ? 'permanent' : `temporary, ${row.attempts} attempts`}): ${row.reply ?? ''}`,
    );
  }
  for (const row of result.sent.filter((r) => r.possiblyDuplicate)) {
    lines.push(
      `possibly duplicated: ${row.theme} #${row.edition} to ${row.address} was being sent when an earlier run stopped; sent again as ${row.messageId}`,
    );
  }
  if (result.stopped) lines.push(`stopped: ${result.stopped}`);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const notes = [
    result.alreadySent.length > 0 ? `${result.alreadySent.length} already sent` : '',
    result.failed.length > 0 ? `${result.failed.length} failed` : '',
    result.refused.length > 0 ? count(result.refused.length, 'refusal') : '',
  ].filter(Boolean);
  const verb = result.dryRun ? 'Wrote' : 'Sent';
  const where = result.channel === 'outbox' ? 'to the outbox' : `via ${result.channel}`;
  lines.push(
    `${verb} ${count(result.sent.length, 'message')} ${where} in ${(result.durationMs / 1000).toFixed(1)} s${result.dryRun ? ' (dry run)' : ''}${notes.length > 0 ? ` — ${notes.join(', ')}` : ''}`,
  );
  return lines;
}

/** The ledger as a table: one line per delivery of the current editions. */
export function statusTable(rows: Delivery[]): string {
  if (rows.length === 0) return 'No deliveries recorded for the current editions.\n';
  const table = [
    ['THEME', 'EDITION', 'RECIPIENT', 'STATE', 'TRIES', 'UPDATED', 'CHANNEL', 'REPLY'],
    ...rows.map((row) => [
      row.theme,
      `#${row.edition} ${row.date}`,
      row.address,
      `${row.state}${row.permanent ? ' (permanent)' : ''}${row.possiblyDuplicate ? ' (possibly duplicated)' : ''}`,
      String(row.attempts),
      row.updatedAt.replace('T', ' ').slice(0, 19),
      row.channel,
      (row.reply ?? '').replace(/\s+/g, ' ').slice(0, 80),
    ]),
  ];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((line) => line[col]!.length)));
  const counts = ['sent', 'queued', 'sending', 'failed']
    .map((state) => [state, rows.filter((row) => row.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${state}`);
  return `${table
    .map((line) =>
      line
        .map((cell, col) => (col === line.length - 1 ? cell : cell.padEnd(widths[col]!)))
        .join('  '),
    )
    .join('\n')}\n${counts.join(', ')}\n`;
}

/** Counts messages by severity. */
export function countMessages(messages: Message[]): { errors: number; warnings: number } {
  const errors = messages.filter((m) => m.severity === 'error').length;
  return { errors, warnings: messages.length - errors };
}
