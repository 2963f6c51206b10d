import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Every write stream opens its file 50 ms late, as a loaded machine's can: the race of an abort
// that removes the temp file before the stream has created it becomes certain, not rare.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const slowOpen = (...args: unknown[]) => setTimeout(() => (fs.open as (...a: unknown[]) => void)(...args), 50);
  return {
    ...fs,
    createWriteStream: (path: string, options: Record<string, unknown> = {}) =>
      fs.createWriteStream(path, { ...options, fs: { open: slowOpen, close: fs.close, write: fs.write, writev: fs.writev } } as never),
  };
});

const { openAtomic } = await import('../../src/io/atomic-write.ts');

describe('openAtomic abort', () => {
  it('leaves no temp file when aborted while the stream is still opening it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlink-abort-'));
    await Promise.all(Array.from({ length: 10 }, (_, i) => openAtomic(join(dir, `out-${i}.extract`)).abort()));
    const written = openAtomic(join(dir, 'half.extract'));
    written.stream.write('{"t":"m"}\n');
    await written.abort();
    // Anything opened late would appear by now.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(readdirSync(dir)).toEqual([]);
  });
});
