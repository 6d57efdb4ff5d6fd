import { isAbsolute } from 'node:path';
import type { Browser } from 'puppeteer';
import { writeFileAtomic } from './atomic-write.js';
import { BrowserNotFoundError, findBrowser } from './find-browser.js';
import type { BrowserLocation } from './find-browser.js';
import { renderPdf } from './render-pdf.js';
import { launchBrowser } from './launch.js';

/** One HTML document to print to one PDF file. */
export interface PrintJob {
  /** A complete, self-contained HTML document (styles inlined; it references nothing external). */
  html: string;
  /** Absolute path of the PDF to write; its directory is created if missing. */
  file: string;
  /** The PDF's Title metadata (the document's `<title>` is set to it before printing). */
  title: string;
  /** Handling/classification marking printed in the running header and footer of every page; `null` = none. */
  banner: string | null;
  /** Document language; defaults to the HTML's own `lang`, else `'en'`. */
  lang?: string;
  /** Paper size; default A4. */
  format?: 'A4' | 'Letter' | 'Legal' | 'A3';
}

/** How a {@link Printer} finds and drives its browser. */
export interface PrinterOptions {
  /** Explicit browser executable (config file / CLI); see {@link findBrowser}. */
  executablePath?: string;
  /** Environment for browser discovery (`BRIEFING_BROWSER`, `PATH`…); defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Limit for launching the browser and for each step of a job, in ms (default 60 000). */
  timeoutMs?: number;
}

/** Prints HTML documents to PDF with one shared headless browser. */
export interface Printer {
  /**
   * Prints one job, replacing `job.file` atomically.
   * @throws {PrintError} naming the file, with the underlying error as `cause`.
   * @throws {BrowserNotFoundError} unwrapped, when there is no browser to print with.
   */
  print(job: PrintJob): Promise<void>;
  /** Waits for jobs in progress, then closes the browser. Safe to call when never launched, and twice. */
  close(): Promise<void>;
  /** Whether this printer's browser is running. */
  readonly launched: boolean;
  /** How many times this printer has launched a browser (1 in normal use, however many jobs). */
  readonly launches: number;
  /** The browser in use (or last used), once one has been launched. */
  readonly browser: BrowserLocation | null;
}

/** Printing one job failed; the message names the PDF file, `cause` holds the reason. */
export class PrintError extends Error {
  /** Stable machine-readable code. */
  readonly code = 'print-failed';
  /** The PDF file the job was to write. */
  readonly file: string;

  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Could not print ${file}: ${reason}`, { cause });
    this.name = 'PrintError';
    this.file = file;
  }
}

/** Default for {@link PrinterOptions.timeoutMs}. */
export const DEFAULT_PRINT_TIMEOUT_MS = 60_000;

/** Creates a printer; the browser is launched on the first {@link Printer.print}, not here. */
export function createPrinter(options: PrinterOptions = {}): Printer {
  return new ChromiumPrinter(options);
}

class ChromiumPrinter implements Printer {
  readonly #options: PrinterOptions;
  readonly #timeoutMs: number;
  readonly #jobs = new Set<Promise<void>>();
  #starting: Promise<Browser> | null = null;
  #running: Browser | null = null;
  #location: BrowserLocation | null = null;
  #launches = 0;
  #closed = false;

  constructor(options: PrinterOptions) {
    this.#options = options;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  }

  get launched(): boolean {
    return this.#running !== null;
  }

  get launches(): number {
    return this.#launches;
  }

  get browser(): BrowserLocation | null {
    return this.#location;
  }

  print(job: PrintJob): Promise<void> {
    const run = this.#print(job);
    const tracked = run.catch(() => undefined);
    this.#jobs.add(tracked);
    void tracked.then(() => this.#jobs.delete(tracked));
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#jobs);
    const starting = this.#starting;
    this.#starting = null;
    if (starting === null) return;
    const browser = await starting.catch(() => null);
    this.#running = null;
    if (browser === null) return;
    try {
      await browser.close();
    } catch {
      // The browser is wedged or already gone: make sure its process does not outlive us.
      browser.process()?.kill('SIGKILL');
    }
  }

  async #print(job: PrintJob): Promise<void> {
    try {
      if (this.#closed) throw new Error('the printer has been closed');
      if (!isAbsolute(job.file)) throw new Error('the PDF path must be absolute');
      const browser = await this.#browser();
      const pdf = await renderPdf(browser, job, this.#timeoutMs);
      await writeFileAtomic(job.file, pdf);
    } catch (error) {
      // A missing browser is not about this job: let the caller report it once, with its hint.
      if (error instanceof BrowserNotFoundError) throw error;
      throw new PrintError(job.file, error);
    }
  }

  #browser(): Promise<Browser> {
    if (this.#starting === null) {
      const starting = this.#launch();
      this.#starting = starting;
      // A failed launch is not cached: the next job tries again.
      starting.catch(() => {
        if (this.#starting === starting) this.#starting = null;
      });
    }
    return this.#starting;
  }

  async #launch(): Promise<Browser> {
    const location = await findBrowser({
      executablePath: this.#options.executablePath,
      env: this.#options.env,
    });
    const browser = await launchBrowser(location.executablePath, this.#timeoutMs);
    this.#launches += 1;
    this.#location = location;
    this.#running = browser;
    browser.once('disconnected', () => {
      // A crashed browser is forgotten so that the next job launches a fresh one.
      if (this.#running === browser) {
        this.#running = null;
        this.#starting = null;
      }
    });
    return browser;
  }
}
