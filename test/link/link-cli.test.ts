import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { keyCheckValue } from '../../src/encode/encoder.ts';
import { makeSource, population, writeTestExtract, TEST_SECRET } from './synthetic-people.ts';

const BIN = resolve(__dirname, '../../bin/credlink.js');
let dir: string;

function credlink(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CREDLINK_LOG_LEVEL: 'error' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-link-'));
  const people = population(600, 'cli');
  const plans = [
    { name: 'roster', role: 'roster', fields: ['first_name', 'last_name', 'dob', 'email'], coverage: 0.5, error: 0.03 },
    { name: 'college', role: 'education', fields: ['first_name', 'last_name', 'dob'], coverage: 0.5, error: 0.03 },
    { name: 'spine', role: 'spine', fields: ['first_name', 'last_name', 'dob', 'ssn', 'postcode'], coverage: 0.95, error: 0.02 },
    { name: 'wages', role: 'wages', fields: ['first_name', 'last_name', 'ssn'], coverage: 0.7, error: 0.02 },
  ] as const;
  const truth = ['source,local_id,person_id'];
  for (const plan of plans) {
    const { source, truth: map } = makeSource(people, { ...plan, fields: [...plan.fields] });
    await writeTestExtract(join(dir, `${plan.name}.extract`), source);
    for (const id of map.values()) truth.push(`${plan.name},${plan.name}-${id},person${id}`);
  }
  const other = makeSource(people, { ...plans[1], name: 'college2', fields: [...plans[1].fields] }).source;
  await writeTestExtract(join(dir, 'other-key.extract'), other, { keyCheckValue: keyCheckValue(new Uint8Array(32).fill(9)) });
  await writeTestExtract(join(dir, 'second-spine.extract'), { ...other, name: 'spine2', role: 'spine' });
  const tampered = readFileSync(join(dir, 'college.extract'), 'utf8').replace('"t":"p","id":"', '"t":"p","id":"0');
  writeFileSync(join(dir, 'tampered.extract'), tampered);
  writeFileSync(join(dir, 'persons.csv'), `${truth.join('\n')}\n`);
  writeFileSync(join(dir, 'project.key'), `${Buffer.from(TEST_SECRET).toString('hex')}\n`, { mode: 0o600 });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credlink link', () => {
  it('writes an owner-only linkage folder through the spine and reports what it linked', () => {
    const run = credlink('link', 'roster.extract', 'college.extract', 'wages.extract', '--spine', 'spine.extract', '-o', 'linkage', '--explain');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/spine ~ roster: \d+ candidate pairs \(reduction ratio 0\.9\d+\), \d+ links/);
    expect(run.stdout).toMatch(/model spine ~ wages: prior/);
    expect(run.stdout).toMatch(/ssn +else +[\d.e-]+ +[\d.e-]+ +-\d/);
    expect(statSync(join(dir, 'linkage')).mode & 0o777).toBe(0o700);
    for (const file of ['clusters.csv', 'pairs.csv', 'candidates.csv', 'model.json', 'summary.json']) {
      expect(statSync(join(dir, 'linkage', file)).mode & 0o777).toBe(0o600);
    }
    const clusters = readFileSync(join(dir, 'linkage', 'clusters.csv'), 'utf8').trim().split('\n');
    expect(clusters[0]).toBe('cluster_id,source,pseudonym,match_probability');
    const summary = JSON.parse(readFileSync(join(dir, 'linkage', 'summary.json'), 'utf8'));
    expect(summary.spine).toBe('spine');
    expect(summary.sourcePairs.find((p: { sourceB: string }) => p.sourceB === 'wages').links).toBeGreaterThan(300);
  });

  it('writes identical bytes when run again on the same extracts given in another order', () => {
    expect(credlink('link', 'wages.extract', 'college.extract', 'roster.extract', '--spine', 'spine.extract', '-o', 'again').code).toBe(0);
    for (const file of ['clusters.csv', 'pairs.csv', 'candidates.csv', 'model.json', 'summary.json']) {
      expect(readFileSync(join(dir, 'again', file), 'utf8')).toBe(readFileSync(join(dir, 'linkage', file), 'utf8'));
    }
  });

  it.each([
    [['college.extract', 'other-key.extract'], 1, /other-key\.extract: KEY_MISMATCH: encoded with another secret than college\.extract/],
    [['college.extract', 'second-spine.extract', '--spine', 'spine.extract'], 1, /SPINE_REPEATED/],
    [['roster.extract', 'tampered.extract'], 1, /tampered\.extract: EXTRACT_CHECKSUM/],
    [['roster.extract'], 2, /at least two extracts/],
  ])('refuses %j with exit code %i and writes nothing', (args, code, message) => {
    const run = credlink('link', ...args, '-o', 'refused');
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });
});

describe('credlink evaluate', () => {
  it('scores the linkage against the truth and writes the true linkage', () => {
    const run = credlink('evaluate', 'linkage', '--truth', 'persons.csv', '--secret-file', 'project.key', '--write-truth-linkage', 'truth-linkage', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const evaluation = JSON.parse(run.stdout);
    const rosterWages = evaluation.asLinked.find((q: { sourceA: string; sourceB: string }) => q.sourceA === 'roster' && q.sourceB === 'wages');
    expect(rosterWages.truePairs).toBeGreaterThan(100);
    expect(rosterWages.f1).toBeGreaterThan(0.9);
    expect(evaluation.best.some((b: { method: string }) => b.method === 'threshold')).toBe(true);
    const truth = readFileSync(join(dir, 'truth-linkage', 'clusters.csv'), 'utf8').trim().split('\n');
    const linked = readFileSync(join(dir, 'linkage', 'clusters.csv'), 'utf8').trim().split('\n');
    expect(truth.length).toBe(linked.length);
    expect(statSync(join(dir, 'truth-linkage', 'clusters.csv')).mode & 0o777).toBe(0o600);
  });

  it('deduplicates one extract with --dedupe and refuses --dedupe with two', () => {
    const run = credlink('link', '--dedupe', 'wages.extract', '-o', 'dedupe');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/wages ~ wages: \d+ candidate pairs/);
    const summary = JSON.parse(readFileSync(join(dir, 'dedupe', 'summary.json'), 'utf8'));
    expect(summary.sourcePairs).toHaveLength(1);
    const evaluation = JSON.parse(credlink('evaluate', 'dedupe', '--truth', 'persons.csv', '--secret-file', 'project.key', '--json').stdout);
    expect(evaluation.asLinked[0]).toMatchObject({ sourceA: 'wages', sourceB: 'wages' });
    const refused = credlink('link', '--dedupe', 'roster.extract', 'college.extract', '-o', 'refused');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--dedupe takes exactly one extract/);
  });
});
