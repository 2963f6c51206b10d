import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { partialPathFor, trackPartial, untrackPartial } from './partial-outputs.ts';
import { budgetedFs, spendDisk, writeFailure } from './write-failure.ts';

export interface AtomicFile {
  stream: WriteStream;
  /** Flushes, sets the mode and renames the temp file over the target. */
  commit(): Promise<void>;
  /** Removes the temp file; the target is left as it was. */
  abort(): Promise<void>;
  /** Resolves when the stream takes more; rejects (as commit would) when writing failed. */
  drained(): Promise<void>;
}

/** Opens a temp file beside `target`; nothing appears at `target` until commit(). */
export function openAtomic(target: string, mode = 0o644): AtomicFile {
  const temp = partialPathFor(target, 'tmp');
  trackPartial(temp);
  const fsOption = budgetedFs();
  const stream = createWriteStream(temp, fsOption ? { mode, fs: fsOption } : { mode });
  let failed: Error | undefined;
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', () => (failed ? reject(failed) : resolve()));
    stream.once('error', (error) => {
      failed = writeFailure(error, target);
      reject(failed);
    });
  });
  // Awaited by commit; a failure before then is reported there, never as an unhandled rejection.
  closed.catch(() => {});
  const removeTemp = async () => {
    await rm(temp, { force: true });
    untrackPartial(temp);
  };
  return {
    stream,
    async commit() {
      try {
        if (failed) throw failed;
        stream.end();
        await closed;
        await chmod(temp, mode);
        await rename(temp, target);
        untrackPartial(temp);
      } catch (error) {
        await removeTemp();
        throw writeFailure(error, target);
      }
    },
    async abort() {
      // A stream destroyed while its file is still being opened creates the file afterwards:
      // removing it before 'close' left the temp file behind (seen under load in the hash tests).
      stream.destroy();
      await closed.catch(() => {});
      await removeTemp();
    },
    drained: () =>
      new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        const onError = () => reject(failed);
        stream.once('error', onError);
        stream.once('drain', () => {
          stream.off('error', onError);
          resolve();
        });
      }),
  };
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = partialPathFor(target, 'tmp');
  trackPartial(temp);
  try {
    spendDisk(typeof data === 'string' ? Buffer.byteLength(data) : data.length);
    await writeFile(temp, data, { mode });
    await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeFailure(error, target);
  } finally {
    untrackPartial(temp);
  }
}

/** Files that hold identifiers or record-level links are readable by their owner only. */
export const OWNER_ONLY = 0o600;
