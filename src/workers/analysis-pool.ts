import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analyzed } from './analyze-text.js';
import type { WorkerSetup, WorkerTask } from './analysis-worker.js';

/**
 * How many threads analyze: `BRIEFING_WORKERS` when set (1 means the main thread alone), else
 * one per core.
 */
export function workerCount(requested?: number): number {
  const fromEnv = Number(process.env.BRIEFING_WORKERS);
  const count = requested ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
  return Math.max(1, Math.min(count ?? availableParallelism(), 16));
}

// Compiled, the worker is JavaScript beside this file; run from source (tests, the bench), it is
// TypeScript, which the thread reads through tsx's loader, as the code that started it did.
const here = fileURLToPath(import.meta.url);
const fromSource = here.endsWith('.ts');
const workerFile = path.join(path.dirname(here), `analysis-worker${fromSource ? '.ts' : '.js'}`);

function startWorker(workerData: WorkerSetup): Worker {
  if (!fromSource) return new Worker(workerFile, { workerData });
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const entry = pathToFileURL(workerFile).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/** tsx's ESM API (its `register` hooks TypeScript into this thread's imports), as a file. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return path.join(path.dirname(manifest), exports['./esm/api']!.import.default);
}

interface Pending {
  task: WorkerTask;
  resolve(result: Analyzed<unknown>): void;
  reject(error: Error): void;
}

/** The pool kept between builds of this process, for the setup it was started with. */
let shared: { key: string; pool: AnalysisPool } | null = null;

/**
 * A pool of at least `size` threads for `setup`, kept for the next builds of this process
 * (`briefing watch` and `serve` rebuild with the analyzer already loaded in its threads, where a
 * fresh thread spends a second loading it). Idle threads do not keep the process alive.
 */
export function sharedPool(size: number, setup: WorkerSetup): AnalysisPool {
  const key = JSON.stringify(setup);
  if (shared && shared.key !== key) {
    void shared.pool.close();
    shared = null;
  }
  shared ??= { key, pool: new AnalysisPool(0, setup) };
  shared.pool.grow(size);
  return shared.pool;
}

/**
 * A pool of worker threads that analyze documents in parallel. Tasks are answered as they
 * finish; a worker that dies fails the task it held (which becomes that document's error) and
 * is replaced. A thread keeps the process alive only while it has a task.
 */
export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  /** Starts threads until there are `size`. */
  grow(size: number): void {
    while (this.idle.length + this.busy.size < size) this.idle.push(this.spawn());
  }

  /** Analyzes one document's text. */
  analyze(relative: string, text: string): Promise<Analyzed<unknown>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, path: relative, text }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; tasks still queued fail. */
  async close(): Promise<void> {
    this.closed = true;
    if (shared?.pool === this) shared = null;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('analysis stopped'));
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.ref();
      worker.postMessage(pending.task);
    }
  }

  private spawn(): Worker {
    const worker = startWorker(this.setup);
    worker.on('message', (message: { id: number; result: Analyzed<unknown> }) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      worker.unref();
      if (pending?.task.id === message.id) pending.resolve(message.result);
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.replace(worker, new Error(`analysis thread exited (${code})`));
    });
    worker.unref();
    return worker;
  }

  private replace(worker: Worker, error: Error): void {
    const pending = this.busy.get(worker);
    if (!this.busy.delete(worker) && !this.idle.includes(worker)) return;
    this.idle.splice(this.idle.indexOf(worker), this.idle.includes(worker) ? 1 : 0);
    void worker.terminate();
    pending?.reject(error);
    if (!this.closed) {
      this.idle.push(this.spawn());
      this.dispatch();
    }
  }
}
