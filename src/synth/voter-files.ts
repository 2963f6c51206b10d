import { keyboardError, ocrError, phoneticError } from './geco-corruption.ts';
import { pickGivenName, pickGroup, pickSurname } from './names.ts';
import { createRng, sampleWeighted, weightedTable, type Rng } from './prng.ts';
import { pickTown, pickTownZip } from './voter-places.ts';

/*
 * A voter-file-like linkage benchmark: two files of the same size sharing a given share of their
 * persons, with first name, surname, city and ZIP only (no birth date), each record copy corrupted
 * independently in the manner of GeCo. It is harder than the synthetic world on purpose: few
 * fields, a skewed name distribution with namesakes, and errors in every field.
 */
export interface VoterBenchOptions {
  /** Records per file. */
  records: number;
  /** Share of each file's records whose person is also in the other file (0-1). */
  overlap: number;
  seed: number;
  /** Share of record copies with 1-2 modifications (default 0.4). */
  modifiedShare?: number;
  /** Share of record copies whose person moved to another town (default 0.03). */
  moveShare?: number;
}

export interface VoterRecord {
  voterId: string;
  /** The true person, shared by the two copies of a person in both files. */
  person: number;
  firstName: string;
  lastName: string;
  city: string;
  zip: string;
}

export interface VoterFiles {
  files: [VoterRecord[], VoterRecord[]];
  /** Persons present in both files: the true pairs. */
  sharedPersons: number;
}

type VoterField = 'firstName' | 'lastName' | 'city' | 'zip';
type Modification = 'keyboard' | 'ocr' | 'phonetic' | 'missing';

const FIELD_WEIGHTS = weightedTable<VoterField>([['firstName', 3], ['lastName', 3], ['city', 2], ['zip', 2]]);
const MODIFICATION_WEIGHTS = weightedTable<Modification>([['keyboard', 35], ['ocr', 20], ['phonetic', 30], ['missing', 10]]);
const CORRUPTORS: Record<Exclude<Modification, 'missing'>, (rng: Rng, text: string) => string> = {
  keyboard: keyboardError,
  ocr: ocrError,
  phonetic: phoneticError,
};

// Stream numbers of createRng, so that each aspect of a person draws from its own stream.
const ASPECT = { person: 1, order: 2, copy: 10 } as const;

interface TruePerson { firstName: string; lastName: string; city: string; zip: string }

function truePerson(seed: number, person: number): TruePerson {
  const rng = createRng(seed, person, ASPECT.person);
  const group = pickGroup(rng);
  const sex = rng.chance(0.52) ? 'f' : 'm';
  const town = pickTown(rng);
  return {
    firstName: pickGivenName(rng, group, sex).toUpperCase(),
    lastName: pickSurname(rng, group).toUpperCase(),
    city: town.city.toUpperCase(),
    zip: pickTownZip(rng, town),
  };
}

/** Applies one modification to a field that has a value; tries other kinds when one leaves the text unchanged. */
function modify(rng: Rng, copy: TruePerson): void {
  const field = sampleWeighted(rng, FIELD_WEIGHTS);
  for (let attempt = 0; attempt < 4; attempt++) {
    const kind = sampleWeighted(rng, MODIFICATION_WEIGHTS);
    if (kind === 'missing') {
      copy[field] = '';
      return;
    }
    const changed = CORRUPTORS[kind](rng, copy[field]);
    if (changed !== copy[field]) {
      copy[field] = changed;
      return;
    }
  }
}

function recordCopy(seed: number, person: number, file: number, options: Required<VoterBenchOptions>): Omit<VoterRecord, 'voterId'> {
  const rng = createRng(seed, person, ASPECT.copy + file);
  const copy = truePerson(seed, person);
  if (rng.chance(options.moveShare)) {
    const town = pickTown(rng);
    copy.city = town.city.toUpperCase();
    copy.zip = pickTownZip(rng, town);
  }
  if (rng.chance(options.modifiedShare)) {
    const modifications = rng.between(1, 2);
    for (let m = 0; m < modifications; m++) modify(rng, copy);
  }
  return { person, ...copy };
}

function shuffled<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** The two files of one benchmark case; the same options give the same files. */
export function voterFiles(input: VoterBenchOptions): VoterFiles {
  const options: Required<VoterBenchOptions> = { modifiedShare: 0.4, moveShare: 0.03, ...input };
  if (!(options.overlap >= 0 && options.overlap <= 1)) throw new RangeError('overlap must be between 0 and 1');
  const shared = Math.round(options.records * options.overlap);
  // File 0 holds persons [0, n), file 1 holds [n - shared, 2n - shared): `shared` persons in both.
  const firstPerson = [0, options.records - shared];
  const files = [0, 1].map((file) => {
    const persons = Array.from({ length: options.records }, (_, i) => firstPerson[file] + i);
    return shuffled(createRng(options.seed, file, ASPECT.order), persons).map((person, i) => ({
      voterId: `${file === 0 ? 'A' : 'B'}${String(i + 1).padStart(7, '0')}`,
      ...recordCopy(options.seed, person, file, options),
    }));
  }) as VoterFiles['files'];
  return { files, sharedPersons: shared };
}
