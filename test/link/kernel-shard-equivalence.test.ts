import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import pino from 'pino';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { makeSource, population, writeTestExtract } from './synthetic-people.ts';

/*
 * The two performance seams must not change a single byte of the linkage: the WebAssembly kernel
 * against the JavaScript oracle (CREDLINK_KERNEL=js), and n shards merged against one run.
 */

const FILES = ['clusters.csv', 'pairs.csv', 'candidates.csv', 'model.json', 'summary.json'];
let dir: string;
let extracts: string[];

async function credlink(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Record<'out' | 'err', Buffer[]> = { out: [], err: [] };
  stdout.on('data', (c: Buffer) => chunks.out.push(Buffer.from(c)));
  stderr.on('data', (c: Buffer) => chunks.err.push(Buffer.from(c)));
  const io: CliIo = { stdin: Readable.from([]), stdout, stderr, logger: pino({ level: 'error', base: undefined }, stderr), stderrIsTTY: false, env };
  const code = await main(['node', 'credlink', ...args], io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

const folder = (name: string) => Object.fromEntries(FILES.map((f) => [f, readFileSync(join(dir, name, f), 'utf8')]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-seams-'));
  const people = population(500, 'seams');
  const plans = [
    { name: 'roster', role: 'roster', fields: ['first_name', 'last_name', 'dob', 'email'], coverage: 0.5, error: 0.04 },
    { name: 'spine', role: 'spine', fields: ['first_name', 'last_name', 'dob', 'ssn', 'postcode'], coverage: 0.95, error: 0.02 },
    { name: 'wages', role: 'wages', fields: ['first_name', 'last_name', 'ssn'], coverage: 0.7, error: 0.03 },
  ] as const;
  extracts = [];
  for (const plan of plans) {
    const { source } = makeSource(people, { ...plan, fields: [...plan.fields] });
    extracts.push(join(dir, `${plan.name}.extract`));
    await writeTestExtract(extracts.at(-1)!, source);
  }
  const run = await credlink(['link', ...extracts, '-o', join(dir, 'single')]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('linkage output does not depend on how it is computed', () => {
  it('is byte-identical with the JavaScript kernel and the WebAssembly kernel', async () => {
    const run = await credlink(['link', ...extracts, '-o', join(dir, 'js')], { CREDLINK_KERNEL: 'js' });
    expect(run.code).toBe(0);
    expect(folder('js')).toEqual(folder('single'));
  }, 30_000);

  it('is byte-identical from 3 shards merged (parts given in any order) and from one run', async () => {
    for (const i of [0, 1, 2]) {
      const run = await credlink(['link', ...extracts, '--shard', `${i}/3`, '-o', join(dir, `part${i}`)]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`shard ${i}/3: \\d+ candidate pairs`));
    }
    const merged = await credlink(['merge', join(dir, 'part2'), join(dir, 'part0'), join(dir, 'part1'), '-o', join(dir, 'merged')]);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(folder('merged')).toEqual(folder('single'));
  }, 60_000);

  it('refuses to merge an incomplete set of parts', async () => {
    const run = await credlink(['merge', join(dir, 'part0'), join(dir, 'part2'), '-o', join(dir, 'incomplete')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MERGE_SHARD_MISSING|1\/3/);
  }, 30_000);

  it('rejects a malformed --shard', async () => {
    const run = await credlink(['link', ...extracts, '--shard', '3/3', '-o', join(dir, 'bad')]);
    expect(run.code).toBe(2);
  });
});
