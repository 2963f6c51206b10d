import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/errors.ts';
import { parseConfig } from '../../src/io/config-file.ts';
import { loadCatalog, loadEmployers } from '../../src/io/outcome-inputs.ts';
import { catalogFileSchema, outcomesConfigSchema } from '../../src/outcomes/outcomes-config.ts';
import { knownKeysAt, suggestKey } from '../../src/schema/did-you-mean.ts';

const findingsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error.findings;
    throw error;
  }
  throw new Error('expected a DataError');
};

const foreignCatalog = [{ code: 'HHA', name: 'Home Health Aide', issuer: 'board', type: 'license', aligned_naics: ['6216'], typical_cost: 600 }];

describe('strict configuration with did-you-mean', () => {
  it.each([
    ['aligned_naics', 'alignedNaics'],
    ['typical_cost', 'cost'],
    ['minarm', 'minArm'],
    ['preTrendTolerence', 'preTrendTolerance'],
    ['colour', undefined],
  ])('suggests a known key for %s', (unknown, expected) => {
    const known = ['code', 'name', 'issuer', 'type', 'alignedNaics', 'cost', 'minArm', 'preTrendTolerance'];
    expect(suggestKey(unknown, known)).toBe(expected);
  });

  it('refuses a catalog with other key names instead of loading cost 0, and names the right keys', () => {
    const findings = findingsOf(() => parseConfig('catalog.json', JSON.stringify({ credentials: foreignCatalog }), catalogFileSchema));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'CONFIG_INVALID', file: 'catalog.json', field: '$.credentials[0]' });
    expect(findings[0].detail).toContain('"aligned_naics" (did you mean "alignedNaics"?)');
    expect(findings[0].detail).toContain('"typical_cost" (did you mean "cost"?)');
  });

  it('refuses the same inside an inline catalog of the outcomes config (through the union)', () => {
    const findings = findingsOf(() => parseConfig('outcomes.json', JSON.stringify({ credlinkOutcomes: 1, catalog: foreignCatalog }), outcomesConfigSchema));
    expect(findings.map((f) => f.field)).toEqual(['$.catalog[0]']);
    expect(findings[0].detail).toContain('did you mean "alignedNaics"');
  });

  it('suggests within nested sections', () => {
    const findings = findingsOf(() => parseConfig('outcomes.json', JSON.stringify({ credlinkOutcomes: 1, catalog: 'c.json', comparison: { minarm: 10 } }), outcomesConfigSchema));
    expect(findings[0]).toMatchObject({ field: '$.comparison' });
    expect(findings[0].detail).toContain('did you mean "minArm"');
    expect(knownKeysAt(outcomesConfigSchema, ['comparison'])).toContain('anticipationQuarters');
  });

  it('loads the catalog file strictly from disk too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlink-catalog-'));
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(foreignCatalog));
    await expect(loadCatalog(join(dir, 'catalog.json'))).rejects.toThrow(/typical_cost.*did you mean "cost"/);
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ credentials: [{ code: 'HHA', name: 'Home Health Aide', issuer: 'board', type: 'license', alignedNaics: ['6216'], cost: 600 }], issuers: [{ id: 'board', name: 'Board' }] }));
    expect(await loadCatalog(join(dir, 'good.json'))).toEqual([{ code: 'HHA', name: 'Home Health Aide', issuer: 'board', type: 'license', alignedNaics: ['6216'], cost: 600 }]);
  });
});

describe('the employer file with a column mapping', () => {
  const dir = mkdtempSync(join(tmpdir(), 'credlink-employers-'));
  writeFileSync(join(dir, 'qcew.csv'), 'UI_ACCT;NAICS_CODE;CNTY\n100;622110;001\n200;238220;003\n');

  it('reads its own header through the mapping', async () => {
    const employers = await loadEmployers(join(dir, 'qcew.csv'), { delimiter: ';', columns: { employer_id: 'UI_ACCT', naics: 'NAICS_CODE', county: 'CNTY' } });
    expect(employers).toEqual([{ employerId: '100', naics: '622110', county: '001' }, { employerId: '200', naics: '238220', county: '003' }]);
  });

  it('names the file, line, field and header when a mapped column is missing', async () => {
    await expect(loadEmployers(join(dir, 'qcew.csv'), { delimiter: ';', columns: { employer_id: 'ACCOUNT', naics: 'NAICS_CODE' } })).rejects.toMatchObject({
      findings: [{ code: 'MISSING_COLUMN', line: 1, field: 'employer_id' }],
    });
  });

  it('is accepted by the outcomes config as a path or a mapping, and nothing else', () => {
    expect(outcomesConfigSchema.parse({ credlinkOutcomes: 1, catalog: 'c.json', employers: { file: 'qcew.csv', delimiter: ';', columns: { employer_id: 'UI_ACCT', naics: 'NAICS_CODE' } } }).employers).toMatchObject({ file: 'qcew.csv' });
    const findings = findingsOf(() => parseConfig('o.json', JSON.stringify({ credlinkOutcomes: 1, catalog: 'c.json', employers: { file: 'e.csv', columns: { employer_id: 'a', naics: 'b', sector: 'c' } } }), outcomesConfigSchema));
    expect(findings[0].field).toBe('$.employers.columns');
  });
});
