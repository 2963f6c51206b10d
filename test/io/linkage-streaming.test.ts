import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/errors/errors.ts';
import { writeChunksAtomic } from '../../src/io/atomic-chunks.ts';
import { fileDigest } from '../../src/io/file-digest.ts';
import { linkageTableRows } from '../../src/io/linkage-lines.ts';
import { sortedUnique } from '../../src/link/growable-array.ts';
import { clusterRecords } from '../../src/link/clustering.ts';
import type { LinkageResult } from '../../src/link/link-sources.ts';
import { CLUSTERS_HEADER, clustersCsv, tableText } from '../../src/link/linkage-tables.ts';
import type { SourceStore } from '../../src/link/source-store.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'credlink-stream-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function collect(path: string, header: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of linkageTableRows(path, header)) rows.push(row);
  return rows;
}

describe('writeChunksAtomic', () => {
  it('writes every chunk, in order, and nothing is at the target until the last one is written', async () => {
    const dir = await tempDir();
    const target = join(dir, 'candidates.csv');
    const seen: boolean[] = [];
    async function* lines() {
      for (let i = 0; i < 50_000; i++) {
        if (i % 10_000 === 0) seen.push(await stat(target).then(() => true, () => false));
        yield `row${i},${'x'.repeat(i % 7)}\n`;
      }
    }
    await writeChunksAtomic(target, lines(), 0o600);
    const text = await readFile(target, 'utf8');
    expect(seen).toEqual([false, false, false, false, false]);
    expect(text.split('\n')).toHaveLength(50_001);
    expect(text.startsWith('row0,\nrow1,x\n')).toBe(true);
    expect(text.endsWith('row49999,xxxxx\n')).toBe(true);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves neither the target nor a temp file when the table fails half-way', async () => {
    const dir = await tempDir();
    function* failing() {
      yield 'a\n';
      throw new Error('scoring failed');
    }
    await expect(writeChunksAtomic(join(dir, 'pairs.csv'), failing())).rejects.toThrow('scoring failed');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('linkageTableRows', () => {
  it('reads rows line by line after the header, skipping blank lines and CRLF endings', async () => {
    const dir = await tempDir();
    const file = join(dir, 'clusters.csv');
    await writeFile(file, `${CLUSTERS_HEADER}\r\n1,spine,abc,1\r\n\r\n2,wages,def,0.9\r\n`);
    expect(await collect(file, CLUSTERS_HEADER)).toEqual([['1', 'spine', 'abc', '1'], ['2', 'wages', 'def', '0.9']]);
  });

  it('refuses a file with another header (LINKAGE_HEADER, line 1) and names a missing file as a usage error', async () => {
    const dir = await tempDir();
    const file = join(dir, 'clusters.csv');
    await writeFile(file, 'id,name\n1,x\n');
    const error = await collect(file, CLUSTERS_HEADER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).findings[0]).toMatchObject({ code: 'LINKAGE_HEADER', file, line: 1 });
    await writeFile(file, '');
    expect(((await collect(file, CLUSTERS_HEADER).catch((e: unknown) => e)) as DataError).findings[0].code).toBe('LINKAGE_HEADER');
    await expect(collect(join(dir, 'nope.csv'), CLUSTERS_HEADER)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('fileDigest', () => {
  it('gives the SHA-256 and size of a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'f'), 'abc');
    expect(await fileDigest(join(dir, 'f'))).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
  });
});

describe('sortedUnique', () => {
  it('equals a Set of the values, sorted', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 300 }), (values) => {
        const typed = Uint32Array.from(values);
        expect(Array.from(sortedUnique(typed))).toEqual([...new Set(typed)].sort((a, b) => a - b));
      }),
    );
  });
});

/** The rows clustersCsv wrote before it streamed: every record, stably sorted by cluster. */
function clustersByObjectSort(result: LinkageResult): string {
  const rows: Array<{ cluster: number; line: string }> = [];
  result.sources.forEach((source, s) => {
    for (let i = 0; i < source.count; i++) {
      const cluster = result.clustering.clusterOf[s][i];
      rows.push({ cluster, line: `${cluster},${source.name},${source.pseudonyms[i]},${result.clustering.probability[s][i]}` });
    }
  });
  rows.sort((x, y) => x.cluster - y.cluster);
  return `${CLUSTERS_HEADER}\n${rows.map((r) => `${r.line}\n`).join('')}`;
}

describe('clustersCsv', () => {
  it('orders rows by cluster, then source, then record, as the sort it replaced (empty sources included)', () => {
    const source = (name: string, count: number) => ({ name, count, pseudonyms: Array.from({ length: count }, (_, i) => `${name}${i}`) }) as unknown as SourceStore;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 30 }), (sizes, picks) => {
        const sources = sizes.map((n, s) => source(`s${s}`, n));
        const links = picks.flatMap(([a, b, x, y]) => {
          const [sa, sb] = [a % sizes.length, b % sizes.length];
          if (sa === sb || sizes[sa] === 0 || sizes[sb] === 0) return [];
          return [{ a: sa, b: sb, links: [{ left: x % sizes[sa], right: y % sizes[sb], weight: (x % 9) + 1, probability: 0.5 + (y % 5) / 10 }] }];
        });
        const clustering = clusterRecords(sizes, sizes.map(() => false), links);
        const result = { sources, pairs: [], clustering } as unknown as LinkageResult;
        expect(tableText(clustersCsv(result))).toBe(clustersByObjectSort(result));
      }),
    );
  });
});
