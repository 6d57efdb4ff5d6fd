/** A build that could not run at all (as opposed to content problems, which are messages). */
export class BuildError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BuildError';
  }
}
