// Writes a fabricated linkage result of N candidate rows (two 100k sources) with the tree at ROOT:
// node --import tsx scripts/big-linkage-table.mts ROOT N [OUT]. Before the tables streamed, N = 5M
// (620 MB) failed with RangeError: Invalid string length (docs/performance.md).
const root = process.argv[2];
const rows = Number(process.argv[3]);
const { candidatesCsv } = await import(`${root}/src/link/linkage-tables.ts`);
const n = 100_000;
const pseudonyms = Array.from({ length: n }, (_, i) => i.toString(16).padStart(43, 'x'));
const src = (name: string) => ({ name, count: n, pseudonyms });
const left = new Uint32Array(rows).map((_, i) => i % n);
const right = new Uint32Array(rows).map((_, i) => (i * 7) % n);
const w = new Float64Array(rows).fill(12.3456);
const p = new Float64Array(rows).fill(0.987654);
const result = { sources: [src('spine'), src('wages')], pairs: [{ a: 0, b: 1, links: [], scored: { left, right, matchWeight: w, matchProbability: p, clkDice: p } }] };
const t0 = performance.now();
try {
  const out = candidatesCsv(result);
  if (typeof out === 'string') console.log(root, 'one string of', out.length, 'chars');
  else {
    const { writeChunksAtomic } = await import(`${root}/src/io/atomic-chunks.ts`);
    await writeChunksAtomic(process.argv[4] ?? 'big-candidates.csv', out, 0o600);
    console.log(root, 'streamed', (await import('node:fs')).statSync(process.argv[4] ?? 'big-candidates.csv').size, 'bytes');
  }
} catch (e) {
  console.log(root, 'FAILED:', (e as Error).name, (e as Error).message);
}
console.log('seconds', ((performance.now() - t0) / 1000).toFixed(1));
