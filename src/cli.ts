#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, packageRoot } from './config/load-config.js';
import type { ConfigOverrides } from './config/resolve-config.js';
import { formatError, formatMessage, sendReport, statusTable, summaryLine } from './report.js';
import type { CorpusModel } from './model.js';
import type { WatchOptions } from './watch/watch-session.js';
import { cliReporter } from './watch/cli-reporter.js';
import { untilSignal } from './watch/until-signal.js';
import { DEFAULT_PORT } from './serve/preview-server.js';
import type { SendRunOptions } from './distribute/send.js';
import type { ResolvedConfig } from './config/resolve-config.js';
import type { SendResult } from './model.js';
import { z } from 'zod';

// Each command imports what it needs when it runs: loading the whole pipeline (Chromium
// driver, NLP models, chart libraries) would cost every command a second or more.

/** Exit codes: 0 ok, 1 the build failed, 2 the command was used wrongly. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

interface CommonFlags {
  corpus?: string;
  config?: string;
}

const version = (
  JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

function program(): Command {
  const cli = new Command('briefing')
    .description(
      'Turns a corpus of documents into themed briefings (HTML and PDF), every item cited.',
    )
    .version(version)
    .exitOverride()
    .showHelpAfterError('(run `briefing --help` for usage)');

  cli
    .command('build')
    .description('analyze the corpus and write briefings (HTML, PDF), index.html and model.json')
    .option('--corpus <dir>', 'folder of source documents (default: corpus)')
    .option('--out <dir>', 'output folder (default: output)')
    .option('--config <file>', 'config file (default: ./briefing.config.yaml)')
    .option('--no-pdf', 'write HTML only, skip the PDFs')
    .addOption(
      new Option('--date <YYYY-MM-DD>', 'edition date (default: today)').argParser(isoDate),
    )
    .option('--force', 'ignore the cache: analyze, draw and print everything afresh')
    .option('--send', 'then mail each new edition to its distribution lists')
    .option('--strict', 'exit 1 when any document has a problem (errors and warnings)')
    .action(
      async (
        flags: CommonFlags & {
          out?: string;
          pdf: boolean;
          date?: string;
          force?: boolean;
          send?: boolean;
          strict?: boolean;
        },
      ) => {
        const overrides: ConfigOverrides = {
          ...pick(flags),
          ...(flags.out ? { output: path.resolve(flags.out) } : {}),
          ...(flags.pdf === false ? { pdf: false } : {}),
          ...(flags.date ? { editionDate: flags.date } : {}),
          ...(flags.force ? { force: true } : {}),
        };
        const config = await loadConfig({ ...configFile(flags), overrides });
        const { build } = await import('./build.js');
        const result = await build(config, progressLogger());
        for (const message of result.messages)
          process.stderr.write(`${formatMessage(message, config.corpus)}\n`);
        process.stdout.write(`${summaryLine(result)}\n`);
        if (flags.strict && result.messages.length > 0) {
          process.stderr.write(`briefing: --strict: ${result.messages.length} problem(s) above\n`);
          process.exitCode = EXIT.failed;
          return;
        }
        if (flags.send) await sendAndReport(config, {});
      },
    );

  cli
    .command('send')
    .description('mail the current edition of each briefing to its distribution lists')
    .option('--out <dir>', 'output folder holding the built briefings (default: output)')
    .option('--config <file>', 'config file (default: ./briefing.config.yaml)')
    .option('--theme <id>', 'send only this briefing')
    .option('--list <name>', 'send only to this list (with --to: use its handling policy)')
    .addOption(
      new Option('--to <addresses>', 'send to these addresses (comma-separated) instead').argParser(
        addressList,
      ),
    )
    .option('--dry-run', 'write the messages to the outbox only; record nothing')
    .option('--retry-failed', 'try permanent failures of the current editions again')
    .option('--status', 'show the delivery ledger for the current editions; send nothing')
    .action(
      async (
        flags: CommonFlags & {
          out?: string;
          theme?: string;
          list?: string;
          to?: string[];
          dryRun?: boolean;
          retryFailed?: boolean;
          status?: boolean;
        },
      ) => {
        const overrides: ConfigOverrides = flags.out ? { output: path.resolve(flags.out) } : {};
        const config = await loadConfig({ ...configFile(flags), overrides });
        if (flags.status) {
          const { deliveryStatus } = await import('./distribute/send.js');
          process.stdout.write(statusTable(await deliveryStatus(config)));
          return;
        }
        await sendAndReport(config, {
          ...(flags.theme ? { theme: flags.theme } : {}),
          ...(flags.list ? { list: flags.list } : {}),
          ...(flags.to ? { to: flags.to } : {}),
          ...(flags.dryRun ? { dryRun: true } : {}),
          ...(flags.retryFailed ? { retryFailed: true } : {}),
        });
      },
    );

  cli
    .command('analyze')
    .description('analyze the corpus and print the model (no files written)')
    .option('--corpus <dir>', 'folder of source documents (default: corpus)')
    .option('--config <file>', 'config file (default: ./briefing.config.yaml)')
    .option('--json', 'print the whole model as JSON')
    .option('--strict', 'exit 1 when any document has a problem (errors and warnings)')
    .action(async (flags: CommonFlags & { json?: boolean; strict?: boolean }) => {
      const config = await loadConfig({ ...configFile(flags), overrides: pick(flags) });
      const { analyzeCorpus } = await import('./analyze-corpus.js');
      const model = await analyzeCorpus(config);
      for (const message of model.messages)
        process.stderr.write(`${formatMessage(message, config.corpus)}\n`);
      process.stdout.write(flags.json ? `${JSON.stringify(model, null, 2)}\n` : describe(model));
      if (model.documents.length === 0 || (flags.strict && model.messages.length > 0)) {
        process.exitCode = EXIT.failed;
      }
    });

  cli
    .command('watch')
    .description('build, then rebuild whenever a document, a template or the config changes')
    .option('--corpus <dir>', 'folder of source documents (default: corpus)')
    .option('--out <dir>', 'output folder (default: output)')
    .option('--config <file>', 'config file (default: ./briefing.config.yaml)')
    .option('--no-pdf', 'write HTML only, skip the PDFs')
    .action(async (flags: WatchFlags) => {
      const { startWatch } = await import('./watch/watch-session.js');
      const session = await startWatch(watchOptions(flags));
      process.stderr.write('Watching for changes (Ctrl-C to stop)\n');
      await untilSignal();
      await session.close();
    });

  cli
    .command('serve')
    .description('build, watch and preview the output in the browser, reloading after each build')
    .option('--corpus <dir>', 'folder of source documents (default: corpus)')
    .option('--out <dir>', 'output folder (default: output)')
    .option('--config <file>', 'config file (default: ./briefing.config.yaml)')
    .option('--no-pdf', 'write HTML only, skip the PDFs')
    .addOption(
      new Option(
        '--port <n>',
        `port on 127.0.0.1, 0 for any free one (default: ${DEFAULT_PORT})`,
      ).argParser(portNumber),
    )
    .action(async (flags: WatchFlags & { port?: number }) => {
      const { startServe } = await import('./serve/serve-session.js');
      const session = await startServe({
        ...watchOptions(flags),
        ...(flags.port !== undefined ? { port: flags.port } : {}),
      });
      process.stdout.write(`Serving ${session.watch.config.output} at ${session.server.url}\n`);
      process.stderr.write('Watching for changes (Ctrl-C to stop)\n');
      await untilSignal();
      await session.close();
    });
  return cli;
}

type WatchFlags = CommonFlags & { out?: string; pdf: boolean };

function watchOptions(flags: WatchFlags): WatchOptions {
  const overrides: ConfigOverrides = {
    ...pick(flags),
    ...(flags.out ? { output: path.resolve(flags.out) } : {}),
    ...(flags.pdf === false ? { pdf: false } : {}),
  };
  return {
    config: { ...configFile(flags), overrides },
    reporter: cliReporter(),
    logger: progressLogger(),
  };
}

/** Sends, prints the report, and sets the exit code: 1 when anything failed to go out. */
async function sendAndReport(config: ResolvedConfig, options: SendRunOptions): Promise<void> {
  const { send } = await import('./distribute/send.js');
  const { PlanError } = await import('./distribute/plan-deliveries.js');
  const progress = progressLogger();
  let done = 0;
  let result: SendResult;
  // The first Ctrl-C lets the messages in flight finish (so the ledger knows where they stand);
  // a second one quits at once, and the next run resumes either way.
  const interrupt = new AbortController();
  const onSignal = () => {
    if (interrupt.signal.aborted) process.exit(130);
    process.stderr.write('\nStopping after the messages in flight (again to quit now)\n');
    interrupt.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    result = await send(config, {
      ...options,
      signal: interrupt.signal,
      onEvent: (event) => {
        if (event.type === 'sent') progress.progress(`Sent ${++done}`);
      },
    });
  } catch (error) {
    if (error instanceof PlanError) {
      process.stderr.write(`briefing: ${error.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  const lines = sendReport(result);
  for (const line of lines.slice(0, -1)) process.stderr.write(`${line}\n`);
  process.stdout.write(`${lines.at(-1)}\n`);
  if (result.failed.length > 0 || result.stopped) process.exitCode = EXIT.failed;
}

const email = z.email();

function addressList(value: string): string[] {
  const addresses = value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  const bad = addresses.find((address) => !email.safeParse(address).success);
  if (addresses.length === 0 || bad !== undefined) {
    throw new InvalidArgumentError(`"${bad ?? value}" is not an email address.`);
  }
  return addresses;
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('Expected a port number from 0 to 65535.');
  }
  return port;
}

function pick(flags: CommonFlags): ConfigOverrides {
  return flags.corpus ? { corpus: path.resolve(flags.corpus) } : {};
}

function configFile(flags: CommonFlags): { configFile?: string } {
  return flags.config ? { configFile: flags.config } : {};
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CommanderError(
      EXIT.usage,
      'briefing.invalidDate',
      `error: --date must be YYYY-MM-DD, got "${value}"`,
    );
  }
  return value;
}

function progressLogger() {
  const show = process.stderr.isTTY && !process.env.CI;
  return {
    progress: (message: string) => show && process.stderr.write(`\u001b[2K\r${message}…\r`),
    notice: (message: string) => process.stderr.write(`${show ? '\u001b[2K\r' : ''}${message}\n`),
  };
}

/** A short human-readable account of the model, one block per document. */
function describe(model: CorpusModel): string {
  const lines = model.documents.map((doc) => {
    const themes = doc.themes.map((t) => `${t.id} (${t.score})`).join(', ') || 'no theme';
    return [
      `${doc.path}: ${doc.title}`,
      `  published ${doc.published ?? 'unknown'}${doc.publishedFrom ? ` (${doc.publishedFrom})` : ''}; ${doc.sentences.length} sentences; ${doc.entities.length} entities; ${doc.figures.length} figures; ${doc.quotes.length} quotes`,
      `  themes: ${themes}`,
    ].join('\n');
  });
  const briefings = model.briefings.map(
    (b) => `${b.theme}: ${b.empty ? 'no material' : `${b.documents.length} documents`}`,
  );
  return `${lines.join('\n')}\n\nBriefings: ${briefings.join('; ')}\n`;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const clean = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
        error.code,
      );
      if (!clean && error.code === 'briefing.invalidDate')
        process.stderr.write(`${error.message}\n`);
      return clean ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`briefing: ${formatError(error)}\n`);
    return EXIT.failed;
  }
}

process.exitCode = await main(process.argv.slice(2));
