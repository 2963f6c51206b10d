import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { writeProject } from './roster-fixture.ts';

let dir: string;
const HASH = ['hash', '--schema', 'schema.json', '--mapping', 'roster.mapping.json', '--secret-file', 'project.key', '--on-invalid', 'reject', '--rejects'];

/** ~300 KB: several parser chunks, so batches go to different threads; persons recur across batches. */
function bigRoster(): string {
  const lines = ['Candidate ID,Name,Birth Date,SSN,Email,ZIP,Credential,Exam Date,Result'];
  for (let i = 0; i < 4000; i++) {
    const id = i % 13 === 5 ? '' : `TC-${i % 1500}`;
    const ssn = `${100 + (i % 700)}-${10 + (i % 89)}-${1000 + (i % 8999)}`;
    lines.push(`${id},"Person${i % 1500}, Name${i % 97}",0${1 + (i % 9)}/1${i % 9}/19${50 + (i % 50)},${ssn},p${i % 1500}@mail.com,${10000 + i},CNA,03/14/2023,pass`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-hash-workers-'));
  writeProject(dir);
  writeFileSync(join(dir, 'big.csv'), bigRoster());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credlink hash --workers', () => {
  it('writes the same extract and rejects with 1, 2 and 3 worker threads', () => {
    const outputs = [1, 2, 3].map((n) => {
      const run = runCli(dir, [...HASH, `rejects${n}.csv`, '--workers', String(n), 'big.csv', '-o', `big${n}.extract`]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return { extract: readFileSync(join(dir, `big${n}.extract`)), rejects: readFileSync(join(dir, `rejects${n}.csv`), 'utf8'), stdout: run.stdout.replace(/big\d\.extract/, '') };
    });
    expect(outputs[0].stdout).toMatch(/4000 rows in = 3692 encoded \+ 308 rejected/);
    expect(outputs[0].stdout).toMatch(/1500 persons, 3692 payload rows/);
    for (const other of outputs.slice(1)) {
      expect(other.extract.equals(outputs[0].extract)).toBe(true);
      expect(other.rejects).toBe(outputs[0].rejects);
      expect(other.stdout).toBe(outputs[0].stdout);
    }
  });

  it('refuses a worker count that is not a whole number from 1 to 64', () => {
    const run = runCli(dir, [...HASH, 'r.csv', '--workers', '0', 'roster.csv', '-o', 'x.extract']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers');
  });
});
