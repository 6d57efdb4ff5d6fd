import { build, type BuildLogger } from '../build.js';
import { loadConfig } from '../config/load-config.js';
import type { ConfigOverrides, ResolvedConfig } from '../config/resolve-config.js';
import type { BuildResult } from '../model.js';
import { createBuildQueue } from './build-queue.js';
import type { SourcePaths } from './source-paths.js';
import { watchSources, type SourceChange, type SourceWatcher } from './watch-corpus.js';

/** Where a watch session reports what happens. */
export interface WatchReporter {
  /** A build finished (its content problems are in `result.messages`). */
  built(result: BuildResult, config: ResolvedConfig): void;
  /** A build could not run, the changed config is invalid, or watching a path failed. */
  failed(error: unknown): void;
  /** A burst of changes is about to cause a build. */
  changed?(changes: SourceChange[]): void;
}

/** How to start a watch session. */
export interface WatchOptions {
  /** What `loadConfig` is given; the config file it finds is then kept for every reload. */
  config: { configFile?: string; cwd?: string; overrides?: ConfigOverrides };
  reporter: WatchReporter;
  logger?: BuildLogger;
  /** Quiet period before a burst of changes starts a build (default 200 ms). */
  debounceMs?: number;
}

/** A running watch session. */
export interface WatchSession {
  /** The config of the last build (the last valid one). */
  readonly config: ResolvedConfig;
  /** Resolves when no build is running or waiting (changes in their quiet period not included). */
  idle(): Promise<void>;
  /** Stops watching and resolves when the running build, if any, has ended. */
  close(): Promise<void>;
}

/**
 * Loads the config, starts watching its sources and builds once; then rebuilds after each burst
 * of changes, one build at a time. A changed config is reloaded before the build; an invalid one
 * is reported and the last valid one is kept. A failing build is reported and watching goes on.
 * Throws only when the config cannot be loaded at the start.
 */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const { reporter } = options;
  let config = await loadConfig(options.config);
  // Reload the file found at the start, even if it is deleted: falling back to another config
  // would silently change what is built.
  const reload = () =>
    loadConfig({
      ...options.config,
      ...(config.configFile ? { configFile: config.configFile } : {}),
    });
  let pending: SourceChange[] = [];
  let closed = false;

  const queue = createBuildQueue(async () => {
    const changes = pending;
    pending = [];
    if (changes.some((change) => change.kind === 'config')) {
      try {
        const next = await reload();
        await retarget(next);
        config = next;
      } catch (error) {
        reporter.failed(error);
        if (changes.every((change) => change.kind === 'config')) return;
      }
    }
    const built = config;
    reporter.built(await build(built, options.logger), built);
  }, reporter.failed);

  const start = async (paths: SourcePaths): Promise<SourceWatcher> => {
    const next = watchSources(paths, {
      onChanges: (changes) => {
        if (closed) return;
        pending.push(...changes);
        reporter.changed?.(changes);
        queue.request();
      },
      onError: reporter.failed,
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    });
    await next.ready;
    return next;
  };
  // The config may move the corpus, the templates or the output: watch the new places.
  const retarget = async (next: ResolvedConfig) => {
    const before = pathsOf(config);
    const after = pathsOf(next);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await watcher.close();
    watcher = await start(after);
  };

  let watcher = await start(pathsOf(config));
  queue.request();
  return {
    get config() {
      return config;
    },
    idle: () => queue.idle(),
    async close() {
      closed = true;
      await queue.close();
      await watcher.close();
    },
  };
}

function pathsOf(config: ResolvedConfig): SourcePaths {
  return {
    corpus: config.corpus,
    templates: config.templates,
    configFile: config.configFile,
    output: config.output,
  };
}
