import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomic } from '../../src/io/atomic-write.ts';

describe('openAtomic abort', () => {
  it('leaves no temp file even when aborted before the file was opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlink-abort-'));
    // Aborted at once, the stream is still opening its temp file: the removal must wait for it.
    await Promise.all(Array.from({ length: 40 }, (_, i) => openAtomic(join(dir, `out-${i}.extract`)).abort()));
    const written = openAtomic(join(dir, 'half.extract'));
    written.stream.write('{"t":"m"}\n');
    await written.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
