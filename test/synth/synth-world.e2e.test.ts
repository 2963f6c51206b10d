import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';
import { credlink, credlinkInProcess, hashFolder, readCsv } from './synth-helpers.ts';

const SOURCES = ['techcert', 'nurseboard', 'tradecert', 'education', 'wages', 'spine'];
let tmp: string;
let summary: any;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'credlink-synth-'));
  const run = credlink(['synth', '--persons', '4000', '--seed', '42', '-o', 'world', '--json'], tmp);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  summary = JSON.parse(run.stdout);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const world = (path: string) => join(tmp, 'world', path);

describe('credlink synth layouts', () => {
  it.each([
    ['techcert', 'CandidateID,FirstName,MiddleName,LastName,DateOfBirth,Email,Phone,PostalCode,ExamCode,ExamDate,Result,CertificationDate,ExpirationDate'],
    ['nurseboard', 'APPLICANT_NO,LICENSEE_NAME,BIRTH_DT,GENDER,RES_ZIP,EMAIL_ADDR,LICENSE_TYPE,EXAM_DT,EXAM_RESULT,ISSUE_DT,EXPIRATION_DT'],
    ['tradecert', 'member_id,first,last,email_address,zip_code,credential_code,test_date,outcome,awarded_on,expires_on'],
    ['education', 'student_id,first_name,middle_initial,last_name,suffix,birth_date,college_code,college_name,enrollment_begin,enrollment_end,enrollment_status,degree_title,degree_level,graduation_date,cip'],
    ['wages', 'SSN,FIRST_NAME,LAST_NAME,YEAR,QTR,EMPLOYER_ACCT,WAGES'],
    ['spine', 'spine_id,first_name,middle_name,last_name,suffix,dob,sex,ssn,zip'],
    ['employers', 'employer_id,naics,county'],
    ['truth/persons', 'source,local_id,person_id'],
  ])('%s.csv has its documented header', (file, header) => {
    expect(readFileSync(world(`${file}.csv`), 'utf8').split('\n')[0]).toBe(header);
  });

  it('creates its folders owner-only', () => {
    for (const folder of ['', 'truth', 'mappings']) expect(statSync(world(folder)).mode & 0o777).toBe(0o700);
  });

  it('writes a valid mapping per source, the default schema and a catalog without effects', () => {
    for (const source of SOURCES) {
      const mapping = sourceMappingSchema.parse(JSON.parse(readFileSync(world(`mappings/${source}.json`), 'utf8')));
      expect(mapping.source).toBe(source);
      const header = readCsv(world(`${source}.csv`)).header;
      const columns = [...Object.values(mapping.fields).map((f) => (f && 'column' in f ? f.column : undefined)), mapping.fullName?.column, 'column' in mapping.personId ? mapping.personId.column : undefined, ...Object.values(mapping.payload).map((p) => ('column' in p ? p.column : undefined))];
      for (const column of columns) if (column) expect(header).toContain(column);
    }
    expect(JSON.parse(readFileSync(world('schema.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(DEFAULT_SCHEMA)));
    const catalog = readFileSync(world('catalog.json'), 'utf8');
    expect(catalog).not.toMatch(/effect/i);
    const effects = JSON.parse(readFileSync(world('truth/effects.json'), 'utf8'));
    const codes = JSON.parse(catalog).credentials.map((c: { code: string }) => c.code);
    expect(Object.keys(effects.credentials).sort()).toEqual([...codes].sort());
  });

  it('rosters follow the stacking order: nobody sits DS-NET before passing DS-SUP', () => {
    const { rows } = readCsv(world('truth/exams.csv'));
    const firstPass = new Map<string, string>();
    for (const r of rows) if (r.credential === 'DS-SUP' && r.result === 'pass') {
      const prev = firstPass.get(r.person_id);
      if (!prev || r.award_date < prev) firstPass.set(r.person_id, r.award_date);
    }
    const net = rows.filter((r) => r.credential === 'DS-NET');
    expect(net.length).toBeGreaterThan(20);
    for (const r of net) expect(r.exam_date >= (firstPass.get(r.person_id) ?? '9999')).toBe(true);
  });
});

describe('credlink synth truth', () => {
  it('lists exactly the local ids of every source file, each for one person', () => {
    const truth = readCsv(world('truth/persons.csv')).rows;
    const people = new Set(readCsv(world('truth/people.csv')).rows.map((r) => r.person_id));
    const idColumn: Record<string, (r: Record<string, string>) => string> = {
      techcert: (r) => r.CandidateID, nurseboard: (r) => r.APPLICANT_NO, tradecert: (r) => r.member_id,
      education: (r) => r.student_id, spine: (r) => r.spine_id, wages: (r) => r.SSN.replace(/\D/g, ''),
    };
    for (const source of SOURCES) {
      const inFile = new Set(readCsv(world(`${source}.csv`)).rows.map(idColumn[source]));
      const inTruth = truth.filter((r) => r.source === source);
      expect(new Set(inTruth.map((r) => r.local_id))).toEqual(inFile);
      expect(inTruth.length).toBe(inFile.size);
      for (const r of inTruth) expect(people.has(r.person_id)).toBe(true);
    }
    expect(summary.sources.wages.localIds).toBe(truth.filter((r) => r.source === 'wages').length);
  });

  it('keeps wage SSN local ids as 9 digits and the true SSN for most wage persons', () => {
    const truth = readCsv(world('truth/persons.csv')).rows.filter((r) => r.source === 'wages');
    const ssnOf = new Map(readCsv(world('truth/people.csv')).rows.map((r) => [r.person_id, r.ssn]));
    expect(truth.every((r) => /^\d{9}$/.test(r.local_id))).toBe(true);
    const mistyped = truth.filter((r) => ssnOf.get(r.person_id) !== r.local_id).length;
    expect(mistyped / truth.length).toBeGreaterThan(0);
    expect(mistyped / truth.length).toBeLessThan(0.03);
  });

  it('makes exact name + birth date agreement miss 15-30% of true links by default', () => {
    for (const source of ['techcert', 'nurseboard', 'education']) {
      expect(summary.sources[source].linksToSpine).toBeGreaterThan(150);
      expect(summary.sources[source].exactNameDobMissRate).toBeGreaterThanOrEqual(0.15);
      expect(summary.sources[source].exactNameDobMissRate).toBeLessThanOrEqual(0.3);
    }
  });
});

describe('credlink synth determinism and usage', () => {
  it('writes identical bytes for the same seed and different bytes for another', async () => {
    expect(credlink(['synth', '--persons', '400', '--seed', '7', '--years', '3', '-o', 'a'], tmp).code).toBe(0);
    expect((await credlinkInProcess(['synth', '--persons', '400', '--seed', '7', '--years', '3', '-o', 'b'], tmp)).code).toBe(0);
    expect((await credlinkInProcess(['synth', '--persons', '400', '--seed', '8', '--years', '3', '-o', 'c'], tmp)).code).toBe(0);
    expect(hashFolder(join(tmp, 'a'))).toBe(hashFolder(join(tmp, 'b')));
    expect(hashFolder(join(tmp, 'a'))).not.toBe(hashFolder(join(tmp, 'c')));
  });

  it('refuses bad flags and a non-empty folder with exit code 2', async () => {
    expect((await credlinkInProcess(['synth', '--persons', '0', '-o', 'x'], tmp)).code).toBe(2);
    expect((await credlinkInProcess(['synth', '--persons', '10', '--corruption', 'extreme', '-o', 'x'], tmp)).code).toBe(2);
    const busy = await credlinkInProcess(['synth', '--persons', '10', '-o', 'a'], tmp);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/not empty/);
  });

  it('rejects an unknown knob in --config with exit code 1 and names it', async () => {
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ corruption: { wages: { typoo: 0.1 } } }));
    const run = await credlinkInProcess(['synth', '--persons', '10', '--config', 'bad.json', '-o', 'y'], tmp);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/typoo/);
  });
});
