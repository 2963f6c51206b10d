import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../hash/in-process.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An industry table as outcomes writes it: the employed total and six sectors, two of them hidden. */
function tablesFolder(sectorCounts: Array<number | null>, total: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'credlink-audit-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'tables'));
  const cells = [
    { credential: 'DS-NET', sector: 'all', measure: 'employed_q4', value: total, count: total, status: 'ok' },
    ...sectorCounts.map((v, i) => ({ credential: 'DS-NET', sector: `s${i}`, measure: 'employed_q4', value: v, count: v, status: v === null ? 'suppressed' : 'ok' })),
  ];
  writeFileSync(join(dir, 'tables', 'industry.json'), JSON.stringify({ table: 'industry', dims: ['credential', 'sector'], cells }));
  const margins = [{ total: ['industry', 0, 'count'], parts: sectorCounts.map((_, i) => ['industry', i + 1, 'count']) }];
  writeFileSync(join(dir, 'tables', 'margins.json'), JSON.stringify({ credlinkMargins: 1, policy: { minCell: 10, roundingBase: 5, rateDecimals: 3 }, margins }));
  return join(dir, 'tables');
}

describe('credlink audit TABLES/', () => {
  it('names every hidden cell the margins pin below the minimum, with its bounds, and exits 1', async () => {
    // 95 employed (93-97 people); the published sectors hold at least 28 + 23 + 23 + 18 = 92: the two hidden ones hold 0..5.
    const run = await runInProcess(['audit', tablesFolder([null, null, 30, 25, 25, 20], 95)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 margins, 2 hidden cells in them; 2 pinned below 10 people.');
    expect(run.stdout).toContain('industry credential=DS-NET sector=s0 employed_q4: 0..5 people');
    expect(run.stdout).toContain('industry credential=DS-NET sector=s1 employed_q4: 0..5 people');
    expect(run.stderr).toContain('DISCLOSURE_PINNED_CELLS');
  });

  it('passes tables whose hidden cells could hold the minimum', async () => {
    const run = await runInProcess(['audit', tablesFolder([null, null, 30, 25, 20, 5], 120), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ margins: 1, hiddenCellsInMargins: 2, pinned: [] });
  });

  it('is a usage error on a folder without margins.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlink-audit-'));
    dirs.push(dir);
    const run = await runInProcess(['audit', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('margins.json');
  });
});
