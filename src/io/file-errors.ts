import { UsageError } from '../errors/errors.ts';
import { safePath } from '../errors/redact.ts';

/** Why a path could not be opened, in words: "x.csv does not exist", not a bare ENOENT. */
export function fileProblem(given: string, error: unknown): string {
  const path = safePath(given);
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path} does not exist`;
    case 'EISDIR':
      return `${path} is a folder, not a file`;
    case 'ENOTDIR':
      return `${path}: a part of the path is a file, not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    default:
      return `cannot read ${path}: ${code ?? (error as Error)?.message ?? String(error)}`;
  }
}

/** A usage error (exit 2) naming the file and what is wrong with it. */
export function unreadableFile(path: string, error: unknown, hint = ''): UsageError {
  return new UsageError(`${fileProblem(path, error)}${hint}`);
}

/** A file-system error that escaped a command (an ENOENT with its path) as a usage error; undefined for anything else. */
export function missingFileError(error: unknown): UsageError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (!e || typeof e.path !== 'string' || !['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].includes(e.code ?? '')) return undefined;
  return unreadableFile(e.path, e);
}
