import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeSource, population, writeTestExtract, TEST_SECRET } from './synthetic-people.ts';

/* --threshold 0 (every scored candidate eligible) and evaluate's sweep down to 1e-6 (issue #13). */
const BIN = resolve(__dirname, '../../bin/credlink.js');
let dir: string;

function credlink(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CREDLINK_LOG_LEVEL: 'error' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const links = (folder: string) => JSON.parse(readFileSync(join(dir, folder, 'summary.json'), 'utf8')).sourcePairs[0].links as number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-threshold-'));
  const people = population(300, 'threshold');
  const truth = ['source,local_id,person_id'];
  for (const plan of [
    { name: 'roster', role: 'roster', fields: ['first_name', 'last_name', 'dob'], coverage: 0.6, error: 0.05 },
    { name: 'college', role: 'education', fields: ['first_name', 'last_name', 'dob'], coverage: 0.6, error: 0.05 },
  ] as const) {
    const { source, truth: map } = makeSource(people, { ...plan, fields: [...plan.fields] });
    await writeTestExtract(join(dir, `${plan.name}.extract`), source);
    for (const id of map.values()) truth.push(`${plan.name},${plan.name}-${id},person${id}`);
  }
  writeFileSync(join(dir, 'persons.csv'), `${truth.join('\n')}\n`);
  writeFileSync(join(dir, 'project.key'), `${Buffer.from(TEST_SECRET).toString('hex')}\n`, { mode: 0o600 });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('link thresholds', () => {
  it('accepts --threshold 0 and then links at least as many pairs as at the default', () => {
    expect(credlink('link', 'roster.extract', 'college.extract', '-o', 'default').code).toBe(0);
    const run = credlink('link', 'roster.extract', 'college.extract', '--threshold', '0', '-o', 'zero');
    expect(run.code).toBe(0);
    expect(links('zero')).toBeGreaterThanOrEqual(links('default'));
  });

  it.each(['1', '-0.1', '', 'x'])('refuses --threshold %j as a usage error', (value) => {
    const run = credlink('link', 'roster.extract', 'college.extract', '--threshold', value, '-o', 'refused');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--threshold must be a number from 0/);
  });
});

describe('evaluate threshold grid', () => {
  it('sweeps match probabilities down to 1e-6 by default, and accepts 0', () => {
    const evaluation = JSON.parse(credlink('evaluate', 'default', '--truth', 'persons.csv', '--secret-file', 'project.key', '--json').stdout);
    const fs = evaluation.sweep.filter((row: { method: string }) => row.method === 'fs').map((row: { threshold: number }) => row.threshold);
    expect(Math.min(...fs)).toBe(1e-6);
    expect(fs).toEqual(expect.arrayContaining([1e-5, 1e-4, 1e-3, 0.01]));
    const zero = credlink('evaluate', 'default', '--truth', 'persons.csv', '--secret-file', 'project.key', '--thresholds', '0,0.5', '--json');
    expect(zero.code).toBe(0);
  });
});
