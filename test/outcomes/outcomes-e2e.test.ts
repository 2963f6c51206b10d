import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/credlink.js');
const SOURCES = ['techcert', 'nurseboard', 'tradecert', 'education', 'wages', 'spine'];
let dir: string;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

async function ok(args: string[]): Promise<string> {
  const r = await run(args);
  if (r.code !== 0) throw new Error(`credlink ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const extracts = SOURCES.map((s) => `ex/${s}.ndjson`);
const outcomes = (linkage: string, out: string, ...more: string[]) => ok(['outcomes', '--linkage', linkage, '--config', 'outcomes.json', ...extracts, '-o', out, ...more]);

type Cell = Record<string, string | number | null>;
async function cells(out: string, table: string): Promise<Cell[]> {
  return (JSON.parse(await readFile(join(dir, out, `${table}.json`), 'utf8')) as { cells: Cell[] }).cells;
}

// The committed world (fixtures/world, 3,000 persons) end to end: hash each source once, link once,
// evaluate (truth linkage), then outcomes runs side by side.
const WORLD = resolve(import.meta.dirname, '../../fixtures/world');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'credlink-outcomes-'));
  await symlink(WORLD, join(dir, 'world'));
  await ok(['keygen', '-o', 'project.key']);
  await mkdir(join(dir, 'ex'));
  await Promise.all(SOURCES.map((s) => ok(['hash', '--schema', 'world/schema.json', '--mapping', `world/mappings/${s}.json`, '--secret-file', 'project.key', '--on-invalid', 'reject', `world/${s}.csv`, '-o', `ex/${s}.ndjson`])));
  await ok(['link', '--spine', 'ex/spine.ndjson', '--schema', 'world/schema.json', '-o', 'linkage', ...extracts.filter((e) => !e.includes('spine'))]);
  const config = JSON.parse(await readFile(resolve(import.meta.dirname, '../../fixtures/outcomes.json'), 'utf8'));
  await writeFile(join(dir, 'outcomes.json'), JSON.stringify({ ...config, catalog: 'world/catalog.json', employers: 'world/employers.csv' }));
  // The truth linkage needs evaluate first; the other runs need only the linkage, so they overlap it.
  const truth = ok(['evaluate', 'linkage', '--truth', 'world/truth/persons.csv', '--secret-file', 'project.key', '--schema', 'world/schema.json', '--write-truth-linkage', 'truth-linkage']).then(() => outcomes('truth-linkage', 'truth'));
  await Promise.all([truth, outcomes('linkage', 'out'), outcomes('linkage', 'again'), outcomes('linkage', 'dp', '--epsilon', '50', '--noise-seed', '1', '--json')]);
}, 600_000); // each run without DP includes the margin audit (a few hundred small integer programs)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('credlink outcomes on a synthetic world', () => {
  it('writes no pseudonym into any output', async () => {
    const clusters = await readFile(join(dir, 'linkage/clusters.csv'), 'utf8');
    const pseudonyms = new Set(clusters.split('\n').slice(1).map((l) => l.split(',')[2]).filter(Boolean));
    for (const out of ['out', 'dp']) {
      for (const file of await readdir(join(dir, out))) {
        const tokens = (await readFile(join(dir, out, file), 'utf8')).match(/[0-9a-f]{16,}/g) ?? [];
        expect(tokens.filter((t) => pseudonyms.has(t))).toEqual([]);
      }
    }
  });

  it('publishes no cell under the thresholds', async () => {
    for (const file of await readdir(join(dir, 'out'))) {
      if (!file.endsWith('.json') || file === 'manifest.json' || file === 'margins.json') continue;
      const table = file.replace('.json', '');
      for (const c of await cells('out', table)) {
        if (c.status === 'suppressed') expect([c.value, c.count]).toEqual([null, null]);
        else if (c.count !== null) expect(c.count as number).toBeGreaterThanOrEqual(/earnings|trajectory/.test(table) || String(c.measure).startsWith('did') ? 30 : 10);
      }
    }
  });

  it('gives byte-identical outputs for the same inputs', async () => {
    for (const file of await readdir(join(dir, 'out'))) {
      expect(await readFile(join(dir, 'again', file), 'utf8'), file).toBe(await readFile(join(dir, 'out', file), 'utf8'));
    }
  });

  it('stays near the truth linkage: employment within 0.1, medians within 10%', async () => {
    const pairs = async (table: string, measure: string, extra: (c: Cell) => boolean) => {
      const [linked, truth] = [await cells('out', table), await cells('truth', table)];
      const key = (c: Cell) => `${c.credential}|${c.cohort}`;
      const truthBy = new Map(truth.filter((c) => c.measure === measure && extra(c) && c.value !== null).map((c) => [key(c), c.value as number]));
      return linked.filter((c) => c.measure === measure && extra(c) && c.value !== null && truthBy.has(key(c))).map((c) => [c.value as number, truthBy.get(key(c))!]);
    };
    const employment = await pairs('employment', 'employed_q4', () => true);
    expect(employment.length).toBeGreaterThan(2);
    for (const [a, b] of employment) expect(Math.abs(a - b)).toBeLessThan(0.1);
    const medians = await pairs('earnings_quarterly', 'median', (c) => c.quarter_after === 4);
    for (const [a, b] of medians) expect(Math.abs(a - b) / b).toBeLessThan(0.1);
  });

  it('publishes an NPV that is the premium a quarter discounted at 3% minus the catalog cost', async () => {
    const catalog = JSON.parse(await readFile(join(dir, 'world/catalog.json'), 'utf8')).credentials as Array<{ code: string; cost: number }>;
    const roi = await cells('out', 'roi');
    const annuity = (1 - 1.03 ** -10) / (1.03 ** 0.25 - 1); // 34.5023: 40 quarters at 3% a year
    const premiums = roi.filter((c) => c.measure === 'premium_per_quarter' && c.value !== null);
    expect(premiums.length).toBeGreaterThan(0);
    for (const p of premiums) {
      const npv = roi.find((c) => c.credential === p.credential && c.cohort === p.cohort && c.measure === 'npv_10y')!.value as number;
      const cost = catalog.find((c) => c.code === p.credential)!.cost;
      // the premium is published to $10: +-5 x 34.5, plus $5 for the NPV's own rounding
      expect(Math.abs(npv - ((p.value as number) * annuity - cost)), String(p.credential)).toBeLessThanOrEqual(5 * annuity + 5);
    }
  });

  it('records the privacy budget and marks noisy cells under --epsilon', async () => {
    const budget = JSON.parse(await readFile(join(dir, 'dp/dp-budget.json'), 'utf8'));
    expect(budget.epsilon).toBe(50);
    expect(budget.queries).toBeGreaterThan(0);
    const employment = await cells('dp', 'employment');
    expect(employment.every((c) => c.status === 'noisy' || c.status === 'suppressed')).toBe(true);
    expect(employment.some((c) => c.status === 'noisy')).toBe(true);
    const manifest = JSON.parse(await readFile(join(dir, 'dp/manifest.json'), 'utf8'));
    expect(manifest.differentialPrivacy.epsilon).toBe(50);
  });

  it('writes a manifest with input checksums and the linkage error', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { role: string }) => i.role)).toEqual(expect.arrayContaining(['config', 'catalog', 'employers', 'clusters', 'linkage summary']));
    expect(manifest.linkageError.expectedFalseMatchShare).toBeGreaterThanOrEqual(0);
    expect(manifest.createdAt).toBeUndefined();
    expect(manifest.config.disclosure.minCell).toBe(10);
  });
});
