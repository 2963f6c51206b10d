import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { credlink, type CliResult } from '../job/spawn-cli.ts';

/*
 * A key file handed over where a CSV or a JSON file is expected, or pasted where a path goes:
 * no error may quote it (issue #16: the whole 64-hex secret came back 8-13 times, the first 11
 * characters through Node's JSON errors).
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-secret-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const world = resolve('fixtures/world');
let hex = '';

beforeAll(() => {
  expect(credlink(dir, 'keygen', '-o', 'project.key').code).toBe(0);
  hex = readFileSync(join(dir, 'project.key'), 'utf8').trim();
  expect(hex).toMatch(/^[0-9a-f]{64}$/);
  copyFileSync(join(dir, 'project.key'), join(dir, 'copy-of-a.key'));
  writeFileSync(join(dir, 'job.json'), JSON.stringify({ credlinkJob: 1, name: 'leak', extracts: [{ path: 'x.extract' }, { path: 'y.extract' }], linkage: {}, outcomes: 'outcomes.json' }));
  const outcomes = JSON.parse(readFileSync(resolve('fixtures/outcomes.json'), 'utf8'));
  writeFileSync(join(dir, 'outcomes.json'), JSON.stringify({ ...outcomes, catalog: 'project.key', employers: undefined }));
});

/** Any 8 consecutive characters of the secret's hex form, in either case. */
function leaks(result: CliResult): string[] {
  const text = (result.stdout + result.stderr).toLowerCase();
  const found: string[] = [];
  for (let i = 0; i + 8 <= hex.length; i++) if (text.includes(hex.slice(i, i + 8))) found.push(hex.slice(i, i + 8));
  return found;
}

const hashArgs = (input: string, ...more: string[]) => ['hash', '--schema', join(world, 'schema.json'), '--mapping', join(world, 'mappings/techcert.json'), '--secret-file', 'project.key', input, '-o', 'out.extract', ...more];

describe.concurrent('no secret in an error message', () => {
  it('normalize of a key file names neither the header it found nor the key', () => {
    const r = credlink(dir, 'normalize', '--mapping', join(world, 'mappings/techcert.json'), 'project.key');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MISSING_COLUMN');
    expect(r.stderr).toContain('not shaped like column names');
    expect(leaks(r)).toEqual([]);
  });

  it('readiness of a key file does not quote it', () => {
    const r = credlink(dir, 'readiness', '--mapping', join(world, 'mappings/techcert.json'), 'project.key');
    expect(r.code).not.toBe(0);
    expect(leaks(r)).toEqual([]);
  });

  it('hash of a copy of the key file as the CSV does not quote it', () => {
    const r = credlink(dir, ...hashArgs('copy-of-a.key'));
    expect(r.code).toBe(1);
    expect(leaks(r)).toEqual([]);
  });

  it('validate of a key file gives line and column, not its first characters', () => {
    const r = credlink(dir, 'validate', 'project.key');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON at line 1, column \d+/);
    expect(leaks(r)).toEqual([]);
  });

  it('run of a key file as the job does not quote it', () => {
    const r = credlink(dir, 'run', 'project.key');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CONFIG_NOT_JSON');
    expect(r.stderr).toMatch(/line 1, column \d+/);
    expect(leaks(r)).toEqual([]);
  });

  it('hash --schema of a key file does not quote it', () => {
    const r = credlink(dir, 'hash', '--schema', 'project.key', '--mapping', join(world, 'mappings/techcert.json'), '--secret-file', 'project.key', join(world, 'techcert.csv'), '-o', 'x.extract');
    expect(r.code).not.toBe(0);
    expect(leaks(r)).toEqual([]);
  });

  it('a catalog that points at the key file does not quote it', () => {
    const r = credlink(dir, 'outcomes', '--linkage', 'nowhere', '--config', 'outcomes.json', 'project.key', '-o', 'tables');
    expect(r.code).not.toBe(0);
    expect(leaks(r)).toEqual([]);
  });

  it('--secret-file ./<hex> is not echoed', () => {
    const r = credlink(dir, 'hash', '--schema', join(world, 'schema.json'), '--mapping', join(world, 'mappings/techcert.json'), '--secret-file', `./${hex}`, join(world, 'techcert.csv'), '-o', 'x.extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('looks like a secret');
    expect(leaks(r)).toEqual([]);
  });
});
