import { startWatch, type WatchOptions, type WatchSession } from '../watch/watch-session.js';
import { createLiveReload } from './live-reload.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';

/** A running preview: a watch session and the server of its output folder. */
export interface ServeSession {
  readonly watch: WatchSession;
  readonly server: PreviewServer;
  /** Stops watching (waiting for the running build), then closes the server. */
  close(): Promise<void>;
}

/**
 * Builds, watches and serves the output folder on 127.0.0.1 (`port` 0 picks a free one); every
 * open page reloads when a build has finished. Throws when the config cannot be loaded or the
 * port cannot be listened on.
 */
export async function startServe(options: WatchOptions & { port?: number }): Promise<ServeSession> {
  const liveReload = createLiveReload();
  const { reporter } = options;
  const watch = await startWatch({
    ...options,
    reporter: {
      built(result, config) {
        reporter.built(result, config);
        liveReload.notify('build', { documents: result.model.documents.length });
      },
      failed: (error) => reporter.failed(error),
      changed: (changes) => reporter.changed?.(changes),
    },
  });
  let server: PreviewServer;
  try {
    server = await startPreviewServer({
      root: () => watch.config.output,
      liveReload,
      ...(options.port !== undefined ? { port: options.port } : {}),
    });
  } catch (error) {
    await watch.close();
    throw error;
  }
  return {
    watch,
    server,
    async close() {
      await watch.close();
      await server.close();
    },
  };
}
