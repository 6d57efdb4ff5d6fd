import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { lock } from 'proper-lockfile';
import { BuildError } from './build-error.js';
import { recoverOutput } from './commit-output.js';
import { describeOwner, forgetOwner, readOwner, recordOwner } from './lock-owner.js';

/** The lock, a folder inside the output folder (created by `mkdir`, which is atomic). */
export const LOCK_DIR = '.lock';

/** How long to wait for another build, and when a lock counts as left by a dead process. */
export interface LockTimings {
  /** Longest wait for the lock before failing with `output-locked` (default 3 min). */
  waitMs: number;
  /**
   * A lock its holder has not refreshed for this long was left by a process that died and is
   * taken over (default 30 s; at least 2 s). The holder refreshes it every quarter of this.
   */
  staleMs: number;
}

/** Defaults, overridden by `BRIEFING_LOCK_WAIT_MS` and `BRIEFING_LOCK_STALE_MS` (for tests). */
export const DEFAULT_LOCK_TIMINGS: LockTimings = { waitMs: 180_000, staleMs: 30_000 };

/** What `withOutputLock` accepts. */
export interface OutputLockOptions extends Partial<LockTimings> {
  /** Told once, when the lock is held by another process and this one starts waiting. */
  onWait?: (message: string) => void;
}

/** The lock while `withOutputLock`'s function runs. */
export interface HeldLock {
  /** Aborted if the lock was lost (not refreshed in time and taken over by another process). */
  readonly signal: AbortSignal;
  /** Throws `BuildError` `output-lock-lost` if the lock was lost: call it before committing. */
  assertHeld(): void;
}

const POLL_MS = 200;
/** proper-lockfile's floor: its holder refreshes the lock at least every second. */
const MIN_STALE_MS = 2_000;

/**
 * Runs `fn` while holding the lock of the output folder (created if missing), so that builds
 * (and anything else that writes there) never overlap. Waits while another process holds it,
 * telling `onWait` once, and fails with `BuildError` `output-locked` after `waitMs`. A lock left
 * by a process that was killed is taken over once it is `staleMs` old. Before `fn` runs,
 * whatever a killed build left half done is put right (`recoverOutput`), so `fn` always finds
 * one whole edition. Released when `fn` settles.
 */
export async function withOutputLock<T>(
  output: string,
  fn: (lock: HeldLock) => Promise<T>,
  options: OutputLockOptions = {},
): Promise<T> {
  const timings = lockTimings(options);
  await mkdir(output, { recursive: true });
  const lost = new AbortController();
  const release = await acquire(output, timings, lost, options.onWait);
  try {
    await recordOwner(output);
    await recoverOutput(output).catch((error: unknown) => {
      throw new BuildError(
        'output-recovery-failed',
        `Cannot finish what an interrupted build left in ${output}`,
        { cause: error },
      );
    });
    return await fn({
      signal: lost.signal,
      assertHeld() {
        if (lost.signal.aborted) {
          throw new BuildError(
            'output-lock-lost',
            `Lost the lock on ${output}: another build may be writing there. Nothing was committed; build again.`,
            { cause: lost.signal.reason },
          );
        }
      },
    });
  } finally {
    if (!lost.signal.aborted) await forgetOwner(output);
    // Rejects when the lock was lost, which `assertHeld` has reported.
    await release().catch(() => {});
  }
}

/** The timings: `overrides`, else the environment, else the defaults. */
export function lockTimings(
  overrides: Partial<LockTimings> = {},
  env: NodeJS.ProcessEnv = process.env,
): LockTimings {
  return {
    waitMs: overrides.waitMs ?? fromEnv(env.BRIEFING_LOCK_WAIT_MS) ?? DEFAULT_LOCK_TIMINGS.waitMs,
    staleMs: Math.max(
      MIN_STALE_MS,
      overrides.staleMs ?? fromEnv(env.BRIEFING_LOCK_STALE_MS) ?? DEFAULT_LOCK_TIMINGS.staleMs,
    ),
  };
}

async function acquire(
  output: string,
  timings: LockTimings,
  lost: AbortController,
  onWait: ((message: string) => void) | undefined,
): Promise<() => Promise<void>> {
  const deadline = Date.now() + timings.waitMs;
  for (let attempt = 0; ; attempt++) {
    const release = await tryLock(output, timings, lost);
    if (release) return release;
    const owner = describeOwner(await readOwner(output));
    if (Date.now() >= deadline) {
      throw new BuildError(
        'output-locked',
        `Another build is writing to ${output}${owner}; gave up after waiting ${seconds(timings.waitMs)}.`,
      );
    }
    if (attempt === 0) onWait?.(waitingMessage(output, owner, timings));
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, deadline - Date.now())));
  }
}

/** Takes the lock (a stale one included); `null` when another process holds it. */
async function tryLock(
  output: string,
  timings: LockTimings,
  lost: AbortController,
): Promise<(() => Promise<void>) | null> {
  try {
    return await lock(output, {
      lockfilePath: path.join(output, LOCK_DIR),
      stale: timings.staleMs,
      update: timings.staleMs / 4,
      onCompromised: (error) => lost.abort(error),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return null;
    throw new BuildError('output-lock-failed', `Cannot lock the output folder ${output}`, {
      cause: error,
    });
  }
}

function waitingMessage(output: string, owner: string, timings: LockTimings): string {
  return (
    `Waiting for another build of ${output} to finish${owner}, for up to ${seconds(timings.waitMs)} ` +
    `(a lock left by a killed build is taken over after ${seconds(timings.staleMs)})`
  );
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function fromEnv(value: string | undefined): number | undefined {
  const ms = Number(value);
  return value && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
