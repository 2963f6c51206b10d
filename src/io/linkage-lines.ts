import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DataError, UsageError } from '../errors/errors.ts';

/**
 * The rows of one linkage table, read line by line (a 1 GB candidates.csv is never one string).
 * The header must be the one credlink link writes; blank lines are skipped.
 */
export async function* linkageTableRows(path: string, header: string): AsyncGenerator<string[]> {
  // Opened first, so that a missing file is a usage error before any row is read.
  const handle = await open(path).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${path}: ${error.code ?? error.message}; is it a folder written by credlink link?`);
  });
  const input = handle.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let first = true;
  try {
    for await (const line of lines) {
      if (first) {
        first = false;
        if (line !== header) throw new DataError({ code: 'LINKAGE_HEADER', file: path, line: 1, detail: `expected the header "${header}"; is this a folder written by credlink link?` });
        continue;
      }
      if (line !== '') yield line.split(',');
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (first) throw new DataError({ code: 'LINKAGE_HEADER', file: path, line: 1, detail: `the file is empty; expected the header "${header}"` });
}
