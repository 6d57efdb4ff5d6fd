import puppeteer from 'puppeteer';
import type { Browser } from 'puppeteer';

/**
 * Extra Chromium flags (Puppeteer adds `--headless=new` itself for `headless: true`).
 * The last three cut the browser off the network even if a request slipped past the
 * page's request interception (e.g. `<link rel=prefetch>` and `preconnect` do): every
 * host name and IP literal resolves to "not found", and everything goes to a dead proxy.
 */
export const LAUNCH_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

/** Launches a headless Chromium for printing, talking to it over a pipe (no debugging port). */
export async function launchBrowser(executablePath: string, timeoutMs: number): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [...LAUNCH_ARGS],
    // The printer closes the browser in a finally; Puppeteer's own signal handlers would kill it
    // and exit before the build can clean up its staging folder.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: timeoutMs,
    protocolTimeout: timeoutMs,
  });
}
