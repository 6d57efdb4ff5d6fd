import path from 'node:path';
import type { BuildResult, Message } from './model.js';
import { countMessages } from './build.js';

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
