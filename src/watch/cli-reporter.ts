import path from 'node:path';
import { formatError, formatMessage, summaryLine } from '../report.js';
import type { WatchReporter } from './watch-session.js';

/** The streams a reporter writes to. */
export interface ReportStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Reports a watch session the way `briefing build` reports a build: content problems on stderr,
 * then the summary line on stdout; errors as `briefing: …` on stderr; and, on stderr, which
 * files started each rebuild.
 */
export function cliReporter(streams: ReportStreams = process): WatchReporter {
  return {
    built(result, config) {
      for (const message of result.messages)
        streams.stderr.write(`${formatMessage(message, config.corpus)}\n`);
      streams.stdout.write(`${summaryLine(result)}\n`);
    },
    failed(error) {
      streams.stderr.write(`briefing: ${formatError(error)}\n`);
    },
    changed(changes) {
      const names = changes.map((change) => path.relative(process.cwd(), change.file));
      const shown = names.slice(0, 3).join(', ');
      const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
      streams.stderr.write(`Changed: ${shown}${more}; rebuilding\n`);
    },
  };
}
