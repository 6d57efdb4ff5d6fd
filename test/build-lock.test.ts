import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, BuildError, type BuildLogger } from '../src/build.js';
import { loadConfig } from '../src/config/load-config.js';
import { withOutputLock } from '../src/build/lock.js';
import { startWatch } from '../src/watch/watch-session.js';
import { runCli } from './helpers/run-cli.js';
import { corpus as sampleCorpus, root } from './helpers/paths.js';
import { until } from './helpers/wait.js';
import { editionProblems, incompleteFiles, leftovers } from './helpers/edition-consistency.js';

let dir: string;
let corpus: string;
let count = 0;

/** A fresh output folder for each test. */
const freshOutput = () => path.join(dir, `output-${++count}`);

const configFor = (out: string, editionDate = '2026-11-22') =>
  loadConfig({ cwd: root, overrides: { corpus, output: out, pdf: false, editionDate } });

/** A logger that keeps what the build tells the user. */
function noticeLog(): BuildLogger & { notices: string[] } {
  const notices: string[] = [];
  return { notices, progress: () => {}, notice: (message) => notices.push(message) };
}

/** Holds the output folder's lock, as a running build would, until `release` is called. */
async function holdLock(out: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let taken!: () => void;
  const held = new Promise<void>((resolve) => (taken = resolve));
  const done = withOutputLock(out, async () => {
    taken();
    await released;
  });
  await held;
  return { release, done };
}

/** A child process running `script` (an ES module, with `root` and `argv` defined). */
function node(script: string, args: string[]): ChildProcess & { output: () => string } {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const root = ${JSON.stringify(root)}; const argv = process.argv.slice(1);\n${script}`,
      ...args,
    ],
    { env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Builds in a child process with a logger that prints what it tells the user. */
const BUILD_IN_CHILD = `
const { loadConfig } = await import(root + '/dist/config/load-config.js');
const { build } = await import(root + '/dist/build.js');
const config = await loadConfig({ cwd: root, overrides: { corpus: argv[0], output: argv[1], pdf: false, editionDate: '2026-11-22' } });
await build(config, { progress() {}, notice: (message) => console.error(message) });
console.log('built');
`;

/** Takes the lock in a child process and keeps it until killed. */
const HOLD_IN_CHILD = `
const { withOutputLock } = await import(root + '/dist/build/lock.js');
setInterval(() => {}, 1 << 30);
await withOutputLock(argv[0], () => { console.log('locked'); return new Promise(() => {}); });
`;

async function expectOneWholeEdition(out: string) {
  expect(await incompleteFiles(out)).toEqual([]);
  expect(await editionProblems(out, { pdf: false })).toEqual([]);
  expect(await leftovers(out)).toEqual([]);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-lock-'));
  corpus = path.join(dir, 'corpus');
  await cp(sampleCorpus, corpus, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one build at a time per output folder (issue 7)', () => {
  it('a build waits while another holds the lock, says for whom, then builds', async () => {
    const out = freshOutput();
    const holder = await holdLock(out);
    const child = node(BUILD_IN_CHILD, [corpus, out]);
    const log = noticeLog();
    const inProcess = build(await configFor(out), log);
    const waiting = `Waiting for another build of ${out} to finish (pid ${process.pid})`;
    await until(() => log.notices.length > 0 && child.output().includes(waiting), 'both to wait');
    expect(log.notices[0]).toContain(waiting);
    // Neither wrote anything while the lock was held.
    expect(await stat(path.join(out, 'model.json')).catch(() => null)).toBeNull();
    holder.release();
    await holder.done;
    expect((await inProcess).model.briefings).toHaveLength(3);
    expect(await exited(child)).toBe(0);
    expect(child.output()).toContain('built');
    await expectOneWholeEdition(out);
  }, 120_000);

  it('two builds started at once on the same folder both succeed, one after the other', async () => {
    const out = freshOutput();
    const args = ['build', '--no-pdf', '--corpus', corpus, '--out', out, '--date', '2026-11-22'];
    const runs = await Promise.all([runCli(args), runCli(args)]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Built 3 briefings/);
    }
    // The second found the first's edition in place and had nothing to change.
    expect(runs.filter((run) => run.stdout.includes('nothing changed'))).toHaveLength(1);
    await expectOneWholeEdition(out);
  }, 120_000);

  it('takes over a lock left by a build that was killed', async () => {
    const out = freshOutput();
    const holder = node(HOLD_IN_CHILD, [out]);
    await until(() => holder.output().includes('locked'), 'the child to take the lock');
    holder.kill('SIGKILL');
    await exited(holder);
    expect((await stat(path.join(out, '.lock'))).isDirectory()).toBe(true);
    const result = await build(await configFor(out), noticeLog(), {
      lock: { staleMs: 2_000, waitMs: 60_000 },
    });
    expect(result.model.briefings).toHaveLength(3);
    await expectOneWholeEdition(out);
  }, 120_000);

  it('gives up with output-locked, naming the folder, when the wait runs out', async () => {
    const out = freshOutput();
    const holder = await holdLock(out);
    try {
      const error = await build(await configFor(out), noticeLog(), {
        lock: { waitMs: 500 },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildError);
      expect((error as BuildError).code).toBe('output-locked');
      expect((error as BuildError).message).toContain(out);

      const run = await runCli(['build', '--no-pdf', '--corpus', corpus, '--out', out], {
        env: { BRIEFING_LOCK_WAIT_MS: '500' },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Another build is writing to ${out} (pid ${process.pid})`);
    } finally {
      holder.release();
      await holder.done;
    }
  }, 120_000);

  it('notices when its lock is taken away, so that a build would commit nothing', async () => {
    const out = freshOutput();
    const error = await withOutputLock(
      out,
      async (lock) => {
        lock.assertHeld();
        await rm(path.join(out, '.lock'), { recursive: true });
        await until(() => lock.signal.aborted, 'the loss to be noticed');
        lock.assertHeld();
      },
      { staleMs: 2_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).code).toBe('output-lock-lost');
  }, 60_000);

  it('watch holds the lock for each build, not for the whole session', async () => {
    const out = freshOutput();
    const failures: unknown[] = [];
    let builds = 0;
    const session = await startWatch({
      config: { cwd: root, overrides: { corpus, output: out, pdf: false } },
      reporter: { built: () => builds++, failed: (error) => failures.push(error) },
    });
    try {
      await until(() => builds === 1, 'the first build');
      await session.idle();
      const result = await build(await configFor(out), noticeLog(), { lock: { waitMs: 5_000 } });
      expect(result.model.briefings).toHaveLength(3);
      expect(failures).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);
});
