import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credlinkInProcess, readCsv } from './synth-helpers.ts';

/*
 * Sets one rate per corruption kind on the IT roster (all others 0), generates a world and
 * measures each kind back from the written files against truth/people.csv.
 */
const TECHCERT = {
  typoFirst: 0.2, typoLast: 0, nickname: 0, swapNames: 0, truncate: 0, dobMissing: 0.25, dobSwap: 0, dobOffByOne: 0.2,
  altDateFormat: 0, emailMissing: 0.3, phoneMissing: 0, zipMissing: 0, zipPlus4: 0.4, middleMissing: 0, upperCase: 0.5,
  staleSurname: 0, ssnTypo: 0, ssnMissing: 0, duplicateRows: 0.1, duplicatePerson: 0,
};

let tmp: string;
let techcert: Array<Record<string, string>>;
let people: Map<string, Record<string, string>>;
let truth: Array<Record<string, string>>;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'credlink-synth-rates-'));
  writeFileSync(join(tmp, 'config.json'), JSON.stringify({ world: { credentialPropensity: 6, marriageRatePerYear: 0 }, corruption: { techcert: TECHCERT, wages: { ssnTypo: 0.1 } } }));
  const run = await credlinkInProcess(['synth', '--persons', '3000', '--seed', '11', '--config', 'config.json', '-o', 'w'], tmp);
  expect(run.code).toBe(0);
  techcert = readCsv(join(tmp, 'w/techcert.csv')).rows;
  people = new Map(readCsv(join(tmp, 'w/truth/people.csv')).rows.map((r) => [r.person_id, r]));
  truth = readCsv(join(tmp, 'w/truth/persons.csv')).rows;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const share = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length / items.length;
const toIso = (mmddyyyy: string) => `${mmddyyyy.slice(6)}-${mmddyyyy.slice(0, 2)}-${mmddyyyy.slice(3, 5)}`;

describe('corruption rates', () => {
  it('match the configured rates within tolerance', () => {
    const personOf = new Map(truth.filter((r) => r.source === 'techcert').map((r) => [r.local_id, people.get(r.person_id)!]));
    const registrations = [...new Map(techcert.map((r) => [r.CandidateID, r])).values()];
    expect(registrations.length).toBeGreaterThan(500);
    const truthOf = (r: Record<string, string>) => personOf.get(r.CandidateID)!;
    expect(share(registrations, (r) => r.FirstName.toLowerCase() !== truthOf(r).first_name.toLowerCase())).toBeCloseTo(0.2, 1);
    expect(share(registrations, (r) => r.LastName.toLowerCase() !== truthOf(r).birth_last_name.toLowerCase())).toBe(0);
    expect(share(registrations, (r) => r.DateOfBirth === '')).toBeCloseTo(0.25, 1);
    const withDob = registrations.filter((r) => r.DateOfBirth !== '');
    expect(share(withDob, (r) => toIso(r.DateOfBirth) !== truthOf(r).dob)).toBeCloseTo(0.2, 1);
    expect(share(registrations, (r) => r.Email === '')).toBeCloseTo(0.3, 1);
    expect(share(registrations, (r) => r.PostalCode.length === 10)).toBeCloseTo(0.4, 1);
    expect(share(registrations, (r) => r.LastName === r.LastName.toUpperCase())).toBeCloseTo(0.5, 1);
  });

  it('duplicates about the configured share of rows', () => {
    const distinct = new Set(techcert.map((r) => JSON.stringify(r))).size;
    expect((techcert.length - distinct) / distinct).toBeCloseTo(0.1, 1);
  });

  it('mistypes the SSN in about the configured share of job spells, never onto another person', () => {
    const wages = readCsv(join(tmp, 'w/wages.csv')).rows;
    const wageIds = truth.filter((r) => r.source === 'wages');
    const personOf = new Map(wageIds.map((r) => [r.local_id, r.person_id]));
    expect(personOf.size).toBe(wageIds.length);
    const spells = new Map<string, boolean>();
    for (const row of wages) {
      const ssn = row.SSN.replace(/\D/g, '');
      const person = personOf.get(ssn)!;
      spells.set(`${person}|${row.EMPLOYER_ACCT}|${ssn}`, ssn !== people.get(person)!.ssn);
    }
    expect(share([...spells.values()], (typo) => typo)).toBeCloseTo(0.1, 1);
  });
});
