import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsUnderFloors } from '../../src/disclosure/disclosure-floors.ts';
import { runInProcess } from '../hash/in-process.ts';

let dir: string;
const at = (f: string) => join(dir, f);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-floors-'));
  const catalog = [{ code: 'CNA', name: 'Nurse aide', issuer: 'nb', type: 'license' }];
  writeFileSync(at('outcomes.json'), JSON.stringify({ credlinkOutcomes: 1, catalog }));
  writeFileSync(at('unsafe.json'), JSON.stringify({ credlinkOutcomes: 1, catalog, disclosure: { minCell: 1, roundingBase: 1 } }));
  writeFileSync(at('job.json'), JSON.stringify({ credlinkJob: 1, name: 'floors', extracts: [{ path: 'roster.extract', role: 'roster' }, { path: 'wages.extract', role: 'wages' }], linkage: { schema: 'schema.json' }, outcomes: 'outcomes.json' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('disclosure floors', () => {
  it('names the settings under the floors', () => {
    expect(settingsUnderFloors({ minCell: 1, roundingBase: 1 })).toEqual(['disclosure.minCell 1 is under the floor 5', 'disclosure.roundingBase 1 is under the floor 3']);
    expect(settingsUnderFloors({ minCell: 5, roundingBase: 3 })).toEqual([]);
  });

  it('run refuses --set disclosure.minCell=1 --set disclosure.roundingBase=1 with a usage error', async () => {
    const run = await runInProcess(['run', at('job.json'), '-o', at('out'), '--set', 'disclosure.minCell=1', '--set', 'disclosure.roundingBase=1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('disclosure.minCell 1 is under the floor 5; disclosure.roundingBase 1 is under the floor 3');
    expect(run.stderr).toContain('--unsafe-disclosure');
  });

  it('outcomes refuses a config under the floors, before reading any input', async () => {
    const run = await runInProcess(['outcomes', '--linkage', at('missing'), '--config', at('unsafe.json'), at('missing.extract'), '-o', at('tables')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('disclosure.minCell 1 is under the floor 5');
  });

  it('with --unsafe-disclosure goes on, and says so loudly', async () => {
    const run = await runInProcess(['run', at('job.json'), '-o', at('out'), '--set', 'disclosure.minCell=1', '--unsafe-disclosure']);
    expect(run.stderr).toContain('UNSAFE DISCLOSURE SETTINGS');
    expect(run.stderr).not.toContain('is under the floor 5: such tables');
    expect(run.code).not.toBe(0); // the job's extract does not exist: it failed later, on that
  });
});
