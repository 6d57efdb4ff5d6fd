/** Runs builds one at a time; requests that arrive during a build are coalesced into one more. */
export interface BuildQueue {
  /**
   * Asks for a build: starts one now when none is running, otherwise marks exactly one build
   * to run after the current one, however many requests arrive meanwhile. Ignored once closed.
   */
  request(): void;
  /** Whether a build is running. */
  readonly running: boolean;
  /** Resolves once no build is running and none is pending. */
  idle(): Promise<void>;
  /** Drops a pending build, refuses new requests and resolves when the running build has ended. */
  close(): Promise<void>;
}

/**
 * Creates a build queue around `run`. A build that throws is passed to `onError` and the queue
 * goes on: the next request starts a new build.
 */
export function createBuildQueue(
  run: () => Promise<void>,
  onError: (error: unknown) => void,
): BuildQueue {
  let current: Promise<void> | null = null;
  let pending = false;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const start = () => {
    pending = false;
    current = attempt(run, onError).then(() => {
      current = null;
      if (pending && !closed) start();
      else settle();
    });
  };

  return {
    request() {
      if (closed) return;
      if (current) pending = true;
      else start();
    },
    get running() {
      return current !== null;
    },
    idle() {
      if (!current && !pending) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      pending = false;
      await current;
    },
  };
}

async function attempt(run: () => Promise<void>, onError: (error: unknown) => void) {
  try {
    await run();
  } catch (error) {
    try {
      onError(error);
    } catch {
      // A reporter that throws must not stop the queue.
    }
  }
}
