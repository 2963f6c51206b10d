import { describe, expect, it } from 'vitest';
import { checkInputs } from '../../src/cli/link.ts';
import type { ExtractManifest } from '../../src/extract/extract-types.ts';

const manifest = (overrides: Partial<ExtractManifest>): ExtractManifest => ({
  format: 'credlink-extract',
  formatVersion: 1,
  toolVersion: '0.1.0',
  source: 'roster',
  role: 'roster',
  duplicateFree: true,
  schemaFingerprint: 'a'.repeat(64),
  keyCheckValue: 'kcv1',
  rowsIn: 10,
  rowsRejected: 0,
  persons: 10,
  payloadRows: 10,
  fieldFill: {},
  payloadColumns: {},
  bodySha256: '0'.repeat(64),
  ...overrides,
});

describe('checkInputs', () => {
  it('accepts extracts of one schema and one secret', () => {
    expect(checkInputs([{ path: 'r.extract', manifest: manifest({}) }, { path: 'c.extract', manifest: manifest({ source: 'college', role: 'education' }) }], undefined)).toEqual([]);
  });

  it.each([
    [{ schemaFingerprint: 'b'.repeat(64), source: 'college' }, 'SCHEMA_MISMATCH'],
    [{ keyCheckValue: 'kcv2', source: 'college' }, 'KEY_MISMATCH'],
    [{}, 'SOURCE_REPEATED'],
    [{ source: 'empty', persons: 0 }, 'EXTRACT_NO_PERSONS'],
  ])('flags %j as %s, naming the file', (overrides, code) => {
    const findings = checkInputs([{ path: 'r.extract', manifest: manifest({}) }, { path: 'x.extract', manifest: manifest(overrides) }], undefined);
    expect(findings.map((f) => f.code)).toEqual([code]);
    expect(findings[0].file).toBe('x.extract');
  });

  it('refuses a --spine whose manifest says it is not a spine', () => {
    const findings = checkInputs([{ path: 'r.extract', manifest: manifest({}) }, { path: 'c.extract', manifest: manifest({ source: 'college', role: 'education' }) }], 'c.extract');
    expect(findings.map((f) => f.code)).toEqual(['SPINE_ROLE']);
  });
});
