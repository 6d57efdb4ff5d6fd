import type { Browser, HTTPRequest, Page } from 'puppeteer';
import type { PrintAsset } from './job.js';
import { CONTENT_SECURITY_POLICY, DOCUMENT_URL, PRIVATE_ORIGIN } from './private-origin.js';

/** Called with every URL a page asked for and was refused (never with `data:` URLs). */
export type RefusedListener = (url: string) => void;

/** The empty document a tab opens at {@link DOCUMENT_URL}; each job's HTML then replaces it. */
const SHELL = '<!doctype html><title></title>';

/**
 * A browser tab that prints documents in isolation at the private origin. Page JavaScript is
 * off and every request goes through one interception handler, set up once for all the tab's
 * documents. It answers two things: the tab's one navigation, to {@link DOCUMENT_URL} (with the
 * Content-Security-Policy), and the assets under `/fonts/`. Everything else is refused: other
 * origins, other paths of the private origin, `file:`, frames, prefetches, later navigations.
 *
 * Each document is then written over that one (`setContent`: `document.open`/`write`), so it
 * keeps the URL, the origin, the CSP, and the fonts Chromium already holds in memory: a
 * navigation per document costs several times the layout of a briefing (measured).
 */
export class ServedPage {
  /** The Puppeteer page, for printing. */
  readonly page: Page;
  readonly #assets: ReadonlyMap<string, PrintAsset>;
  readonly #onRefused: RefusedListener | undefined;
  #navigated = false;

  private constructor(
    page: Page,
    assets: ReadonlyMap<string, PrintAsset>,
    onRefused: RefusedListener | undefined,
  ) {
    this.page = page;
    this.#assets = assets;
    this.#onRefused = onRefused;
  }

  /**
   * Opens a tab of `browser`, isolates it and loads the empty document at the private origin.
   * `assets` are keyed by URL path (`/fonts/x.woff2`).
   */
  static async open(
    browser: Browser,
    assets: ReadonlyMap<string, PrintAsset>,
    timeoutMs: number,
    onRefused?: RefusedListener,
  ): Promise<ServedPage> {
    // A background tab: Chromium paints the tab in front for display, which slows its layout
    // by about a third of a briefing's (measured); printing needs no painting on screen.
    const page = await browser.newPage({ background: true });
    try {
      page.setDefaultTimeout(timeoutMs);
      const served = new ServedPage(page, assets, onRefused);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => served.#handle(request));
      await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: timeoutMs });
      return served;
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  /** Replaces the tab's document with `html` and waits for `load` (web fonts load before it). */
  async load(html: string, timeoutMs: number): Promise<void> {
    // 'load', not 'networkidle0': every request is settled at once, and networkidle waits
    // can hang on requests Chromium never reports as finished.
    await this.page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
  }

  /** Closes the tab; never throws. */
  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }

  #handle(request: HTTPRequest): void {
    const url = request.url();
    // Not interceptable (Chromium decodes them in the renderer): the document's CSP governs them.
    if (url.startsWith('data:')) return;
    if (
      !this.#navigated &&
      url === DOCUMENT_URL &&
      request.isNavigationRequest() &&
      request.frame() === this.page.mainFrame()
    ) {
      this.#navigated = true;
      settle(
        request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
          body: SHELL,
        }),
      );
      return;
    }
    const asset = request.resourceType() === 'font' ? this.#asset(url) : undefined;
    if (asset !== undefined) {
      // Cacheable, so that later documents in this tab find the font in Chromium's memory.
      const headers = { 'cache-control': 'public, max-age=31536000, immutable' };
      settle(
        request.respond({ status: 200, contentType: asset.contentType, headers, body: asset.body }),
      );
      return;
    }
    this.#onRefused?.(url);
    // Aborting a navigation (a <meta http-equiv="refresh">, an iframe) would swap in
    // Chromium's error page; a 204 answer makes the frame stay on what it shows.
    settle(
      request.isNavigationRequest()
        ? request.respond({ status: 204, body: '' })
        : request.abort('blockedbyclient'),
    );
  }

  #asset(url: string): PrintAsset | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    return parsed.origin === PRIVATE_ORIGIN ? this.#assets.get(parsed.pathname) : undefined;
  }
}

function settle(answer: Promise<void>): void {
  // The page may be closing while a request is still pending; nothing to do then.
  answer.catch(() => undefined);
}
