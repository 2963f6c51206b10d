import { describe, expect, it } from 'vitest';
import type { PublishedTable } from '../../src/disclosure/cells.ts';
import { diffRuns, formatRunDiff } from '../../src/job/run-diff.ts';

function table(cells: Array<[string, number, number | null, 'ok' | 'suppressed']>): PublishedTable {
  return {
    name: 'employment',
    title: 'Employment',
    dims: ['credential', 'quarter'],
    definition: '',
    cells: cells.map(([credential, quarter, value, status]) => ({ dims: { credential, quarter }, measure: 'rate', value, count: value === null ? null : 20, status })),
  };
}

const manifest = (threshold: number, links: number) => ({
  credlinkRun: 1,
  parameters: { linkage: { threshold, method: 'em' } },
  inputs: [{ path: 'a.extract', sha256: 'aa' }],
  counts: { linkage: { links } },
  outputs: [{ path: 'tables/employment.json', sha256: String(threshold) }],
});

describe('diffRuns', () => {
  const a = { manifest: manifest(0.85, 100), tables: [table([['RN', 4, 0.8, 'ok'], ['RN', 8, 0.7, 'ok'], ['LPN', 4, 0.5, 'ok']])] };
  const b = { manifest: manifest(0.95, 90), tables: [table([['RN', 4, 0.8, 'ok'], ['RN', 8, 0.75, 'ok'], ['LPN', 4, null, 'suppressed']])] };

  it('reports changed parameters and counts but not output checksums', () => {
    const diff = diffRuns(a, b);
    expect(diff.parameters).toEqual([{ path: 'parameters.linkage.threshold', a: 0.85, b: 0.95 }]);
    expect(diff.counts).toEqual([{ path: 'counts.linkage.links', a: 100, b: 90 }]);
    expect(diff.inputs).toEqual([]);
  });

  it('shows a changed list of plain values, such as the --set overrides, as one change', () => {
    const withOverrides = (overrides: string[]) => ({ ...a, manifest: { ...manifest(0.85, 100), job: { overrides } } });
    const diff = diffRuns(withOverrides([]), withOverrides(['linkage.threshold=0.95']));
    expect(diff.parameters.concat(diff.counts, diff.inputs).map((c) => c.path)).not.toContain('job.overrides.0');
    expect(formatRunDiff(diff)).toContain('job.overrides: [] -> ["linkage.threshold=0.95"]');
  });

  it('lists each changed cell with its delta, and newly suppressed cells', () => {
    const [t] = diffRuns(a, b).tables;
    expect(t.changed).toEqual([
      { key: 'credential=RN quarter=8', measure: 'rate', a: 0.7, b: 0.75, statusA: 'ok', statusB: 'ok', delta: 0.05, relative: 0.071428571 },
      { key: 'credential=LPN quarter=4', measure: 'rate', a: 0.5, b: null, statusA: 'ok', statusB: 'suppressed' },
    ]);
  });

  it('finds nothing between a run and itself', () => {
    const diff = diffRuns(a, a);
    expect([...diff.parameters, ...diff.counts, ...diff.inputs, ...diff.tables.flatMap((t) => t.changed)]).toEqual([]);
    expect(formatRunDiff(diff)).toContain('table employment: 0 of 3 cells changed');
  });

  it('marks tables present in one run only', () => {
    const diff = diffRuns(a, { ...b, tables: [] });
    expect(diff.tables[0].changed.every((c) => c.statusB === 'absent')).toBe(true);
  });

  it('formats a readable summary', () => {
    const text = formatRunDiff(diffRuns(a, b));
    expect(text).toContain('parameters.linkage.threshold: 0.85 -> 0.95');
    expect(text).toContain('credential=RN quarter=8 rate: 0.7 -> 0.75 (+0.05, +7.1%)');
    expect(text).toContain('credential=LPN quarter=4 rate: 0.5 -> suppressed');
  });
});
