import { describe, expect, it } from 'vitest';
import { createRowNormalizer } from '../../src/normalize/normalize-row.ts';
import { QualityProfileBuilder } from '../../src/normalize/quality-profile.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';

const mapping = sourceMappingSchema.parse({
  credlinkMapping: 1,
  source: 'techcert',
  role: 'roster',
  personId: { column: 'id' },
  fields: { first_name: { column: 'first' }, last_name: { column: 'last' }, dob: { column: 'dob' }, ssn: { column: 'ssn' } },
  payload: { credential: { column: 'cred', type: 'code', required: true } },
});
const HEADER = ['id', 'first', 'last', 'dob', 'ssn', 'cred'];

function profileOf(rows: string[][]) {
  const normalize = createRowNormalizer(mapping, HEADER, 'techcert.csv', { today: '2025-06-01' });
  const builder = new QualityProfileBuilder(['first_name', 'last_name', 'dob', 'ssn'], ['credential']);
  rows.forEach((fields, i) => builder.addRow(normalize(fields, i + 2), i + 2));
  return builder.finish();
}

describe('QualityProfileBuilder', () => {
  const profile = profileOf([
    ['T1', 'Katherine', 'Johnson', '1988-04-17', '123-45-6780', 'A+'],
    ['T2', 'Katharine', 'Jonson', '1988-04-17', '', 'A+'],
    ['T3', 'Kim', 'Johnson', '1988-04-17', '000-11-2222', 'NET+'],
    ['T4', 'Katherine', 'Johnson', '1990-01-01', '987-65-4320', 'SEC+'],
    ['T1', 'Katherine', 'Johnson', '1988-04-17', '123-45-6780', 'NET+'],
    ['', 'No', 'Id', '1970-01-01', '', 'A+'],
    ['T6', 'No', 'Cred', '1970-01-01', '', ''],
  ]);

  it('counts rows in = out + rejected, with reasons', () => {
    expect(profile.rows).toEqual({ in: 7, out: 5, rejected: 2, rejectedBy: { PERSON_ID_MISSING: 1, PAYLOAD_MISSING: 1 } });
  });

  it('reports completeness and invalid values per field', () => {
    expect(profile.fields.ssn).toEqual({ present: 2, completeness: 0.4, invalid: { SSN_INVALID: 2 } });
    expect(profile.fields.first_name).toEqual({ present: 5, completeness: 1, invalid: {} });
    expect(profile.payload.credential.present).toBe(5);
  });

  it('counts person ids on more than one row', () => {
    expect(profile.personIds).toEqual({ distinct: 4, duplicated: 1, rowsWithDuplicatedId: 2, maxRowsPerId: 2 });
  });

  it('finds different ids with the same birth date and names within two edits', () => {
    // T1/T2: 1 edit in first + 1 in last; T3 is too far; T4 has another birth date.
    expect(profile.likelyDuplicates).toEqual({ pairs: 1, examples: [{ lines: [2, 3] }] });
  });

  it('stays near-linear when a placeholder birth date is shared by many people', () => {
    const syllables = ['ka', 'ri', 'mo', 'lee', 'san', 'tor', 'vel', 'quin', 'dra', 'bex', 'nul', 'fo', 'gar', 'pim', 'wu', 'zed'];
    const word = (n: number) => [0, 1, 2, 3].map((k) => syllables[(n >> (4 * k)) & 15]).join('');
    // Distinct made-up names (an odd multiplier permutes 0..65535), all on one placeholder birth date.
    const rows = Array.from({ length: 10_000 }, (_, i) => [`P${i}`, word(i), word((i * 40_503) & 0xffff), '1970-01-01', '', 'A+']);
    rows.push(['P-twin', rows[0][1], `${rows[0][2]}x`, '1970-01-01', '', 'A+']);
    const started = performance.now();
    const big = profileOf(rows);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(big.rows.out).toBe(10_001);
    expect(big.likelyDuplicates.examples).toContainEqual({ lines: [2, 10_002] });
  });
});
