import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliveryStatus, LEDGER_FILE, send } from '../../src/distribute/send.js';
import { startDroppingProxy, startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { freshOutput, mailConfig, sampleOutput } from '../helpers/mail-setup.js';
import type { CorpusModel } from '../../src/model.js';

const servers: { close(): Promise<void> }[] = [];
async function smtp(...args: Parameters<typeof startSmtp>): Promise<TestSmtp> {
  const server = await startSmtp(...args);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  await sampleOutput();
}, 120_000);

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Who got what: `theme → sorted recipient addresses`. */
function byTheme(server: TestSmtp): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const message of server.received) {
    const theme = String(message.parsed.headers.get('x-briefing-edition')).split('/')[0]!;
    (result[theme] ??= []).push(...message.to);
  }
  for (const list of Object.values(result)) list.sort();
  return result;
}

describe('send: the current editions to a real SMTP server on 127.0.0.1', () => {
  it('sends each briefing to its lists with both bodies, the PDF and a stable Message-ID', async () => {
    const output = await freshOutput();
    const server = await smtp();
    const config = await mailConfig(output, { smtp: server.url });
    const result = await send(config);

    expect(result.channel).toBe(`smtp://127.0.0.1:${server.port}`);
    expect(result.failed).toEqual([]);
    expect(result.sent).toHaveLength(5);
    expect(byTheme(server)).toEqual({
      'international-expansion': ['desk@example.org', 'night@example.org'],
      'ip-enforcement': ['desk@example.org', 'night@example.org'],
      'government-relations': ['liaison@example.gov'],
    });

    const message = server.received.find((m) => m.to.includes('liaison@example.gov'))!.parsed;
    expect(message.subject).toBe(
      '[UNCLASSIFIED//FOR OFFICIAL USE ONLY] Government relations — 22 November 2026',
    );
    expect(message.from?.value[0]).toMatchObject({
      name: 'Briefing desk',
      address: 'briefings@example.org',
    });
    expect(message.to && !Array.isArray(message.to) && message.to.value[0]).toMatchObject({
      name: 'Liaison Officer',
      address: 'liaison@example.gov',
    });
    const row = result.sent.find((r) => r.address === 'liaison@example.gov')!;
    expect(message.messageId).toBe(row.messageId);
    expect(row.messageId).toMatch(/^<government-relations\.1\.[0-9a-f]+\.[0-9a-f]+@example\.org>$/);

    // Plain text: marking first, the bottom line, dated developments, numbered sources.
    expect(message.text).toMatch(/^UNCLASSIFIED\/\/FOR OFFICIAL USE ONLY\n/);
    expect(message.text).toContain('BOTTOM LINE');
    expect(message.text).toMatch(/\(SBU\) .*Wang Yang/);
    expect(message.text).toMatch(/KEY DEVELOPMENTS\n- February 2008: /);
    expect(message.text).toMatch(/SOURCES\n\[1\] /);

    // HTML: the same content, styles inlined on the elements, nothing loaded from anywhere.
    const html = String(message.html);
    expect(html).toContain('Bottom line');
    expect(html).toContain('Party Secretary Wang');
    expect(html).toMatch(/<h2 style="[^"]*font-family/);
    expect(html).not.toMatch(/<img|<script|<link|url\(|https?:\/\//i);

    // The PDF is the one the build printed, byte for byte.
    expect(message.attachments).toHaveLength(1);
    const [pdf] = message.attachments;
    expect(pdf!.filename).toBe('government-relations-2026-11-22.pdf');
    expect(pdf!.contentType).toBe('application/pdf');
    expect(
      Buffer.compare(pdf!.content, await readFile(path.join(output, 'government-relations.pdf'))),
    ).toBe(0);
  });

  it('never sends an edition twice to a recipient: a second run sends nothing', async () => {
    const output = await freshOutput();
    const server = await smtp();
    const config = await mailConfig(output, { smtp: server.url });
    await send(config);
    const again = await send(config);
    expect(again.sent).toEqual([]);
    expect(again.alreadySent).toHaveLength(5);
    expect(server.received).toHaveLength(5);
    const status = await deliveryStatus(config);
    expect(status.map((row) => row.state)).toEqual(Array(5).fill('sent'));
    expect(status.every((row) => row.reply?.startsWith('250'))).toBe(true);
  });

  it('holds the rate limit and the connection pool across the whole run', async () => {
    const output = await freshOutput();
    const server = await smtp();
    const config = await mailConfig(output, { smtp: server.url, connections: 2, rate: 2 });
    const result = await send(config);
    expect(result.sent).toHaveLength(5);
    // At most 2 messages a second: 5 messages take three one-second windows, so the last starts
    // two seconds after the first (unlimited, all 5 arrive within a few hundred ms); and never
    // more than 2 connections.
    expect(server.arrivals.at(-1)! - server.arrivals[0]!).toBeGreaterThanOrEqual(1500);
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('does not send a marked briefing to a list that may not receive its marking', async () => {
    const output = await freshOutput();
    const server = await smtp();
    const result = await send(await mailConfig(output, { smtp: server.url }));
    expect(result.refused).toEqual([
      {
        list: 'editors',
        theme: 'government-relations',
        marking: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
        controls: ['FOUO', 'SBU'],
      },
    ]);
    const toEditors = server.received.filter((m) => m.to.some((a) => a.endsWith('@example.org')));
    expect(toEditors.map((m) => m.parsed.subject)).not.toContainEqual(
      expect.stringContaining('Government relations'),
    );
  });

  it('retries 421 and 451 with back-off, then delivers each message once', async () => {
    const output = await freshOutput();
    const server = await smtp({
      onData: (n) =>
        n === 1
          ? { code: 421, message: 'Try again later' }
          : n <= 3
            ? { code: 451, message: 'Local error in processing' }
            : undefined,
    });
    const config = await mailConfig(output, { smtp: server.url, connections: 1 });
    const result = await send(config);
    expect(result.failed).toEqual([]);
    expect(server.received).toHaveLength(5);
    expect(new Set(server.received.map((m) => m.parsed.messageId)).size).toBe(5);
    expect(Math.max(...result.sent.map((row) => row.attempts))).toBeGreaterThan(1);
  });

  it('records a 550 for one recipient, delivers the rest, and does not retry it', async () => {
    const output = await freshOutput();
    const server = await smtp({
      onRcpt: (address) =>
        address === 'night@example.org' ? { code: 550, message: 'No such user here' } : undefined,
    });
    const config = await mailConfig(output, { smtp: server.url });
    const result = await send(config);
    expect(result.failed.map((row) => [row.address, row.permanent, row.attempts])).toEqual([
      ['night@example.org', true, 1],
      ['night@example.org', true, 1],
    ]);
    expect(result.failed[0]!.reply).toMatch(/550/);
    expect(server.received).toHaveLength(3);
    const again = await send(config);
    expect(again.sent).toEqual([]);
    expect(again.failed).toHaveLength(2);
    expect(server.received).toHaveLength(3);
  });

  it('gives up on a temporary failure after the configured retries, and retries it next run', async () => {
    const output = await freshOutput();
    let refuse = true;
    const server = await smtp({
      onData: (_n, to) =>
        refuse && to.includes('desk@example.org')
          ? { code: 452, message: 'Mailbox full' }
          : undefined,
    });
    const config = await mailConfig(output, { smtp: server.url, retries: 2 });
    const first = await send(config);
    expect(first.failed.map((row) => [row.address, row.permanent, row.attempts])).toEqual([
      ['desk@example.org', false, 3],
      ['desk@example.org', false, 3],
    ]);
    refuse = false;
    const second = await send(config);
    expect(second.sent.map((row) => row.address)).toEqual(['desk@example.org', 'desk@example.org']);
    expect(server.received.filter((m) => m.to.includes('desk@example.org'))).toHaveLength(2);
  });

  it('resends over a new connection when the connection drops in the middle of DATA', async () => {
    // The client cannot tell a drop in the body from one after the final dot, so it reports the
    // message as possibly duplicated; here the server got it once.
    const output = await freshOutput();
    const server = await smtp();
    const proxy = await startDroppingProxy(server.port, 2);
    servers.push(proxy);
    const config = await mailConfig(output, { smtp: proxy.url, connections: 1 });
    const result = await send(config);
    expect(proxy.drops()).toBe(2);
    expect(result.failed).toEqual([]);
    const flagged = result.sent.filter((row) => row.possiblyDuplicate);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.attempts).toBe(3);
    expect(server.received).toHaveLength(5);
    expect(new Set(server.received.map((m) => m.parsed.messageId)).size).toBe(5);
  });

  it('flags a message as possibly duplicated when the connection drops before the reply', async () => {
    const output = await freshOutput();
    const server = await smtp();
    const proxy = await startDroppingProxy(server.port, 1, 'reply');
    servers.push(proxy);
    const config = await mailConfig(output, { smtp: proxy.url, connections: 1 });
    const result = await send(config);
    expect(proxy.drops()).toBe(1);
    expect(result.failed).toEqual([]);
    // The server accepted the first message, then got it again: same Message-ID both times.
    expect(server.received).toHaveLength(6);
    const twice = result.sent.filter((row) => row.possiblyDuplicate);
    expect(twice).toHaveLength(1);
    expect(server.received.filter((m) => m.parsed.messageId === twice[0]!.messageId)).toHaveLength(
      2,
    );
  });

  it('keeps every header one line when corpus text carries CR/LF', async () => {
    const output = await freshOutput();
    const file = path.join(output, 'model.json');
    const model = JSON.parse(await readFile(file, 'utf8')) as CorpusModel;
    const briefing = model.briefings.find((b) => b.theme === 'government-relations')!;
    briefing.marking = {
      banner: 'UNCLASSIFIED\r\nBcc: spy@evil.example\r\nX-Injected: yes',
      handling: 'FOR OFFICIAL USE ONLY',
    };
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, JSON.stringify(model));
    const server = await smtp();
    const lists = [{ ...(await mailConfig(output)).lists[1]!, markings: ['*'] }];
    await send(await mailConfig(output, { smtp: server.url }, lists));
    expect(server.received).toHaveLength(1);
    const [message] = server.received;
    expect(message!.to).toEqual(['liaison@example.gov']);
    expect(message!.parsed.headers.has('x-injected')).toBe(false);
    expect(message!.parsed.bcc).toBeUndefined();
    expect(message!.parsed.subject).toBe(
      '[UNCLASSIFIED Bcc: spy@evil.example X-Injected: yes] Government relations — 22 November 2026',
    );
  });

  it('--to sends to the given addresses only, under no list policy unless --list is given', async () => {
    const output = await freshOutput();
    const server = await smtp();
    const config = await mailConfig(output, { smtp: server.url });
    const result = await send(config, { to: ['Someone@Example.net'] });
    expect(result.refused.map((r) => [r.list, r.theme])).toEqual([
      ['--to', 'government-relations'],
    ]);
    // The domain is case-insensitive, the local part is the recipient's own.
    expect(byTheme(server)).toEqual({
      'international-expansion': ['Someone@example.net'],
      'ip-enforcement': ['Someone@example.net'],
    });
    const liaison = await send(config, {
      to: ['someone@example.net'],
      list: 'liaison',
      theme: 'government-relations',
    });
    expect(liaison.sent.map((row) => [row.theme, row.address])).toEqual([
      ['government-relations', 'someone@example.net'],
    ]);
  });

  it('writes .eml files to the outbox when no SMTP server is configured', async () => {
    const output = await freshOutput();
    const config = await mailConfig(output, { smtp: undefined });
    const result = await send(config);
    expect(result.channel).toBe('outbox');
    expect(result.sent).toHaveLength(5);
    const eml = await readFile(
      path.join(output, 'outbox', 'government-relations-1', 'liaison@example.gov.eml'),
      'utf8',
    );
    expect(eml).toMatch(/^Message-ID:\s+<government-relations\.1\./m);
    expect(eml).toContain(
      'Content-Type: application/pdf; name=government-relations-2026-11-22.pdf',
    );
    expect((await send(config)).alreadySent).toHaveLength(5);
  });

  it('a dry run writes to the outbox and records nothing in the ledger', async () => {
    const output = await freshOutput();
    const server = await smtp();
    const config = await mailConfig(output, { smtp: server.url });
    const result = await send(config, { dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.sent).toHaveLength(5);
    expect(server.received).toHaveLength(0);
    expect(existsSync(path.join(output, LEDGER_FILE))).toBe(false);
    expect(
      existsSync(path.join(output, 'outbox', 'ip-enforcement-1', 'desk@example.org.eml')),
    ).toBe(true);
  });
});
