import { describe, expect, it } from 'vitest';
import { createBuildQueue } from '../src/watch/build-queue.js';

/** A build the test finishes by hand, so it can decide what happens during it. */
function controlledBuilds() {
  const started: { finish: () => void; fail: (error: Error) => void }[] = [];
  const run = () =>
    new Promise<void>((resolve, reject) => started.push({ finish: resolve, fail: reject }));
  return { started, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('build queue', () => {
  it('starts a build at once when idle', async () => {
    const { started, run } = controlledBuilds();
    const queue = createBuildQueue(run, () => {});
    queue.request();
    expect(started).toHaveLength(1);
    expect(queue.running).toBe(true);
    started[0]!.finish();
    await queue.idle();
    expect(queue.running).toBe(false);
  });

  it('runs exactly one more build for any number of requests during a build', async () => {
    const { started, run } = controlledBuilds();
    const queue = createBuildQueue(run, () => {});
    queue.request();
    for (let i = 0; i < 5; i++) queue.request();
    await tick();
    expect(started).toHaveLength(1);
    started[0]!.finish();
    await tick();
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await queue.idle();
    expect(started).toHaveLength(2);
  });

  it('never runs two builds at once', async () => {
    let running = 0;
    let most = 0;
    let builds = 0;
    const queue = createBuildQueue(
      async () => {
        running++;
        most = Math.max(most, running);
        builds++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
      },
      () => {},
    );
    queue.request();
    const requests = setInterval(() => queue.request(), 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(requests);
    await queue.idle();
    expect(most).toBe(1);
    // Requests came all the time, yet builds only ran back to back (at most ~100 / 20 + 1).
    expect(builds).toBeGreaterThanOrEqual(3);
    expect(builds).toBeLessThanOrEqual(7);
  });

  it('reports a failing build and goes on with the next request', async () => {
    const errors: unknown[] = [];
    const { started, run } = controlledBuilds();
    const queue = createBuildQueue(run, (error) => errors.push(error));
    queue.request();
    queue.request();
    started[0]!.fail(new Error('template error'));
    await tick();
    expect(errors).toEqual([new Error('template error')]);
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await queue.idle();
    queue.request();
    expect(started).toHaveLength(3);
    started[2]!.finish();
    await queue.idle();
    expect(errors).toHaveLength(1);
  });

  it('survives a build that throws synchronously and a reporter that throws', async () => {
    let builds = 0;
    const queue = createBuildQueue(
      () => {
        builds++;
        throw new Error('boom');
      },
      () => {
        throw new Error('reporter broke');
      },
    );
    queue.request();
    await queue.idle();
    queue.request();
    await queue.idle();
    expect(builds).toBe(2);
  });

  it('on close drops the pending build, waits for the running one and refuses new requests', async () => {
    const { started, run } = controlledBuilds();
    const queue = createBuildQueue(run, () => {});
    queue.request();
    queue.request();
    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    await tick();
    expect(closed).toBe(false);
    started[0]!.finish();
    await closing;
    expect(started).toHaveLength(1);
    queue.request();
    expect(started).toHaveLength(1);
    await queue.idle();
  });
});
