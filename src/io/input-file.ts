import { stat } from 'node:fs/promises';
import { UsageError } from '../errors/errors.ts';
import { safePath } from '../errors/redact.ts';

/*
 * Inputs are regular files (or '-' for stdin where a command streams). Opening a FIFO blocks until
 * something writes to it, so a named pipe given as an extract hung forever; a device or a socket is
 * no better. The check comes before open() for that reason.
 */
export async function requireRegularFile(path: string, what = 'the input'): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot read ${what} ${safePath(path)}: it does not exist`);
    throw new UsageError(`cannot read ${what} ${safePath(path)}: ${code ?? (error as Error).message}`);
  }
  if (info.isDirectory()) throw new UsageError(`cannot read ${what} ${safePath(path)}: it is a directory`);
  if (!info.isFile()) throw new UsageError(`cannot read ${what} ${safePath(path)}: it is not a regular file (a pipe, device or socket); give a file, or '-' to read stdin where the command allows it`);
}
