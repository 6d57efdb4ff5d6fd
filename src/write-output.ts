import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from './is-running.js';

/**
 * A set of output files written together: each file is staged in a hidden folder inside the
 * output folder and moved into place only when the whole set is ready, so a failed build never
 * leaves half-written files or destroys the previous edition.
 */
export class OutputStage {
  private readonly files: string[] = [];
  private readonly kept = new Set<string>();

  private constructor(
    readonly output: string,
    readonly dir: string,
  ) {}

  /**
   * Creates the staging folder inside `output`, named after this process, after removing the
   * staging folders of builds whose process is gone (killed before they could clean up).
   */
  static async open(output: string): Promise<OutputStage> {
    await mkdir(output, { recursive: true });
    await removeAbandoned(output);
    return new OutputStage(output, await mkdtemp(path.join(output, `.staging-${process.pid}-`)));
  }

  /** The staged path of an output file (`relative` to the output folder). */
  pathOf(relative: string): string {
    return path.join(this.dir, relative);
  }

  /**
   * Stages a file's content, unless the output folder already holds exactly these bytes:
   * an unchanged output is never touched. Returns whether the file will be written.
   */
  async write(relative: string, content: string | Uint8Array): Promise<boolean> {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.kept.add(relative);
    const current = await readFile(path.join(this.output, relative)).catch(() => null);
    if (current && Buffer.compare(current, bytes) === 0) return false;
    await mkdir(path.dirname(this.pathOf(relative)), { recursive: true });
    await writeFile(this.pathOf(relative), bytes);
    this.add(relative);
    return true;
  }

  /** Records a file something else wrote into the staging folder (e.g. a PDF). */
  add(relative: string): void {
    if (!this.files.includes(relative)) this.files.push(relative);
  }

  /** Every output file of this build, written or left as it was (relative paths). */
  outputs(): string[] {
    return [...this.kept].sort();
  }

  /** Moves every staged file into place (each rename is atomic) and removes the staging folder. */
  async commit(): Promise<string[]> {
    for (const relative of this.files) {
      const target = path.join(this.output, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(this.pathOf(relative), target);
    }
    await this.discard();
    return [...this.files];
  }

  /** Removes the staging folder and whatever is in it. */
  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Removes `.staging-<pid>-*` folders whose process no longer runs. */
async function removeAbandoned(output: string): Promise<void> {
  for (const name of await readdir(output).catch(() => [] as string[])) {
    const pid = Number(/^\.staging-(\d+)-/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(path.join(output, name), { recursive: true, force: true });
  }
}
