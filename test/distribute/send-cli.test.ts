import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { corpus, root } from '../helpers/paths.js';
import { freshOutput, sampleOutput } from '../helpers/mail-setup.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { runCli } from '../helpers/run-cli.js';

let server: TestSmtp;

beforeAll(async () => {
  await sampleOutput();
  server = await startSmtp({
    onRcpt: (address) =>
      address === 'gone@example.org' ? { code: 550, message: '5.1.1 No such user' } : undefined,
  });
}, 120_000);

afterAll(async () => {
  await server.close();
});

/** The shipped config with `changes`, written next to `output`. */
async function configWith(output: string, changes: Record<string, unknown>): Promise<string> {
  const shipped = parse(await readFile(path.join(root, 'briefing.config.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  const file = path.join(path.dirname(output), 'briefing.config.yaml');
  await writeFile(file, stringify({ ...shipped, corpus, output, ...changes }));
  return file;
}

describe('briefing send (CLI)', () => {
  it('sends, reports refusals on stderr, and ends with one summary line', async () => {
    const output = await freshOutput();
    const config = await configWith(output, {});
    const run = await runCli(['send', '--config', config], {
      env: { BRIEFING_SMTP_URL: server.url },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'refused: list "editors" may not receive government-relations (marked UNCLASSIFIED//FOR OFFICIAL USE ONLY; not allowed: FOUO, SBU)',
    );
    expect(run.stdout.trim()).toMatch(
      new RegExp(
        `^Sent 5 messages via smtp://127\\.0\\.0\\.1:${server.port} in [\\d.]+ s — 1 refusal$`,
      ),
    );

    const status = await runCli(['send', '--status', '--config', config]);
    expect(status.code).toBe(0);
    const lines = status.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^THEME\s+EDITION\s+RECIPIENT\s+STATE\s+TRIES\s+UPDATED\s+CHANNEL\s+REPLY$/,
    );
    expect(lines.slice(1, -1).filter((line) => /\bsent\b/.test(line))).toHaveLength(5);
    expect(lines.at(-1)).toBe('5 sent');
  });

  it('exits 1 and names the recipient when a message is refused for good', async () => {
    const output = await freshOutput();
    const config = await configWith(output, {
      lists: [
        {
          name: 'readers',
          themes: ['ip-enforcement'],
          recipients: [{ address: 'kept@example.org' }, { address: 'gone@example.org' }],
        },
      ],
    });
    const run = await runCli(['send', '--config', config], {
      env: { BRIEFING_SMTP_URL: server.url },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /failed: ip-enforcement #1 to gone@example\.org \(permanent\): 550 5\.1\.1 No such user/,
    );
    expect(run.stdout).toMatch(/^Sent 1 message via .* — 1 failed$/m);
  });

  it('exits 2 on an unknown list, theme or a bad --to address', async () => {
    const output = await sampleOutput();
    const config = await configWith(output, {});
    const list = await runCli(['send', '--config', config, '--list', 'nobody']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(
      'No distribution list "nobody" (lists: editors, government-liaison)',
    );
    const theme = await runCli(['send', '--config', config, '--theme', 'weather']);
    expect(theme.code).toBe(2);
    expect(theme.stderr).toContain('No briefing "weather"');
    const to = await runCli(['send', '--config', config, '--to', 'a@example.org,not-an-address']);
    expect(to.code).toBe(2);
    expect(to.stderr).toContain('"not-an-address" is not an email address');
  });

  it('exits 1 naming the list and the recipient of a bad address in the config', async () => {
    const output = await sampleOutput();
    const config = await configWith(output, {
      lists: [
        {
          name: 'desk',
          recipients: [{ address: 'a@example.org' }, { name: 'Bob', address: 'bob@' }],
        },
      ],
    });
    const run = await runCli(['send', '--config', config, '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /lists\.0\.recipients\.1\.address \(line \d+\): list "desk", recipient 2 \(Bob\): not a valid email address/,
    );
  });

  it('says to build first when there is nothing to send', async () => {
    const empty = path.join(await mkdtemp(path.join(os.tmpdir(), 'briefing-send-')), 'output');
    const config = await configWith(empty, {});
    const run = await runCli(['send', '--config', config]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('run `briefing build` first');
  });

  it('build --send builds, then sends each new edition once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-send-'));
    const output = path.join(dir, 'output');
    const config = await configWith(output, {});
    const env = { BRIEFING_SMTP_URL: server.url };
    const before = server.received.length;
    const first = await runCli(['build', '--no-pdf', '--send', '--config', config], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Built 3 briefings .*\nSent 5 messages via /m);
    expect(server.received.length - before).toBe(5);
    const second = await runCli(['build', '--no-pdf', '--send', '--config', config], { env });
    expect(second.stdout).toMatch(/nothing changed\nSent 0 messages .* — 5 already sent/);
    expect(server.received.length - before).toBe(5);
  });
});
