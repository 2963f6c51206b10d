import { createEncoder, keyCheckValue } from '../../src/encode/encoder.ts';
import { EXTRACT_FORMAT_VERSION, type EncodedPerson, type ExtractManifest } from '../../src/extract/extract-types.ts';
import { ExtractWriter } from '../../src/io/extract-file.ts';
import { schemaFingerprint } from '../../src/schema/fingerprint.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import type { FieldName, NormalizedRecord } from '../../src/schema/field-names.ts';
import type { SourceRole } from '../../src/schema/source-mapping.ts';
import type { LinkSource } from '../../src/link/source-store.ts';
import { seededRandom, type SeededRandom } from '../../src/link/seeded-random.ts';

/** A small population with typos, swapped dates and missing values, encoded with a fixed secret: test data for the linker. */
const FIRST = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth', 'david', 'barbara', 'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'charles', 'karen', 'maria', 'jose', 'luis', 'ana', 'wei', 'min', 'aisha', 'omar', 'daniel', 'emily'];
const LAST = ['smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez', 'hernandez', 'lopez', 'gonzalez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin', 'lee', 'perez', 'thompson', 'white', 'harris', 'sanchez', 'clark', 'ramirez', 'lewis', 'robinson', 'walker', 'young', 'allen', 'king', 'wright', 'scott', 'torres', 'nguyen', 'hill', 'flores'];

export interface TruePerson {
  id: number;
  record: Required<Pick<NormalizedRecord, 'first_name' | 'last_name' | 'dob' | 'ssn' | 'email' | 'postcode'>>;
}

export const TEST_SECRET = new Uint8Array(32).fill(7);

const SYLLABLES = ['ka', 'ro', 'mi', 'del', 'son', 'ter', 'ba', 'lin', 'ver', 'go', 'nes', 'ham', 'ri', 'wa', 'po', 'stein', 'ley', 'ton', 'mar', 'qui'];

/** Skewed choice: common names are common, the long tail is long. */
function skewed<T>(list: readonly T[], r: SeededRandom): T {
  return list[Math.floor(list.length * r.next() ** 2)];
}

function surname(r: SeededRandom): string {
  if (r.next() < 0.4) return skewed(LAST, r);
  return Array.from({ length: 2 + r.int(2) }, () => SYLLABLES[r.int(SYLLABLES.length)]).join('');
}

export function population(size: number, seed = 'people'): TruePerson[] {
  const r = seededRandom(seed);
  return Array.from({ length: size }, (_, id) => {
    const first = r.next() < 0.7 ? skewed(FIRST, r) : `${SYLLABLES[r.int(SYLLABLES.length)]}${SYLLABLES[r.int(SYLLABLES.length)]}a`;
    const last = surname(r);
    const year = 1960 + r.int(40);
    const dob = `${year}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
    const ssn = String(100_000_000 + r.int(800_000_000));
    return { id, record: { first_name: first, last_name: last, dob, ssn, email: `${first}.${last}${r.int(100)}@example.org`, postcode: String(10000 + r.int(200)) } };
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

function typo(value: string, r: SeededRandom): string {
  const i = r.int(value.length);
  const kind = r.int(3);
  const letter = String.fromCharCode(97 + r.int(26));
  if (kind === 0) return value.slice(0, i) + letter + value.slice(i + 1);
  if (kind === 1 && value.length > 3) return value.slice(0, i) + value.slice(i + 1);
  return i + 1 < value.length ? value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2) : value + letter;
}

export interface SourcePlan {
  name: string;
  role: SourceRole;
  fields: FieldName[];
  /** Share of the population in the source. */
  coverage: number;
  /** Chance of a typo per name, of a corrupted date, of a missing field. */
  error: number;
}

/** One source: a sample of the population, corrupted, encoded; `truth` maps pseudonym to person id. */
export function makeSource(people: TruePerson[], plan: SourcePlan): { source: LinkSource; truth: Map<string, number> } {
  const r = seededRandom(`source:${plan.name}`);
  const encoder = createEncoder(DEFAULT_SCHEMA, TEST_SECRET, plan.name);
  const persons: EncodedPerson[] = [];
  const truth = new Map<string, number>();
  for (const person of people) {
    if (r.next() >= plan.coverage) continue;
    const record: NormalizedRecord = {};
    for (const field of plan.fields) {
      let value = person.record[field as keyof TruePerson['record']];
      if (value === undefined) continue;
      if (r.next() < plan.error / 3) continue;
      if (r.next() < plan.error) {
        if (field === 'dob') value = r.next() < 0.5 ? `${value.slice(0, 5)}${value.slice(8, 10)}-${value.slice(5, 7)}`.replace(/-(1[3-9]|[23]\d)-/, '-01-') : `${value.slice(0, 8)}${pad(1 + r.int(28))}`;
        else if (field === 'ssn') value = typo(value, r).replace(/[^0-9]/g, '5').padEnd(9, '0').slice(0, 9);
        else value = typo(value, r);
      }
      record[field] = value;
    }
    const localId = `${plan.name}-${person.id}`;
    const encoded = encoder.encode(record, localId);
    persons.push(encoded);
    truth.set(encoded.pseudonym, person.id);
  }
  return { source: { name: plan.name, role: plan.role, duplicateFree: true, persons }, truth };
}

/** Writes a source as an extract, as `credlink hash` would. */
export async function writeTestExtract(path: string, source: LinkSource, overrides: Partial<ExtractManifest> = {}): Promise<void> {
  const writer = new ExtractWriter(path);
  for (const person of source.persons) await writer.writePerson(person);
  await writer.commit({
    formatVersion: EXTRACT_FORMAT_VERSION,
    toolVersion: 'test',
    source: source.name,
    role: source.role,
    duplicateFree: source.duplicateFree,
    schemaFingerprint: schemaFingerprint(DEFAULT_SCHEMA),
    keyCheckValue: keyCheckValue(TEST_SECRET),
    rowsIn: source.persons.length,
    rowsRejected: 0,
    persons: source.persons.length,
    payloadRows: 0,
    fieldFill: {},
    payloadColumns: {},
    ...overrides,
  });
}
