/**
 * `npm run bench [-- --quick] [-- --only <name part>] [-- --out <file.json>] [-- --anonlink-src DIR]`: runs the registered
 * benches, prints a table and writes bench-results/<date>.json with the machine's description.
 */
import { cpus, availableParallelism, loadavg, totalmem, platform, arch } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { benches, type BenchContext, type BenchRow } from './registry.ts';

const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1));

function table(rows: BenchRow[]): string {
  const head = ['bench', 'unit/s (median, wall)', 'best (wall)', 'per CPU-s', 'note'];
  const body = rows.map((r) => [r.name, fmt(r.rate.wall), fmt(r.rate.wallBest), fmt(r.rate.cpu), r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export async function main(args: string[]): Promise<number> {
  const quick = args.includes('--quick');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const ctx: BenchContext = quick
    ? { quick, seed: 20240611, runs: 3, runMs: 20, warmupMs: 30 }
    : { quick, seed: 20240611, runs: 7, runMs: 300, warmupMs: 500 };
  if (args.includes('--clkhash-python')) ctx.clkhashPython = args[args.indexOf('--clkhash-python') + 1];
  if (args.includes('--anonlink-src')) ctx.anonlinkSrc = args[args.indexOf('--anonlink-src') + 1];
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${arch()}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg(),
  };
  console.log(`credlink bench${quick ? ' (quick)' : ''}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')}`);
  const rows: BenchRow[] = [];
  for (const bench of benches) {
    if (only && !bench.name.includes(only)) continue;
    const started = performance.now();
    const got = await bench.run(ctx);
    rows.push(...got);
    console.log(`${bench.name}: ${got.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${table(rows)}\n`);
  const report = { date: new Date().toISOString(), quick, machine, loadAverageAtEnd: loadavg(), settings: ctx, results: rows };
  const file = out ?? `bench-results/${report.date.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`;
  await mkdir(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.', { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${file}`);
  return 0;
}
