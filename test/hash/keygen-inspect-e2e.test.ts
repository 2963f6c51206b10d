import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { runInProcess } from './in-process.ts';
import { writeProject } from './roster-fixture.ts';
import { keyCheckValue } from '../../src/encode/key-derivation.ts';

let dir: string;
const at = (file: string) => join(dir, file);
const hashWith = (key: string, mapping: string, out: string) =>
  runInProcess(['hash', '--schema', at('schema.json'), '--mapping', at(mapping), '--secret-file', at(key), at('roster.csv'), '-o', at(out)]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-keygen-'));
  writeProject(dir);
  const mapping = JSON.parse(readFileSync(at('roster.mapping.json'), 'utf8'));
  writeFileSync(at('other.mapping.json'), JSON.stringify({ ...mapping, source: 'nurseboard' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credlink keygen', () => {
  it('writes a 32-byte hex secret readable by its owner only, and prints only its key check value', () => {
    const run = runCli(dir, ['keygen', '-o', 'new.key']);
    expect(run.code).toBe(0);
    expect(statSync(at('new.key')).mode & 0o777).toBe(0o600);
    const hex = readFileSync(at('new.key'), 'utf8').trim();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    const secret = Buffer.from(hex, 'hex');
    expect(run.stdout).toContain(`key check value: ${keyCheckValue(new Uint8Array(secret))}`);
    for (const form of [hex, secret.toString('base64'), hex.slice(0, 16)]) expect(`${run.stdout}${run.stderr}`).not.toContain(form);
  });

  it('never overwrites a key file', async () => {
    const before = readFileSync(at('new.key'), 'utf8');
    const run = await runInProcess(['keygen', '-o', at('new.key'), '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already exists/);
    expect(readFileSync(at('new.key'), 'utf8')).toBe(before);
  });

  it('prints JSON with --json', async () => {
    const run = await runInProcess(['keygen', '-o', at('json.key'), '--json']);
    const summary = JSON.parse(run.stdout);
    expect(summary.keyCheckValue).toBe(keyCheckValue(new Uint8Array(Buffer.from(readFileSync(at('json.key'), 'utf8').trim(), 'hex'))));
  });
});

describe('credlink inspect', () => {
  beforeAll(async () => {
    expect((await hashWith('project.key', 'roster.mapping.json', 'a.extract')).code).toBe(0);
    expect((await hashWith('project.key', 'other.mapping.json', 'b.extract')).code).toBe(0);
    expect((await hashWith('new.key', 'other.mapping.json', 'c.extract')).code).toBe(0);
  });

  it('verifies the checksum and says that extracts of two sources with one schema and key can be linked', () => {
    const run = runCli(dir, ['inspect', 'a.extract', 'b.extract']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/a\.extract: checksum ok/);
    expect(run.stdout).toMatch(/source\s+techcert \(roster, persons may repeat\)/);
    expect(run.stdout).toMatch(/linkable: yes/);
  });

  it('says exactly why extracts made with different secrets, or of one source, cannot be linked', async () => {
    const run = await runInProcess(['inspect', '--json', at('a.extract'), at('b.extract'), at('c.extract')]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.linkable).toBe(false);
    expect(report.reasons.map((r: { code: string }) => r.code).sort()).toEqual(['KEY_MISMATCH', 'SAME_SOURCE']);
    expect(report.reasons.find((r: { code: string }) => r.code === 'KEY_MISMATCH').files).toEqual([at('a.extract'), at('c.extract')]);
    expect(run.stderr).toMatch(/cannot be linked: KEY_MISMATCH, SAME_SOURCE/);
  });

  it('fails with EXTRACT_CHECKSUM on an extract edited after it was written', () => {
    const lines = readFileSync(at('a.extract'), 'utf8').split('\n');
    // Swap one payload value: the kind of edit that would silently change an outcome table.
    lines[lines.findIndex((l) => l.includes('"result":"fail"'))] = lines.find((l) => l.includes('"result":"fail"'))!.replace('"fail"', '"pass"');
    writeFileSync(at('tampered.extract'), lines.join('\n'));
    const run = runCli(dir, ['inspect', 'tampered.extract']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tampered\.extract: EXTRACT_CHECKSUM/);
  });

  it('names a missing file as a usage error', async () => {
    const run = await runInProcess(['inspect', at('nope.extract')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nope\.extract.* does not exist/);
  });
});
