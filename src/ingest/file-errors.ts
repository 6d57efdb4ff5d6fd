/** What went wrong with a file, in words, from a Node.js file-system error. */
export function explainFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  const why = WHY[code];
  return why ? `${why} (${code})` : code;
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'its symbolic links form a loop',
  ENOENT: 'nothing is there (a broken symbolic link, or it was removed)',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'its path is too long',
  EMFILE: 'too many files are open',
  EIO: 'an input/output error',
};

/** The `code` of a Node.js file-system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
