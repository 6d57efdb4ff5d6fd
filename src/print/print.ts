import { isAbsolute } from 'node:path';
import type { Browser } from 'puppeteer';
import { writeFileAtomic } from './atomic-write.js';
import { BrowserNotFoundError, findBrowser } from './find-browser.js';
import type { BrowserLocation } from './find-browser.js';
import { finishPdf } from './finish-pdf.js';
import type { PdfJob, PrintAsset, PrintJob } from './job.js';
import { launchBrowser } from './launch.js';
import { PagePool } from './page-pool.js';
import { indexAssets } from './private-origin.js';
import { renderPdf } from './render-pdf.js';

export type { PdfJob, PdfMetadata, PrintAsset, PrintJob } from './job.js';

/** How a {@link Printer} finds and drives its browser. */
export interface PrinterOptions {
  /** Explicit browser executable (config file / CLI); see {@link findBrowser}. */
  executablePath?: string;
  /** Environment for browser discovery (`BRIEFING_BROWSER`, `PATH`…); defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Limit for launching the browser and for each step of a job, in ms (default 60 000). */
  timeoutMs?: number;
  /**
   * Files documents may load by relative URL, served from memory at the documents' private
   * origin: the web fonts (`fonts/<file>`). Nothing else is ever loaded.
   * @throws {TypeError} from {@link createPrinter} for an asset outside `fonts/`.
   */
  assets?: readonly PrintAsset[];
  /** Called with each URL a document asked for and was refused (for diagnostics). */
  onRefused?: (url: string) => void;
  /**
   * A browser already being launched for this printer (see {@link launchFor}), taken for the
   * first job instead of launching one then; the printer owns it from then on.
   */
  launched?: Promise<LaunchedBrowser>;
}

/** A browser launched for printing, and where it was found. */
export interface LaunchedBrowser {
  browser: Browser;
  location: BrowserLocation;
}

/**
 * Finds the browser (see {@link findBrowser}) and launches it for printing.
 * @throws {BrowserNotFoundError} when there is none, with how to install one.
 */
export async function launchFor(
  options: Pick<PrinterOptions, 'executablePath' | 'env' | 'timeoutMs'> = {},
): Promise<LaunchedBrowser> {
  const location = await findBrowser({ executablePath: options.executablePath, env: options.env });
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  return { browser: await launchBrowser(location.executablePath, timeoutMs), location };
}

/** Prints HTML documents to PDF with one shared headless browser. */
export interface Printer {
  /**
   * Prints one job, replacing `job.file` atomically.
   * @throws {PrintError} naming the file, with the underlying error as `cause`.
   * @throws {BrowserNotFoundError} unwrapped, when there is no browser to print with.
   */
  print(job: PrintJob): Promise<void>;
  /**
   * Prints one document to PDF bytes, finished as {@link print} writes them, without writing
   * anything (to inspect a layout before the final print).
   * @throws {PrintError} naming `job.name`, with the underlying error as `cause`.
   * @throws {BrowserNotFoundError} unwrapped, as for {@link print}.
   */
  render(job: PdfJob): Promise<Uint8Array>;
  /** Waits for jobs in progress, then closes the browser. Safe to call when never launched, and twice. */
  close(): Promise<void>;
  /** Whether this printer's browser is running. */
  readonly launched: boolean;
  /** How many times this printer has launched a browser (1 in normal use, however many jobs). */
  readonly launches: number;
  /** The browser in use (or last used), once one has been launched. */
  readonly browser: BrowserLocation | null;
}

/** Printing one job failed; the message names the PDF file (or job), `cause` holds the reason. */
export class PrintError extends Error {
  /** Stable machine-readable code. */
  readonly code = 'print-failed';
  /** The PDF file the job was to write ({@link PdfJob.name} for {@link Printer.render}). */
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

/**
 * Creates a printer; the browser is launched on the first {@link Printer.print}, not here.
 * @throws {TypeError} for an asset outside `fonts/` (see {@link PrinterOptions.assets}).
 */
export function createPrinter(options: PrinterOptions = {}): Printer {
  return new ChromiumPrinter(options, null);
}

/**
 * A printer that prints with a browser the caller launched and closes: its `close` closes only
 * its own tabs. For measuring printing against bare Puppeteer calls in the same browser.
 * @throws {TypeError} for an asset outside `fonts/` (see {@link PrinterOptions.assets}).
 */
export function createPrinterOn(
  browser: Browser,
  options: Pick<PrinterOptions, 'assets' | 'onRefused' | 'timeoutMs'> = {},
): Printer {
  return new ChromiumPrinter(options, browser);
}

interface Running {
  browser: Browser;
  pages: PagePool;
}

class ChromiumPrinter implements Printer {
  readonly #options: PrinterOptions;
  readonly #shared: Browser | null;
  readonly #timeoutMs: number;
  readonly #assets: ReturnType<typeof indexAssets>;
  readonly #jobs = new Set<Promise<unknown>>();
  #starting: Promise<Running> | null = null;
  #running: Running | null = null;
  #location: BrowserLocation | null = null;
  #launches = 0;
  #closed = false;
  /** The browser launched for this printer before its first job, until a job takes it. */
  #early: Promise<LaunchedBrowser> | null;

  constructor(options: PrinterOptions, shared: Browser | null) {
    this.#options = options;
    this.#shared = shared;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
    this.#assets = indexAssets(options.assets ?? []);
    this.#early = options.launched ?? null;
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
    return this.#track(this.#print(job));
  }

  render(job: PdfJob): Promise<Uint8Array> {
    return this.#track(this.#render(job));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#jobs);
    const starting = this.#starting;
    this.#starting = null;
    if (starting === null) return;
    const running = await starting.catch(() => null);
    this.#running = null;
    if (running === null) return;
    if (running.browser === this.#shared) {
      await running.pages.close();
      return;
    }
    try {
      await running.browser.close();
    } catch {
      // The browser is wedged or already gone: make sure its process does not outlive us.
      running.browser.process()?.kill('SIGKILL');
    }
  }

  #track<T>(run: Promise<T>): Promise<T> {
    const tracked = run.catch(() => undefined);
    this.#jobs.add(tracked);
    void tracked.then(() => this.#jobs.delete(tracked));
    return run;
  }

  async #print(job: PrintJob): Promise<void> {
    try {
      if (!isAbsolute(job.file)) throw new Error('the PDF path must be absolute');
      const pdf = await this.#pdf({ ...job, name: job.name ?? job.file });
      await writeFileAtomic(job.file, pdf);
    } catch (error) {
      throw wrap(job.file, error);
    }
  }

  async #render(job: PdfJob): Promise<Uint8Array> {
    try {
      return await this.#pdf(job);
    } catch (error) {
      throw wrap(job.name ?? 'document', error);
    }
  }

  async #pdf(job: PdfJob): Promise<Uint8Array> {
    if (this.#closed) throw new Error('the printer has been closed');
    const { pages } = await this.#browser();
    const page = await pages.acquire();
    let raw: Uint8Array;
    try {
      raw = await renderPdf(page, job, this.#timeoutMs);
    } catch (error) {
      pages.discard(page);
      throw error;
    }
    // The tab goes back before pdf-lib runs, so the next job's layout overlaps this one's rewrite.
    pages.release(page);
    return finishPdf(raw, job);
  }

  #browser(): Promise<Running> {
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

  async #launch(): Promise<Running> {
    if (this.#shared !== null) {
      const pages = new PagePool(
        this.#shared,
        this.#assets,
        this.#timeoutMs,
        this.#options.onRefused,
      );
      this.#running = { browser: this.#shared, pages };
      return this.#running;
    }
    const early = this.#early;
    this.#early = null;
    const { browser, location } = await (early ??
      launchFor({ ...this.#options, timeoutMs: this.#timeoutMs }));
    this.#launches += 1;
    this.#location = location;
    const running = {
      browser,
      pages: new PagePool(browser, this.#assets, this.#timeoutMs, this.#options.onRefused),
    };
    this.#running = running;
    browser.once('disconnected', () => {
      // A crashed browser is forgotten (its tabs with it) so that the next job launches anew.
      if (this.#running === running) {
        this.#running = null;
        this.#starting = null;
      }
    });
    return running;
  }
}

function wrap(name: string, error: unknown): Error {
  // A missing browser is not about this job: let the caller report it once, with its hint.
  return error instanceof BrowserNotFoundError ? error : new PrintError(name, error);
}
