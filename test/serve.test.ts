import { spawn } from 'node:child_process';
import {
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../src/model.js';
import { startServe, type ServeSession } from '../src/serve/serve-session.js';
import { LIVE_RELOAD_PATH } from '../src/serve/live-reload.js';
import { until } from './helpers/wait.js';
import { corpus, root } from './helpers/paths.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET (or other method): the path is sent exactly as given, never normalized. */
function request(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Whether a TCP connection to `host:port` is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000, () => (socket.destroy(), resolve(false)));
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

describe('serve', () => {
  let dir: string;
  let out: string;
  let session: ServeSession;
  let port: number;
  const builds: BuildResult[] = [];
  const failures: unknown[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-serve-'));
    out = path.join(dir, 'out');
    await cp(corpus, path.join(dir, 'corpus'), { recursive: true });
    // Copies of the config and the templates, so that edits to the project's own cannot interfere.
    await cp(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
    const config = await readFile(path.join(root, 'briefing.config.yaml'), 'utf8');
    await writeFile(path.join(dir, 'briefing.config.yaml'), `${config}\ntemplates: templates\n`);
    await writeFile(path.join(dir, 'secret.txt'), 'outside the output folder');
    session = await startServe({
      config: { cwd: dir, overrides: { output: out, pdf: false } },
      reporter: { built: (result) => builds.push(result), failed: (error) => failures.push(error) },
      debounceMs: 100,
      port: 0,
    });
    port = session.server.port;
    await until(() => builds.length === 1, 'the first build');
    await session.watch.idle();
  });
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(session.server.url).toBe(`http://127.0.0.1:${port}/`);
    expect(await connects('127.0.0.1', port)).toBe(true);
    const elsewhere = Object.values(os.networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal)
      .map((info) => info!.address);
    for (const address of ['::1', ...elsewhere]) {
      expect(await connects(address, port), address).toBe(false);
    }
  });

  it('serves the index at / with the live-reload script, never written to disk', async () => {
    const reply = await request(port, '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = reply.body.toString('utf8');
    expect(html).toMatch(/<script data-briefing-live-reload>.*EventSource.*<\/script>\n?<\/body>/s);
    expect(html).toContain(LIVE_RELOAD_PATH);
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    const onDisk = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(onDisk).not.toContain('data-briefing-live-reload');
    expect(html.replace(/<script data-briefing-live-reload>.*?<\/script>/, '')).toBe(onDisk);

    const page = await request(port, '/ip-enforcement.html');
    expect(page.body.toString()).toContain('data-briefing-live-reload');
  });

  it('gives every kind of file its content type, byte for byte', async () => {
    const font = (await readdir(path.join(out, 'fonts'))).find((f) => f.endsWith('.woff2'))!;
    const reply = await request(port, `/fonts/${font}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('font/woff2');
    expect(reply.body.equals(await readFile(path.join(out, 'fonts', font)))).toBe(true);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');

    const json = await request(port, '/model.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.body.toString()).documents).toHaveLength(4);

    const samples: Record<string, string> = {
      'sample.pdf': 'application/pdf',
      'sample.css': 'text/css; charset=utf-8',
      'sample.svg': 'image/svg+xml',
      'sample.bin': 'application/octet-stream',
    };
    for (const [name, type] of Object.entries(samples)) {
      await writeFile(path.join(out, name), `${name}\n`);
      const sample = await request(port, `/${name}`);
      expect([sample.status, sample.headers['content-type'], sample.body.toString()]).toEqual([
        200,
        type,
        `${name}\n`,
      ]);
    }
    const head = await request(port, '/sample.pdf', { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '11', 0]);
  });

  it('refuses paths outside the output folder, however they are spelled', async () => {
    for (const target of [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/fonts/..%2f..%2fsecret.txt',
      '/fonts/../../secret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
    ]) {
      const reply = await request(port, target);
      expect([403, 404], target).toContain(reply.status);
      expect(reply.body.toString()).not.toContain('outside the output folder');
    }
    expect((await request(port, '/%e0%a4%a')).status).toBe(400);
    expect((await request(port, '/index.html%00.pdf')).status).toBe(400);
  });

  it('does not follow a symlink out of the output folder', async () => {
    await symlink(path.join(dir, 'secret.txt'), path.join(out, 'leak.txt'));
    await symlink(dir, path.join(out, 'escape'));
    for (const target of ['/leak.txt', '/escape/secret.txt', '/escape/']) {
      const reply = await request(port, target);
      expect(reply.status, target).toBe(403);
      expect(reply.body.toString()).not.toContain('outside the output folder');
    }
  });

  it('lists no folder, hides hidden files, and only answers GET and HEAD', async () => {
    expect((await request(port, '/fonts/')).status).toBe(404);
    const redirect = await request(port, '/fonts');
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/fonts/']);
    await writeFile(path.join(out, '.hidden.json'), '{}');
    expect((await request(port, '/.hidden.json')).status).toBe(404);
    expect((await request(port, '/missing.html')).status).toBe(404);
    const post = await request(port, '/', { method: 'POST' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    expect((await request(port, '/', { headers: { Host: 'attacker.example' } })).status).toBe(403);
    expect((await request(port, '/', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('sends a build event to open pages after a rebuild caused by a file change', async () => {
    let received = '';
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: LIVE_RELOAD_PATH, agent: false }, resolve)
        .on('error', reject);
    });
    try {
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      res.on('data', (chunk: Buffer) => (received += chunk.toString()));
      await until(() => received.includes(': connected'), 'the stream to open');
      expect(received).not.toContain('event: build');
      await writeFile(
        path.join(dir, 'corpus', 'new.md'),
        '---\ntitle: Fresh\n---\n\nNews abroad.\n',
      );
      await until(() => received.includes('event: build'), 'the build event');
      expect(received).toMatch(/event: build\ndata: \{"documents":5\}\n\n/);
      expect(builds.length).toBe(2);
      expect(failures).toEqual([]);
    } finally {
      res.destroy();
    }
  });
});

describe('serve start-up', () => {
  it('shows a waiting page until a first build succeeds', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-serve-'));
    await mkdir(path.join(dir, 'corpus'));
    const failures: unknown[] = [];
    let builds = 0;
    const session = await startServe({
      config: {
        cwd: dir,
        overrides: { corpus: path.join(dir, 'corpus'), output: path.join(dir, 'out'), pdf: false },
      },
      reporter: { built: () => builds++, failed: (error) => failures.push(error) },
      debounceMs: 100,
      port: 0,
    });
    try {
      await until(() => failures.length === 1, 'the failed first build');
      expect(String(failures[0])).toMatch(/No readable document/);
      const waiting = await request(session.server.port, '/');
      expect(waiting.status).toBe(503);
      expect(waiting.body.toString()).toContain('data-briefing-live-reload');
      await writeFile(path.join(dir, 'corpus', 'first.md'), '# First\n\nNews from abroad.\n');
      await until(() => builds === 1, 'the first good build');
      expect((await request(session.server.port, '/')).status).toBe(200);
    } finally {
      await session.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails cleanly when the port is taken, leaving nothing running', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-serve-'));
    try {
      await expect(
        startServe({
          config: { cwd: dir, overrides: { corpus, output: path.join(dir, 'out'), pdf: false } },
          reporter: { built: () => {}, failed: () => {} },
          port,
        }),
      ).rejects.toThrow(/EADDRINUSE/);
      // The session was closed, and closing waited for the first build to end.
      expect((await stat(path.join(dir, 'out', 'model.json'))).isFile()).toBe(true);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('briefing serve (the command)', () => {
  it('prints the URL, serves the output and stops cleanly on SIGINT', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-serve-'));
    await cp(corpus, path.join(dir, 'corpus'), { recursive: true });
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'src', 'cli.ts'),
        'serve',
        '--port',
        '0',
        '--no-pdf',
        '--corpus',
        path.join(dir, 'corpus'),
        '--out',
        path.join(dir, 'out'),
      ],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' } },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await until(() => /^Built 3 briefings/m.test(stdout), 'the first build', 40_000);
      const url = /at (http:\/\/127\.0\.0\.1:(\d+)\/)$/m.exec(stdout);
      expect(url).not.toBeNull();
      const reply = await request(Number(url![2]), '/');
      expect(reply.status).toBe(200);
      expect(reply.body.toString()).toContain('data-briefing-live-reload');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a bad --port', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src', 'cli.ts'), 'serve', '--port', 'eighty'],
      { cwd: root },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
    expect(stderr).toMatch(/--port <n>.*eighty.*0 to 65535/s);
  });
});
