import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credlink } from '../job/spawn-cli.ts';
import { buildEncodedWorld } from '../job/run-world.ts';

/*
 * outcomes takes only the extracts that were linked (issue #16): another key or schema used to
 * give exit 0 with every cell suppressed, and an extract substituted after link was used as it
 * was. link records them in LINKAGE/inputs.json; outcomes checks, and verifies signatures.
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-outcomes-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...parts: string[]) => join(dir, ...parts);
const ROSTER_AND_WAGES = ['ex/techcert.extract', 'ex/wages.extract'];
const hash = (csv: string, out: string, ...keyAndSchema: string[]) => credlink(dir, 'hash', csv, '--mapping', 'mappings/techcert.json', '--on-invalid', 'reject', '-o', out, ...keyAndSchema);
const outcomes = (out: string, ...extracts: string[]) => credlink(dir, 'outcomes', '--linkage', 'linkage', '--config', 'outcomes.json', ...extracts, '-o', out);

beforeAll(async () => {
  await buildEncodedWorld(dir, 200);
  const link = credlink(dir, 'link', ...ROSTER_AND_WAGES, 'ex/spine.extract', '--schema', 'schema.json', '-o', 'linkage');
  expect(link.code, link.stderr).toBe(0);
  writeFileSync(at('other.key'), `${'b7'.repeat(32)}\n`, { mode: 0o600 });
  const schema = JSON.parse(readFileSync(at('schema.json'), 'utf8'));
  schema.fields[0].hashesPerToken += 1;
  writeFileSync(at('other-schema.json'), JSON.stringify(schema));
  const lines = readFileSync(at('techcert.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(at('techcert-minus-one.csv'), `${lines.slice(0, -1).join('\n')}\n`);
}, 120_000);

describe.concurrent('outcomes checks its extracts against the linkage', () => {
  it('link records what it linked in inputs.json: source, key check value, schema, checksum', () => {
    const recorded = JSON.parse(readFileSync(at('linkage', 'inputs.json'), 'utf8'));
    expect(recorded.extracts.map((e: { source: string }) => e.source)).toEqual(['spine', 'techcert', 'wages']);
    for (const e of recorded.extracts) expect(Object.keys(e).sort()).toEqual(['bodySha256', 'keyCheckValue', 'persons', 'role', 'schemaFingerprint', 'source']);
  });

  it('the extracts that were linked give tables, and the wage coverage used is printed', () => {
    const r = outcomes('tables-ok', ...ROSTER_AND_WAGES);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wage coverage inferred as \d{4}Q\d-\d{4}Q\d/);
  });

  it('an extract hashed with another key is refused', () => {
    expect(hash('techcert.csv', 'other-key.extract', '--secret-file', 'other.key', '--schema', 'schema.json').code).toBe(0);
    const r = outcomes('tables-key', 'other-key.extract', 'ex/wages.extract');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('other-key.extract: KEY_MISMATCH');
  });

  it('an extract hashed with another schema is refused', () => {
    expect(hash('techcert.csv', 'other-schema.extract', '--secret-file', 'secret.key', '--schema', 'other-schema.json').code).toBe(0);
    const r = outcomes('tables-schema', 'other-schema.extract', 'ex/wages.extract');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('other-schema.extract: SCHEMA_MISMATCH');
  });

  it('an extract substituted after link is refused', () => {
    expect(hash('techcert-minus-one.csv', 'substituted.extract', '--secret-file', 'secret.key', '--schema', 'schema.json').code).toBe(0);
    const r = outcomes('tables-changed', 'substituted.extract', 'ex/wages.extract');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('substituted.extract: EXTRACT_CHANGED');
  });

  it('--public-key refuses unsigned extracts, as link does', () => {
    const r = credlink(dir, 'outcomes', '--linkage', 'linkage', '--config', 'outcomes.json', ...ROSTER_AND_WAGES, '-o', 'tables-signed', '--public-key', 'c1'.repeat(32));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('EXTRACT_UNSIGNED');
  });
});
