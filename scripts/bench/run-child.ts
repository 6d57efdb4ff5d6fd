/**
 * Runs a Node script as a child process the way a user would, and measures it: wall time from
 * spawn to exit, the Node process's peak RSS (via the preload) and the peak memory of the
 * processes it starts (Chromium).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleDescendants } from './process-tree.js';

/** The repository root, where the CLI finds `briefing.config.yaml`. */
export const root = path.resolve(import.meta.dirname, '..', '..');

const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'peak-rss-preload.mjs')).href;

/** What one child run measured. */
export interface ChildRun {
  /** Milliseconds from spawn to exit. */
  ms: number;
  /** Peak RSS of the Node process (all its threads), in KB; null if it did not report. */
  nodeKb: number | null;
  /** Peak summed PSS of its descendants (Chromium), in KB; 0 if none, null without /proc. */
  childrenKb: number | null;
  stdout: string;
}

/**
 * Runs `node --import <preload> <script> ...args` in the repository root and waits for it.
 * `env` entries are added to this process's environment (`undefined` removes one).
 * @throws when the child exits with a non-zero code, with the end of its output.
 */
export async function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<ChildRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-bench-rss-'));
  const rssFile = path.join(dir, 'maxrss');
  try {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, BENCH_MAXRSS_FILE: rssFile };
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[key];
      else childEnv[key] = value;
    }
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PRELOAD, script, ...args], {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = sampleDescendants(child.pid ?? -1);
    const output = { stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output.stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output.stderr += text));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (exitCode) => resolve(exitCode));
    });
    const ms = performance.now() - started;
    const childrenKb = sampler.stop();
    if (code !== 0) {
      const tail = `${output.stdout}\n${output.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`${path.basename(script)} ${args.join(' ')} exited with ${code}:\n${tail}`);
    }
    const reported = await readFile(rssFile, 'utf8').catch(() => null);
    return {
      ms,
      nodeKb: reported === null ? null : Number(reported),
      childrenKb,
      stdout: output.stdout,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `briefing build` from `dist/` with `args`. */
export function runBuild(args: readonly string[]): Promise<ChildRun> {
  return runNode(path.join(root, 'dist', 'cli.js'), ['build', ...args]);
}
