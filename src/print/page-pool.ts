import type { Browser } from 'puppeteer';
import type { PrintAsset } from './job.js';
import { ServedPage } from './served-page.js';
import type { RefusedListener } from './served-page.js';

/** How many idle tabs a pool keeps open for the next jobs. */
export const MAX_IDLE_PAGES = 2;

/**
 * Isolated tabs of one browser, reused from job to job: opening a tab, setting up its
 * interception and navigating it to the private origin cost more than laying out a briefing,
 * and a reused tab already holds the web fonts.
 */
export class PagePool {
  readonly #browser: Browser;
  readonly #assets: ReadonlyMap<string, PrintAsset>;
  readonly #onRefused: RefusedListener | undefined;
  readonly #timeoutMs: number;
  readonly #idle: ServedPage[] = [];
  #closed = false;

  /** A pool of `browser`'s tabs that serve `assets` (keyed by URL path). */
  constructor(
    browser: Browser,
    assets: ReadonlyMap<string, PrintAsset>,
    timeoutMs: number,
    onRefused?: RefusedListener,
  ) {
    this.#browser = browser;
    this.#timeoutMs = timeoutMs;
    this.#assets = assets;
    this.#onRefused = onRefused;
  }

  /** An idle tab, or a new one when none is idle (jobs running at once get a tab each). */
  async acquire(): Promise<ServedPage> {
    const idle = this.#idle.pop();
    return idle ?? ServedPage.open(this.#browser, this.#assets, this.#timeoutMs, this.#onRefused);
  }

  /** Gives back a tab whose job went well; it is kept for the next job, or closed if enough are. */
  release(page: ServedPage): void {
    if (!this.#closed && this.#idle.length < MAX_IDLE_PAGES && !page.page.isClosed()) {
      this.#idle.push(page);
    } else void page.close();
  }

  /** Closes a tab whose job failed: its state is unknown, so it is not reused. */
  discard(page: ServedPage): void {
    void page.close();
  }

  /** Closes the idle tabs; tabs still printing are closed when given back. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#idle.splice(0).map((page) => page.close()));
  }
}
