import puppeteer from 'puppeteer';
import type { Browser } from 'puppeteer';

/**
 * Extra Chromium flags (Puppeteer adds `--headless=new` itself for `headless: true`).
 * The last three cut the browser off the network even if a request slipped past the
 * page's request interception (e.g. `<link rel=prefetch>` and `preconnect` do): every
 * host name and IP literal resolves to "not found", and everything goes to a dead proxy.
 */
export const LAUNCH_ARGS: readonly string[] = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

/**
 * Whether Chromium must run without its sandbox: as root it refuses to start otherwise (CI,
 * containers), and `BRIEFING_NO_SANDBOX=1` says the machine cannot give it one. Everyone else
 * keeps the sandbox, a second wall around the corpus's content.
 */
export function needsNoSandbox(): boolean {
  return process.getuid?.() === 0 || process.env.BRIEFING_NO_SANDBOX === '1';
}

/**
 * Launches a headless Chromium for printing, talking to it over a pipe (no debugging port).
 * With the sandbox where the machine allows it; when a sandboxed launch fails (no user
 * namespaces, no setuid helper), it launches again without one.
 */
export async function launchBrowser(executablePath: string, timeoutMs: number): Promise<Browser> {
  if (needsNoSandbox()) return launch(executablePath, timeoutMs, ['--no-sandbox']);
  try {
    return await launch(executablePath, timeoutMs, []);
  } catch {
    return launch(executablePath, timeoutMs, ['--no-sandbox']);
  }
}

function launch(executablePath: string, timeoutMs: number, extra: string[]): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [...extra, ...LAUNCH_ARGS],
    // The printer closes the browser in a finally; Puppeteer's own signal handlers would kill it
    // and exit before the build can clean up its staging folder.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: timeoutMs,
    protocolTimeout: timeoutMs,
  });
}
