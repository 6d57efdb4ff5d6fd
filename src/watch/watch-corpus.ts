import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { classify, isIgnored, type SourceKind, type SourcePaths } from './source-paths.js';

/** One file that changed, after filtering. */
export interface SourceChange {
  kind: SourceKind;
  event: 'add' | 'change' | 'unlink';
  /** Absolute path. */
  file: string;
}

/** A running watcher over the corpus, the templates and the config file. */
export interface SourceWatcher {
  /** Resolves when the initial scan is done and changes are being reported. */
  readonly ready: Promise<void>;
  /** Stops watching; a batch still in its quiet period is dropped. */
  close(): Promise<void>;
}

/** How a watcher reports. */
export interface SourceWatcherOptions {
  /** Called with the changes of a burst once no change has come for `debounceMs`. */
  onChanges(changes: SourceChange[]): void;
  /** Called when watching a path fails (e.g. too many files for the system's watch limit). */
  onError(error: unknown): void;
  /** The quiet period that ends a burst (default 200 ms). */
  debounceMs?: number;
}

/** Default quiet period: long enough for an editor's save (truncate + write, temp + rename). */
export const DEFAULT_DEBOUNCE_MS = 200;

/**
 * Watches the corpus documents (recursively), the templates folder and the config file, and
 * reports each burst of changes once, after a quiet period, so that an editor that saves in
 * several steps causes one build, not a build of a half-written file.
 */
export function watchSources(paths: SourcePaths, options: SourceWatcherOptions): SourceWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const batch = new Map<string, SourceChange>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = () => {
    timer = undefined;
    const changes = [...batch.values()];
    batch.clear();
    if (changes.length > 0 && !closed) options.onChanges(changes);
  };
  const onEvent = (event: string, file: string) => {
    if (event !== 'add' && event !== 'change' && event !== 'unlink') return;
    const kind = classify(paths, file);
    if (kind === null) return;
    batch.set(file, { kind, event, file });
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watchers: FSWatcher[] = [
    watch([paths.corpus, paths.templates], {
      ignoreInitial: true,
      ignored: (file) => isIgnored(paths, file),
    }),
  ];
  const configFile = paths.configFile;
  if (configFile !== null) {
    // Watch the config's folder, not the file: an editor that replaces the file (write a temp
    // file, rename it over) or deletes and recreates it would end a watch on the file itself.
    const dir = path.dirname(configFile);
    watchers.push(
      watch(dir, {
        ignoreInitial: true,
        depth: 0,
        ignored: (file) => file !== dir && file !== configFile,
      }),
    );
  }
  for (const watcher of watchers) {
    watcher.on('all', onEvent);
    watcher.on('error', (error) => options.onError(error));
  }
  const ready = Promise.all(
    watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', resolve))),
  ).then(() => undefined);

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}
