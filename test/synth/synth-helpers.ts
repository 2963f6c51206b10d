import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';

export const BIN = resolve(import.meta.dirname, '../../bin/credlink.js');

export function credlink(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function readCsv(path: string): { header: string[]; rows: Array<Record<string, string>> } {
  const text = readFileSync(path, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  return { header, rows: parse(text, { columns: true }) as Array<Record<string, string>> };
}

/** SHA-256 over every file's relative path and bytes, in sorted order. */
export function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): string[] =>
    readdirSync(d).sort().flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));
  for (const file of walk(dir)) hash.update(relative(dir, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

/** Runs the CLI in this process (no tsx start-up), capturing stdout and stderr. */
export async function credlinkInProcess(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli/main.ts');
  const pino = (await import('pino')).default;
  const out: string[] = [];
  const err: string[] = [];
  const sink = (chunks: string[]) => new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['node', 'credlink', ...args], {
      stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), logger: pino({ level: 'silent' }), stderrIsTTY: false, env: {},
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(previous);
  }
}
