import * as fs from 'node:fs';
import { DataError } from '../errors/errors.ts';
import { safePath } from '../errors/redact.ts';

/*
 * A failed write, said as a user can act on it. A full disk used to surface as an uncaught Node
 * exception with a stack trace, naming the hidden temp file rather than the output.
 */

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

export function writeFailure(error: unknown, target: string): Error {
  if (error instanceof DataError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  const file = target === '-' ? 'stdout' : safePath(target);
  if (code && DISK_FULL.has(code)) return new DataError({ code: 'NO_SPACE', file: target }, `no space left on device writing ${file} (${code}); what was begun has been removed`);
  if (code) return new DataError({ code: 'WRITE_FAILED', file: target }, `cannot write ${file}: ${code}; what was begun has been removed`);
  return error as Error;
}

/*
 * Test hook: CREDLINK_TEST_DISK_BYTES=N makes this process's file writes fail with ENOSPC once N
 * bytes are written, as a full disk does. Nothing else can fill a disk in a test without root.
 */
const budgetText = process.env.CREDLINK_TEST_DISK_BYTES;
let diskLeft = budgetText !== undefined && /^\d+$/.test(budgetText) ? Number(budgetText) : Infinity;

function noSpace(): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device, write');
  error.code = 'ENOSPC';
  error.errno = -28;
  return error;
}

/** Takes `bytes` from the test budget; throws ENOSPC when it runs out. */
export function spendDisk(bytes: number): void {
  if (diskLeft === Infinity) return;
  diskLeft -= bytes;
  if (diskLeft < 0) throw noSpace();
}

type StreamFs = Exclude<Parameters<typeof fs.createWriteStream>[1], string | undefined>['fs'];
type WriteCallback = (error: NodeJS.ErrnoException | null, written?: number) => void;

/** The `fs` option of createWriteStream under the test budget (undefined when no budget is set). */
export function budgetedFs(): StreamFs | undefined {
  if (diskLeft === Infinity) return undefined;
  const guard = (bytes: number, callback: WriteCallback, go: () => void) => {
    try {
      spendDisk(bytes);
    } catch (error) {
      return callback(error as NodeJS.ErrnoException);
    }
    go();
  };
  return {
    open: fs.open,
    close: fs.close,
    write: (fd: number, buffer: Buffer, offset: number, length: number, position: number | null, callback: WriteCallback) =>
      guard(length, callback, () => fs.write(fd, buffer, offset, length, position, callback)),
    writev: (fd: number, buffers: Buffer[], position: number | null, callback: WriteCallback) =>
      guard(buffers.reduce((n, b) => n + b.length, 0), callback, () => fs.writev(fd, buffers, position, callback)),
  } as unknown as StreamFs;
}
