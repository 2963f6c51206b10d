import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { looksDuplicateFree } from '../../src/schema/duplicate-free-check.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { runCli } from './run-cli.ts';

describe('looksDuplicateFree', () => {
  const roster = { role: 'roster' as const, duplicateFree: false, persons: 500, repeatedRows: 0 };

  it('flags a roster marked false with no id on two rows', () => {
    expect(looksDuplicateFree(roster)).toBe(true);
  });

  it('leaves alone rosters with repeated ids, duplicate-free ones, other roles and tiny files', () => {
    expect(looksDuplicateFree({ ...roster, repeatedRows: 3 })).toBe(false);
    expect(looksDuplicateFree({ ...roster, duplicateFree: true })).toBe(false);
    expect(looksDuplicateFree({ ...roster, role: 'wages' })).toBe(false);
    expect(looksDuplicateFree({ ...roster, persons: 5 })).toBe(false);
  });
});

describe('credlink hash on a roster marked duplicateFree false', () => {
  let dir: string;
  const names = ['ana', 'ben', 'cleo', 'dev', 'eli', 'fay', 'gus', 'hana', 'ivo', 'jun', 'kai', 'lea', 'max', 'nia', 'oli', 'pia', 'quin', 'rex', 'sol', 'tia', 'uma', 'vic', 'wes', 'xia', 'yan'];
  const csv = (repeat: boolean) => `id,first,last\n${names.map((n, i) => `C${i},${n},smith`).join('\n')}\n${repeat ? 'C0,ana,smith\n' : ''}`;
  const mapping = { credlinkMapping: 1, source: 'board', role: 'roster', personId: { column: 'id' }, duplicateFree: false, fields: { first_name: { column: 'first' }, last_name: { column: 'last' } } };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credlink-dupfree-'));
    writeFileSync(join(dir, 'schema.json'), JSON.stringify(DEFAULT_SCHEMA));
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping));
    writeFileSync(join(dir, 'key'), `${'4e'.repeat(32)}\n`, { mode: 0o600 });
    writeFileSync(join(dir, 'once.csv'), csv(false));
    writeFileSync(join(dir, 'repeat.csv'), csv(true));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const hash = (file: string) => runCli(dir, ['hash', '--schema', 'schema.json', '--mapping', 'mapping.json', '--secret-file', 'key', file, '-o', `${file}.extract`]);

  it('warns when no id is on two rows, and says what to set', () => {
    const result = hash('once.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no person id is on more than one row');
    expect(result.stderr).toMatch(/set \\?"duplicateFree\\?": true/);
  });

  it('says nothing when an id repeats', () => {
    const result = hash('repeat.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('duplicateFree');
  });
});
