import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { commitStaged, STAGING_PREFIX } from './build/commit-output.js';
import { writeDurable } from './build/durable-write.js';

/**
 * A set of output files written together: each file is staged (flushed to disk) in a hidden
 * folder inside the output folder, and the whole set is committed at once (see `commitStaged`),
 * so a failed or killed build never leaves half-written files or destroys the previous edition.
 * Open one only while holding the output folder's lock (`withOutputLock`).
 */
export class OutputStage {
  private readonly files: string[] = [];
  private readonly kept = new Set<string>();

  private constructor(
    readonly output: string,
    readonly dir: string,
  ) {}

  /** Creates this build's staging folder inside `output`, named after this process. */
  static async open(output: string): Promise<OutputStage> {
    await mkdir(output, { recursive: true });
    return new OutputStage(
      output,
      await mkdtemp(path.join(output, `${STAGING_PREFIX}${process.pid}-`)),
    );
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
    await writeDurable(this.pathOf(relative), bytes);
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

  /**
   * Moves every staged file into place, in the order they were staged, as one commit that a
   * later build finishes if this one is killed part-way. Returns the files written.
   */
  async commit(): Promise<string[]> {
    if (this.files.length === 0) await this.discard();
    else await commitStaged(this.output, this.dir, this.files);
    return [...this.files];
  }

  /** Removes the staging folder and whatever is in it. */
  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
