import type { NormalizedRecord } from '../schema/field-names.ts';
import { createRng, type Rng } from '../synth/prng.ts';
import { pickGivenName, pickGroup, pickSurname } from '../synth/names.ts';

/** One synthetic person of an attack experiment: the identifiers and a person number. */
export interface AttackPerson {
  person: number;
  record: Required<Pick<NormalizedRecord, 'first_name' | 'last_name' | 'dob' | 'ssn' | 'postcode'>>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Names as credlink normalizes them: lower-case ASCII, words separated by one space. */
const normalName = (name: string) => name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim() || 'x';

/** A population with US-like name frequency skew (the src/synth tables), so frequency attacks meet realistic data. */
export function attackPopulation(size: number, seed: number): AttackPerson[] {
  const rng: Rng = createRng(seed, 0x5ec);
  return Array.from({ length: size }, (_, person) => {
    const group = pickGroup(rng);
    const sex = rng.chance(0.5) ? 'f' : 'm';
    const year = 1960 + rng.int(45);
    return {
      person,
      record: {
        first_name: normalName(pickGivenName(rng, group, sex)),
        last_name: normalName(pickSurname(rng, group)),
        dob: `${year}-${pad(1 + rng.int(12))}-${pad(1 + rng.int(28))}`,
        ssn: String(100_000_000 + rng.int(800_000_000)),
        postcode: String(30000 + rng.int(400)),
      },
    };
  });
}

export interface OverlapSplit {
  /** Persons whose records the data holders encoded (what the linker sees). */
  encoded: AttackPerson[];
  /** Plaintext the attacker holds: `overlap` of it are encoded persons, the rest other persons of the same population. */
  plaintext: AttackPerson[];
}

/**
 * Splits a population of at least 2n persons into n encoded records and n plaintext records of
 * which a share `overlap` are the same persons (the attacker's voter file covers part of the cohort).
 */
export function overlapSplit(population: readonly AttackPerson[], n: number, overlap: number, seed: number): OverlapSplit {
  if (population.length < 2 * n) throw new RangeError('the population must hold at least twice the sample size');
  const rng = createRng(seed, 0x0e);
  const order = [...population];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const encoded = order.slice(0, n);
  const shared = Math.round(overlap * n);
  const plaintext = [...encoded.slice(0, shared), ...order.slice(n, 2 * n - shared)];
  // Shuffle so that record order tells the attacker nothing.
  for (let i = plaintext.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [plaintext[i], plaintext[j]] = [plaintext[j], plaintext[i]];
  }
  return { encoded, plaintext };
}
