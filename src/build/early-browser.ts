import type { ResolvedConfig } from '../config/resolve-config.js';
import type { LaunchedBrowser } from '../print/print.js';

/**
 * A browser launched at the start of a build that will print, so that its start-up (most of a
 * second) overlaps analysis instead of following it. The printer takes it for its first job.
 */
export interface EarlyBrowser {
  launched: Promise<LaunchedBrowser>;
  /** Closes the browser if it is still open (the printer closes it when it used it). */
  dispose(): Promise<void>;
}

/** Starts the browser the build's PDFs will be printed with (see `findBrowser`). */
export async function startBrowser(config: ResolvedConfig): Promise<EarlyBrowser> {
  const { launchFor } = await import('../print/print.js');
  const launched = launchFor({
    ...(config.pdf.browser ? { executablePath: config.pdf.browser } : {}),
  });
  // A failed launch is reported by the first print that needs the browser, or not at all.
  launched.catch(() => {});
  return {
    launched,
    async dispose() {
      const running = await launched.catch(() => null);
      if (!running?.browser.connected) return;
      await running.browser.close().catch(() => running.browser.process()?.kill('SIGKILL'));
    },
  };
}
