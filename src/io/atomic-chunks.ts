import { once } from 'node:events';
import { openAtomic } from './atomic-write.ts';

/** Text is handed to the file in pieces of about this many characters: few syscalls, no giant string. */
const FLUSH_CHARS = 1 << 16;

/**
 * Writes text chunks (a table generator's lines) to `target` through a temp file renamed at the
 * end, waiting for the stream to drain: a 1 GB table never exists as one string or one buffer.
 * Nothing appears at `target` unless every chunk was written.
 */
export async function writeChunksAtomic(target: string, chunks: Iterable<string> | AsyncIterable<string>, mode = 0o644): Promise<void> {
  const file = openAtomic(target, mode);
  try {
    let pending: string[] = [];
    let size = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const text = pending.join('');
      pending = [];
      size = 0;
      // once() rejects when the stream errors while we wait (a full disk).
      if (!file.stream.write(text)) await once(file.stream, 'drain');
    };
    for await (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= FLUSH_CHARS) await flush();
    }
    await flush();
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}
