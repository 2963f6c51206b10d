/**
 * A light generator of realistic encoded extracts for the link benches: a credential roster
 * (name, birth date, e-mail, ZIP, sex, SSN for 70%) and a wage file (SSN and name only, like UI
 * wage records), with a share of roster persons present in the wages under typos and SSN
 * transpositions. Names follow the synth frequency tables, so blocks are as skewed as in life.
 * Far lighter than `credlink synth` (no careers, no payload), which matters at 1M persons.
 * Extracts are cached in the OS temp folder by size, seed and schema: encoding 1M persons takes minutes.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEncoder, keyCheckValue } from '../src/encode/encoder.ts';
import { ExtractWriter } from '../src/io/extract-file.ts';
import type { NormalizedRecord } from '../src/schema/field-names.ts';
import { DEFAULT_SCHEMA } from '../src/schema/default-schema.ts';
import { schemaFingerprint } from '../src/schema/fingerprint.ts';
import { EXTRACT_FORMAT_VERSION } from '../src/extract/extract-types.ts';
import { createRng, type Rng } from '../src/synth/prng.ts';
import { pickGivenName, pickGroup, pickSurname, makeEmail } from '../src/synth/names.ts';
import { typo } from '../src/synth/corrupt.ts';
import { TOOL_VERSION } from '../src/version.ts';

export const BENCH_SECRET = new Uint8Array(32).fill(11);

export interface Person {
  first: string;
  last: string;
  dob: string;
  ssn: string;
  sex: 'f' | 'm';
  email: string;
  postcode: string;
}

const clean = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim() || 'x';

export function randomPerson(rng: Rng): Person {
  const group = pickGroup(rng);
  const sex = rng.chance(0.5) ? 'f' : 'm';
  const first = clean(pickGivenName(rng, group, sex));
  const last = clean(pickSurname(rng, group));
  const year = 1950 + rng.int(55);
  const dob = `${year}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
  const ssn = String(100_000_000 + rng.int(799_999_999));
  return { first, last, dob, ssn, sex, email: makeEmail(rng, first, last, year).toLowerCase(), postcode: String(10_000 + rng.int(89_999)) };
}

function rosterRecord(p: Person, rng: Rng): NormalizedRecord {
  return {
    first_name: p.first, last_name: rng.chance(0.03) ? typo(rng, p.last) : p.last, dob: p.dob,
    email: p.email, postcode: p.postcode, sex: p.sex, ...(rng.chance(0.7) ? { ssn: p.ssn } : {}),
  };
}

export function wageRecord(p: Person, rng: Rng): NormalizedRecord {
  const ssn = rng.chance(0.02) ? `${p.ssn.slice(0, 3)}${p.ssn[4]}${p.ssn[3]}${p.ssn.slice(5)}` : p.ssn;
  return { ssn, first_name: rng.chance(0.05) ? typo(rng, p.first) : p.first, last_name: rng.chance(0.05) ? typo(rng, p.last) : p.last };
}

/** Encodes records one at a time with the bench key into an extract at `path`. */
export async function writeEncodedExtract(path: string, source: string, role: 'roster' | 'wages' | 'spine', records: Iterable<NormalizedRecord>): Promise<void> {
  const encoder = createEncoder(DEFAULT_SCHEMA, BENCH_SECRET, source);
  const writer = new ExtractWriter(path);
  let persons = 0;
  for (const record of records) await writer.writePerson(encoder.encode(record, `${source}-${persons++}`));
  await writer.commit({
    formatVersion: EXTRACT_FORMAT_VERSION, toolVersion: TOOL_VERSION, source, role, duplicateFree: true,
    schemaFingerprint: schemaFingerprint(DEFAULT_SCHEMA), keyCheckValue: keyCheckValue(BENCH_SECRET),
    rowsIn: persons, rowsRejected: 0, persons, payloadRows: 0, fieldFill: {}, payloadColumns: {},
  });
}

export interface LinkWorld {
  roster: string;
  wages: string;
  /** Roster persons who are also in the wage file. */
  shared: number;
}

/** Roster of `roster` persons and a wage file of `wages` persons; 60% of the roster (at most half the wage file) is in both. */
export async function linkWorld(roster: number, wages: number, seed: number): Promise<LinkWorld> {
  // Keyed by the schema too: a change of default encoding must not reuse extracts made under the old one.
  const dir = join(tmpdir(), `credlink-bench-${seed}-${schemaFingerprint(DEFAULT_SCHEMA).slice(0, 12)}`);
  await mkdir(dir, { recursive: true });
  const shared = Math.min(Math.round(roster * 0.6), Math.floor(wages / 2));
  const files = { roster: join(dir, `roster-${roster}-${shared}.extract`), wages: join(dir, `wages-${wages}-${shared}.extract`) };
  // Persons are generated as they are encoded: the same seed gives the same persons, so files of
  // several sizes share their overlap, and no file's persons are held in memory.
  function* people(n: number, offset: number): Generator<Person> {
    const rng = createRng(seed, offset);
    for (let i = 0; i < n; i++) yield randomPerson(rng);
  }
  if (!existsSync(files.roster)) {
    const rng = createRng(seed, 2);
    await writeEncodedExtract(`${files.roster}.tmp`, 'roster', 'roster', (function* () {
      for (const p of people(shared, 1)) yield rosterRecord(p, rng);
      for (const p of people(roster - shared, 3)) yield rosterRecord(p, rng);
    })());
    await rename(`${files.roster}.tmp`, files.roster);
  }
  if (!existsSync(files.wages)) {
    const rng = createRng(seed, 4);
    await writeEncodedExtract(`${files.wages}.tmp`, 'wages', 'wages', (function* () {
      for (const p of people(shared, 1)) yield wageRecord(p, rng);
      for (const p of people(wages - shared, 5)) yield wageRecord(p, rng);
    })());
    await rename(`${files.wages}.tmp`, files.wages);
  }
  return { ...files, shared };
}
