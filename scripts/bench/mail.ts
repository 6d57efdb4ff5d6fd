/**
 * Email distribution: the time `send()` takes to mail 1,000 messages with a PDF attached to a
 * loopback SMTP server, beside the same messages sent by a bare nodemailer pool (budget: 1.3×).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventLoopUtilization } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { simpleParser } from 'mailparser';
import { build } from '../../src/build.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { ResolvedConfig } from '../../src/config/resolve-config.js';
import type { DistributionList, Mailbox } from '../../src/config/schema.js';
import { readCurrentEditions } from '../../src/distribute/current-editions.js';
import { LEDGER_FILE, send } from '../../src/distribute/send.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The edition date of the built sample corpus, fixed so that runs are comparable. */
const MAIL_EDITION_DATE = '2026-01-05';

/** What {@link benchMail} measured; times are for all the messages of a run, in ms. */
export interface MailBench {
  /** Messages sent per run (each side), and accepted by the server in every run. */
  messages: number;
  /** Generated recipients, and the non-empty briefings each of them is sent. */
  recipients: number;
  briefings: number;
  /** SMTP connections (and messages in flight) on both sides. */
  connections: number;
  /** Bytes of each briefing's PDF, by theme. */
  pdfBytes: Record<string, number>;
  /** Mean size of a message as the server received it, per side. */
  messageBytes: { bare: number; ours: number };
  /** Measured runs per side, after one warm-up run of each. */
  runs: number;
  bareMs: number;
  oursMs: number;
  bareRange: [number, number];
  oursRange: [number, number];
  /** `oursMs / bareMs`: the budget, 1.3 at most. */
  ratio: number;
  /** Median of each round's `oursMs / bareMs`, less sensitive to drift in the machine's load. */
  pairedRatio: number;
  bareMessagesPerSecond: number;
  oursMessagesPerSecond: number;
  /**
   * Share of each run's wall time the main thread's event loop (the sender) and the server's
   * were busy, median over runs: the server keeps up when its share stays well below 1.
   */
  busy: { bare: { sender: number; server: number }; ours: { sender: number; server: number } };
  /**
   * CPU time of the sending thread (the main thread), median per run, and their ratio: less
   * sensitive than wall time to other work on the machine. `null` where `/proc` is not there.
   */
  cpu: { bareMs: number; oursMs: number; ratio: number } | null;
  /** Each round's times, in the order run (the side going first alternates). */
  rounds: { bareMs: number; oursMs: number; bareCpuMs: number | null; oursCpuMs: number | null }[];
}

/** Counts kept by the loopback server since its last reset. */
interface SinkStats {
  messages: number;
  bytes: number;
  /** While capturing: the first raw message of each `X-Briefing-Edition`, by its value. */
  captured: Record<string, Uint8Array>;
}

/**
 * The loopback SMTP server, in a worker thread so that parsing 1,000 messages' DATA does not
 * share an event loop (and a core) with the side being measured. It is plain JavaScript (the
 * worker is not run through tsx) and loads smtp-server from the path the main thread resolved.
 */
const SINK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { SMTPServer } = require(workerData.smtpServer);
let stats = { messages: 0, bytes: 0, captured: {} };
let capture = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  hideSTARTTLS: true,
  size: 64 * 1024 * 1024,
  logger: false,
  onData(stream, _session, callback) {
    const chunks = capture ? [] : null;
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      if (chunks) chunks.push(chunk);
    });
    stream.on('end', () => {
      if (stream.sizeExceeded) return callback(new Error('message too large'));
      stats.messages += 1;
      stats.bytes += bytes;
      if (chunks) {
        const raw = Buffer.concat(chunks);
        const head = raw.subarray(0, Math.max(0, raw.indexOf('\\r\\n\\r\\n'))).toString('latin1');
        const edition = /^X-Briefing-Edition: *(.+)$/im.exec(head)?.[1]?.trim() ?? 'none';
        if (!stats.captured[edition]) stats.captured[edition] = raw;
      }
      callback(null, 'queued');
    });
  },
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
parentPort.on('message', (command) => {
  if (command.type === 'reset') {
    stats = { messages: 0, bytes: 0, captured: {} };
    capture = command.capture;
    parentPort.postMessage({ reset: true });
  } else if (command.type === 'stats') {
    parentPort.postMessage({ stats });
  } else if (command.type === 'close') {
    server.close(() => parentPort.close());
  }
});
`;

/** The loopback server seen from the main thread. */
interface Sink {
  port: number;
  reset(capture?: boolean): Promise<void>;
  stats(): Promise<SinkStats>;
  /** The worker's event loop utilization since `since` (a previous reading), or in total. */
  utilization(since?: EventLoopUtilization): EventLoopUtilization;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const smtpServer = createRequire(import.meta.url).resolve('smtp-server');
  const worker = new Worker(SINK_SOURCE, { eval: true, workerData: { smtpServer } });
  // One request at a time: each command is answered by the next message.
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: Record<string, unknown>) => {
        worker.off('error', onError);
        resolve(message);
      });
    });
  const { port } = (await next()) as { port: number };
  return {
    port,
    async reset(capture = false) {
      const answer = next();
      worker.postMessage({ type: 'reset', capture });
      await answer;
    },
    async stats() {
      const answer = next();
      worker.postMessage({ type: 'stats' });
      return ((await answer) as { stats: SinkStats }).stats;
    },
    utilization: (since) => worker.performance.eventLoopUtilization(since),
    async close() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'close' });
      await exited;
    },
  };
}

/** `r0001@bench.example`, … with display names, `count` of them from `start`. */
function recipientsOf(count: number, start: number): Mailbox[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(start + i + 1).padStart(4, '0');
    return { name: `Reader ${n}`, address: `r${n}@bench.example` };
  });
}

/**
 * Lists that give exactly `target` messages over `themes` (the non-empty briefings): one list
 * receiving every briefing, and for the remainder one more recipient on a list receiving only
 * the first few. Every marking is allowed, so no briefing is refused.
 */
function benchLists(themes: string[], target: number): DistributionList[] {
  const perBriefing = Math.floor(target / themes.length);
  const remainder = target - perBriefing * themes.length;
  const lists: DistributionList[] = [
    { name: 'bench', themes: '*', markings: ['*'], recipients: recipientsOf(perBriefing, 0) },
  ];
  if (remainder > 0) {
    lists.push({
      name: 'bench-remainder',
      themes: themes.slice(0, remainder),
      markings: ['*'],
      recipients: recipientsOf(1, perBriefing),
    });
  }
  return lists;
}

/** Event loop utilization of the sender (main thread) and the server over one run. */
interface Busy {
  main: number;
  sink: number;
}

/** What the bare pool sends for one briefing: the bodies and PDF one of our messages carried. */
interface BareTemplate {
  from: Mail.Address;
  subject: string;
  html: string;
  text: string;
  attachment: { filename: string; content: Buffer; contentType: string };
}

/**
 * Builds the sample corpus (PDFs included) into a temp folder, then mails its current editions
 * to generated lists totalling `messages` messages through a loopback SMTP server, `runs` times
 * with `send()` and `runs` times with a bare nodemailer pool sending the same bodies and PDFs to
 * the same recipients with the same connections and messages in flight, after one warm-up run
 * of each; the side going first alternates. Only `send()` itself is timed on our side (each run
 * starts from an empty ledger); the bare side is timed from `createTransport` to the last reply.
 */
export async function benchMail(
  options: { messages?: number; connections?: number; runs?: number } = {},
): Promise<MailBench> {
  const target = options.messages ?? 1000;
  const connections = options.connections ?? 5;
  const runs = options.runs ?? 5;
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-bench-mail-'));
  const output = path.join(dir, 'output');
  const sink = await startSink();
  try {
    const config = await loadConfig({
      cwd: root,
      overrides: { output, editionDate: MAIL_EDITION_DATE, pdf: true },
    });
    await build(config);
    const editions = (await readCurrentEditions(output)).filter((e) => !e.briefing.empty);
    const themes = editions.map((e) => e.briefing.theme);
    if (editions.length === 0) throw new Error('The sample corpus built no briefing to send.');
    const pdfBytes: Record<string, number> = {};
    for (const { briefing, pdf } of editions) {
      if (!pdf) throw new Error(`The build printed no PDF for ${briefing.theme}.`);
      pdfBytes[briefing.theme] = pdf.length;
    }
    const lists = benchLists(themes, target);
    const runConfig: ResolvedConfig = {
      ...config,
      mail: {
        ...config.mail,
        smtp: `smtp://127.0.0.1:${sink.port}`,
        connections,
        rate: undefined,
      },
      lists,
    };
    // Who gets what, in the order `send()` plans it: briefing by briefing, list by list.
    const deliveries = editions.flatMap(({ briefing }) => {
      const recipients = new Map<string, Mailbox>();
      for (const list of lists) {
        if (list.themes !== '*' && !list.themes.includes(briefing.theme)) continue;
        for (const r of list.recipients)
          if (!recipients.has(r.address)) recipients.set(r.address, r);
      }
      return [...recipients.values()].map((recipient) => ({ theme: briefing.theme, recipient }));
    });
    const messages = deliveries.length;
    const ledger = path.join(output, LEDGER_FILE);

    const checked = async (side: string, run: () => Promise<void>) => {
      const elu = { main: performance.eventLoopUtilization(), sink: sink.utilization() };
      const cpuBefore = mainThreadCpuMs();
      const started = performance.now();
      await run();
      const ms = performance.now() - started;
      const cpuAfter = mainThreadCpuMs();
      const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      const busy = {
        main: performance.eventLoopUtilization(elu.main).utilization,
        sink: sink.utilization(elu.sink).utilization,
      };
      const stats = await sink.stats();
      if (stats.messages !== messages) {
        throw new Error(`${side}: the server received ${stats.messages} of ${messages} messages.`);
      }
      return { ms, cpuMs, busy, bytes: stats.bytes, captured: stats.captured };
    };
    const ours = async (capture = false) => {
      for (const suffix of ['', '-wal', '-shm']) await rm(`${ledger}${suffix}`, { force: true });
      await sink.reset(capture);
      return checked('send()', async () => {
        const result = await send(runConfig, {});
        const retried = result.sent.filter((row) => row.attempts !== 1).length;
        if (result.sent.length !== messages || result.failed.length > 0 || result.stopped) {
          throw new Error(
            `send() sent ${result.sent.length} of ${messages} messages ` +
              `(${result.failed.length} failed${result.stopped ? `; ${result.stopped}` : ''}).`,
          );
        }
        if (retried > 0) throw new Error(`send() retried ${retried} messages.`);
      });
    };

    // Our warm-up run captures one message of each briefing: the bare pool sends their bodies.
    const warm = await ours(true);
    const templates = new Map<string, BareTemplate>();
    for (const { briefing, pdf } of editions) {
      const key = `${briefing.theme}/${briefing.edition.number}`;
      const raw = warm.captured[key];
      if (!raw) throw new Error(`No message of ${key} reached the server.`);
      const parsed = await simpleParser(Buffer.from(raw));
      const attachment = parsed.attachments[0];
      if (!parsed.html || !parsed.text || !attachment || !attachment.content.equals(pdf!)) {
        throw new Error(`The message of ${key} lacks a body or does not carry the built PDF.`);
      }
      templates.set(briefing.theme, {
        from: { name: config.mail.from.name ?? '', address: config.mail.from.address },
        subject: parsed.subject ?? '',
        html: parsed.html,
        text: parsed.text,
        attachment: {
          filename: attachment.filename ?? `${briefing.theme}.pdf`,
          content: pdf!,
          contentType: 'application/pdf',
        },
      });
    }
    const bare = async () => {
      await sink.reset();
      return checked('bare pool', async () => {
        const transporter = nodemailer.createTransport({
          host: '127.0.0.1',
          port: sink.port,
          pool: true,
          maxConnections: connections,
        });
        const queue = [...deliveries];
        const worker = async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            const template = templates.get(next.theme)!;
            await transporter.sendMail({
              from: template.from,
              to: { name: next.recipient.name ?? '', address: next.recipient.address },
              subject: template.subject,
              html: template.html,
              text: template.text,
              attachments: [template.attachment],
            });
          }
        };
        await Promise.all(Array.from({ length: connections }, worker));
        transporter.close();
      });
    };

    await bare();
    const rounds: MailBench['rounds'] = [];
    const bytes = { bare: 0, ours: 0 };
    const busy = { bare: [] as Busy[], ours: [] as Busy[] };
    for (let round = 0; round < runs; round += 1) {
      const times: MailBench['rounds'][number] = {
        bareMs: 0,
        oursMs: 0,
        bareCpuMs: null,
        oursCpuMs: null,
      };
      for (const side of round % 2 === 0
        ? (['bare', 'ours'] as const)
        : (['ours', 'bare'] as const)) {
        const run = side === 'bare' ? await bare() : await ours();
        times[`${side}Ms`] = run.ms;
        times[`${side}CpuMs`] = run.cpuMs;
        bytes[side] = run.bytes;
        busy[side].push(run.busy);
      }
      rounds.push(times);
    }
    const busyOf = (side: Busy[]) => ({
      sender: median(side.map((b) => b.main)),
      server: median(side.map((b) => b.sink)),
    });
    const cpuOf = (side: 'bareCpuMs' | 'oursCpuMs') => {
      const values = rounds.map((r) => r[side]);
      return values.every((v) => v !== null) ? median(values as number[]) : null;
    };
    const [bareCpuMs, oursCpuMs] = [cpuOf('bareCpuMs'), cpuOf('oursCpuMs')];
    const bareMs = median(rounds.map((r) => r.bareMs));
    const oursMs = median(rounds.map((r) => r.oursMs));
    return {
      messages,
      recipients: new Set(deliveries.map((d) => d.recipient.address)).size,
      briefings: editions.length,
      connections,
      pdfBytes,
      messageBytes: { bare: bytes.bare / messages, ours: bytes.ours / messages },
      runs,
      bareMs,
      oursMs,
      bareRange: range(rounds.map((r) => r.bareMs)),
      oursRange: range(rounds.map((r) => r.oursMs)),
      ratio: oursMs / bareMs,
      pairedRatio: median(rounds.map((r) => r.oursMs / r.bareMs)),
      bareMessagesPerSecond: (messages * 1000) / bareMs,
      oursMessagesPerSecond: (messages * 1000) / oursMs,
      busy: { bare: busyOf(busy.bare), ours: busyOf(busy.ours) },
      cpu:
        bareCpuMs === null || oursCpuMs === null
          ? null
          : { bareMs: bareCpuMs, oursMs: oursCpuMs, ratio: oursCpuMs / bareCpuMs },
      rounds,
    };
  } finally {
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * CPU time (user + system) the main thread has used, in ms, from Linux's `/proc` (in ticks of
 * 10 ms); `null` elsewhere.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses: utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function range(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
