/**
 * A state-scale world for the link bench (issue #17 item 4): a population spine of `spine`
 * persons (name, birth date, SSN, ZIP, sex), a credential roster drawn from it (every tenth spine
 * person: name, birth date, e-mail, ZIP, sex, SSN for 70%) and a wage file of `wages` persons
 * (SSN and name only, one wage identity per person). Persons are generated one at a time from
 * seeded streams and encoded as they come, so 10M wage persons never sit in memory; the same seed
 * gives the same persons, so files of several sizes share their overlap.
 *
 * Overlap: the first `inWages` spine persons (60% of the spine, at most half the wage file) also
 * work in the state; the rest of the wage file are persons outside the spine.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NormalizedRecord } from '../src/schema/field-names.ts';
import { DEFAULT_SCHEMA } from '../src/schema/default-schema.ts';
import { schemaFingerprint } from '../src/schema/fingerprint.ts';
import { createRng, type Rng } from '../src/synth/prng.ts';
import { typo } from '../src/synth/corrupt.ts';
import { BENCH_SECRET, randomPerson, writeEncodedExtract, wageRecord, type Person } from './link-world.ts';

export interface StateWorld {
  spine: string;
  roster: string;
  wages: string;
  spinePersons: number;
  rosterPersons: number;
  wagePersons: number;
  /** Spine persons who are also in the wage file. */
  inWages: number;
}

/** Every tenth spine person holds a credential. */
const ROSTER_EVERY = 10;

function* persons(seed: number, stream: number, n: number): Generator<Person> {
  const rng = createRng(seed, stream);
  for (let i = 0; i < n; i++) yield randomPerson(rng);
}

function spineRecord(p: Person, rng: Rng): NormalizedRecord {
  return { first_name: p.first, last_name: rng.chance(0.01) ? typo(rng, p.last) : p.last, dob: p.dob, ssn: p.ssn, postcode: p.postcode, sex: p.sex };
}

function rosterRecord(p: Person, rng: Rng): NormalizedRecord {
  return {
    first_name: p.first, last_name: rng.chance(0.03) ? typo(rng, p.last) : p.last, dob: p.dob,
    email: p.email, postcode: p.postcode, sex: p.sex, ...(rng.chance(0.7) ? { ssn: p.ssn } : {}),
  };
}

function* spineRecords(seed: number, spine: number): Generator<NormalizedRecord> {
  const rng = createRng(seed, 12);
  for (const p of persons(seed, 11, spine)) yield spineRecord(p, rng);
}

function* rosterRecords(seed: number, spine: number): Generator<NormalizedRecord> {
  const rng = createRng(seed, 13);
  let i = 0;
  for (const p of persons(seed, 11, spine)) if (i++ % ROSTER_EVERY === 0) yield rosterRecord(p, rng);
}

function* wageRecords(seed: number, inWages: number, wages: number): Generator<NormalizedRecord> {
  const rng = createRng(seed, 14);
  for (const p of persons(seed, 11, inWages)) yield wageRecord(p, rng);
  for (const p of persons(seed, 15, wages - inWages)) yield wageRecord(p, rng);
}

async function cached(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  if (existsSync(path)) return;
  await write(`${path}.tmp`);
  await rename(`${path}.tmp`, path);
}

/** The three extracts, written (once per size, seed and schema) into the OS temp folder or `dir`. */
export async function stateWorld(spine: number, wages: number, seed: number, dir?: string): Promise<StateWorld> {
  const folder = dir ?? join(tmpdir(), `credlink-state-${seed}-${schemaFingerprint(DEFAULT_SCHEMA).slice(0, 12)}`);
  await mkdir(folder, { recursive: true });
  const inWages = Math.min(Math.round(spine * 0.6), Math.floor(wages / 2));
  const world: StateWorld = {
    spine: join(folder, `spine-${spine}.extract`),
    roster: join(folder, `roster-${spine}.extract`),
    wages: join(folder, `wages-${wages}-${inWages}.extract`),
    spinePersons: spine,
    rosterPersons: Math.ceil(spine / ROSTER_EVERY),
    wagePersons: wages,
    inWages,
  };
  await cached(world.spine, (tmp) => writeEncodedExtract(tmp, 'spine', 'spine', spineRecords(seed, spine)));
  await cached(world.roster, (tmp) => writeEncodedExtract(tmp, 'roster', 'roster', rosterRecords(seed, spine)));
  await cached(world.wages, (tmp) => writeEncodedExtract(tmp, 'wages', 'wages', wageRecords(seed, inWages, wages)));
  return world;
}

/** Who is who, as `credlink evaluate --truth` reads it (source, local id, person), for each record of the world. */
function* truthRows(world: StateWorld): Generator<string> {
  yield 'source,local_id,person_id\n';
  for (let i = 0; i < world.spinePersons; i++) yield `spine,spine-${i},P${i}\n`;
  for (let j = 0; j < world.rosterPersons; j++) yield `roster,roster-${j},P${j * ROSTER_EVERY}\n`;
  for (let k = 0; k < world.wagePersons; k++) yield `wages,wages-${k},${k < world.inWages ? `P${k}` : `W${k}`}\n`;
}

/** Writes the truth CSV and the bench key file (not a secret: a fixed test key) for `credlink evaluate`. */
export async function writeStateTruth(world: StateWorld, truthPath: string, keyPath: string): Promise<void> {
  await writeFile(keyPath, `${Buffer.from(BENCH_SECRET).toString('hex')}\n`, { mode: 0o600 });
  const out = createWriteStream(truthPath);
  let chunk = '';
  for (const row of truthRows(world)) {
    chunk += row;
    if (chunk.length < 1 << 16) continue;
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  }
  out.end(chunk);
  await once(out, 'finish');
}
