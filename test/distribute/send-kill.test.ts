import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, root } from '../helpers/paths.js';
import { freshOutput, sampleOutput } from '../helpers/mail-setup.js';
import { startSmtp, type Reply, type TestSmtp } from '../helpers/smtp.js';
import { runCli } from '../helpers/run-cli.js';
import { loadConfig } from '../../src/config/load-config.js';
import { deliveryStatus } from '../../src/distribute/send.js';
import { until } from '../helpers/wait.js';

const RECIPIENTS = 40;
let server: TestSmtp;

beforeAll(async () => {
  await sampleOutput();
  // Each message takes a moment to accept, so several are in flight when the sender is killed;
  // the server keeps a message it received in full even if the sender is gone by then.
  server = await startSmtp({
    onData: () => new Promise<Reply>((done) => setTimeout(() => done(undefined), 25)),
  });
}, 120_000);

afterAll(async () => {
  await server.close();
});

/** A config file: the shipped themes, one list of many recipients, this server. */
async function writeConfig(output: string): Promise<string> {
  const shipped = parse(await readFile(path.join(root, 'briefing.config.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  const file = path.join(path.dirname(output), 'briefing.config.yaml');
  const recipients = Array.from({ length: RECIPIENTS }, (_, i) => ({
    address: `reader${String(i).padStart(2, '0')}@example.org`,
  }));
  await writeFile(
    file,
    stringify({
      ...shipped,
      corpus,
      output,
      mail: { from: { address: 'briefings@example.org' }, connections: 2, retryDelay: 20 },
      lists: [{ name: 'everyone', themes: '*', markings: ['*'], recipients }],
    }),
  );
  return file;
}

/** Starts `briefing send` and kills it (SIGKILL) once the server has `after` more messages. */
async function sendAndKill(
  configFile: string,
  after: number,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ code: number | null; stderr: string }> {
  const target = server.received.length + after;
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist', 'cli.js'), 'send', '--config', configFile],
    {
      env: { ...process.env, BRIEFING_SMTP_URL: server.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', done));
  await until(
    () => server.received.length >= target || child.exitCode !== null,
    'messages',
    30_000,
  );
  child.kill(signal);
  return { code: await exited, stderr };
}

describe('send: a run killed part-way is resumed by the next', () => {
  it('serves every recipient exactly once, or flags the message as possibly duplicated', async () => {
    const output = await freshOutput();
    const configFile = await writeConfig(output);
    const total = 3 * RECIPIENTS;
    const start = server.received.length;
    for (const after of [7, 23, 41]) await sendAndKill(configFile, after);
    const killedAt = server.received.length - start;
    expect(killedAt).toBeGreaterThan(60);
    expect(killedAt).toBeLessThan(total);

    const resumed = await runCli(['send', '--config', configFile], {
      env: { BRIEFING_SMTP_URL: server.url },
    });
    expect(resumed.code).toBe(0);

    const config = await loadConfig({ configFile, overrides: { output } });
    const rows = await deliveryStatus(config);
    expect(rows).toHaveLength(total);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);

    const counts = new Map<string, number>();
    for (const message of server.received.slice(start)) {
      const id = message.parsed.messageId!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const row of rows) {
      const times = counts.get(row.messageId) ?? 0;
      expect(times, `${row.theme} to ${row.address}`).toBeGreaterThanOrEqual(1);
      if (times > 1) expect(row.possiblyDuplicate, `${row.theme} to ${row.address}`).toBe(true);
    }
    // Messages were in flight at each kill: the next run cannot know whether they went out.
    expect(rows.some((row) => row.possiblyDuplicate)).toBe(true);
    // The ledger says which ones may have gone out twice.
    const status = await runCli(['send', '--status', '--config', configFile]);
    const flagged = status.stdout
      .split('\n')
      .filter((line) => line.includes('possibly duplicated'));
    expect(flagged).toHaveLength(rows.filter((row) => row.possiblyDuplicate).length);
    // A run after that sends nothing.
    const after = server.received.length;
    const again = await runCli(['send', '--config', configFile], {
      env: { BRIEFING_SMTP_URL: server.url },
    });
    expect(again.stdout).toMatch(
      /^Sent 0 messages via smtp:\/\/127\.0\.0\.1:\d+ .*120 already sent/m,
    );
    expect(server.received.length).toBe(after);
  }, 120_000);

  it('stops cleanly on SIGTERM: nothing in flight is lost or left in doubt', async () => {
    const output = await freshOutput();
    const configFile = await writeConfig(output);
    const stopped = await sendAndKill(configFile, 5, 'SIGTERM');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/stopped: interrupted; \d+ message\(s\) not yet handed over/);
    const config = await loadConfig({ configFile, overrides: { output } });
    const rows = await deliveryStatus(config);
    expect(rows.filter((row) => row.state === 'sending')).toEqual([]);
    expect(rows.filter((row) => row.state === 'sent').length).toBeGreaterThanOrEqual(5);
    const resumed = await runCli(['send', '--config', configFile], {
      env: { BRIEFING_SMTP_URL: server.url },
    });
    expect(resumed.code).toBe(0);
    const after = await deliveryStatus(config);
    expect(after.every((row) => row.state === 'sent' && !row.possiblyDuplicate)).toBe(true);
  }, 60_000);
});
