import type { HTTPRequest, Page } from 'puppeteer';

/**
 * Turns off the page's JavaScript and blocks every request it makes, so a document
 * printed on it shows only what `setContent` put there: no scripts run, and nothing is
 * fetched from the network or the file system. (Chromium decodes `data:` URLs inside
 * the renderer; they reach neither, and never come through request interception.)
 * Call before `setContent`.
 */
export async function isolatePage(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', refuse);
}

function refuse(request: HTTPRequest): void {
  // Aborting a navigation (a <meta http-equiv="refresh">, an iframe) would swap in
  // Chromium's error page; a 204 answer makes the frame stay on what it shows.
  const settled = request.isNavigationRequest()
    ? request.respond({ status: 204, body: '' })
    : request.abort('blockedbyclient');
  // The page may be closing while a request is still pending; nothing to do then.
  settled.catch(() => undefined);
}
