import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface AtomicFile {
  stream: WriteStream;
  /** Flushes, sets the mode and renames the temp file over the target. */
  commit(): Promise<void>;
  /** Removes the temp file; the target is left as it was. */
  abort(): Promise<void>;
}

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${randomBytes(4).toString('hex')}`);
}

/** Opens a temp file beside `target`; nothing appears at `target` until commit(). */
export function openAtomic(target: string, mode = 0o644): AtomicFile {
  const temp = tempPathFor(target);
  const stream = createWriteStream(temp, { mode });
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  return {
    stream,
    async commit() {
      stream.end();
      await closed;
      await chmod(temp, mode);
      await rename(temp, target);
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await writeFile(temp, data, { mode });
    await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Files that hold identifiers or record-level links are readable by their owner only. */
export const OWNER_ONLY = 0o600;
