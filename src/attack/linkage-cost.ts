import type { LinkageSchema } from '../schema/linkage-schema.ts';
import type { FieldName, NormalizedRecord } from '../schema/field-names.ts';
import type { EncodedPerson } from '../extract/extract-types.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';
import { createEncoder } from '../encode/encoder.ts';
import { createRng } from '../synth/prng.ts';
import { typo } from '../synth/corrupt.ts';
import { linkSources } from '../link/link-sources.ts';
import { defaultLinkSettings } from '../link/link-settings.ts';
import type { LinkSource } from '../link/source-store.ts';
import { allPairQuality, type PairQuality } from '../link/linkage-quality.ts';
import type { AttackPerson } from './attack-population.ts';

/** A source of the linkage-cost experiment: which identifiers it keeps and how many of the cohort it holds. */
export interface CostSource {
  name: string;
  fields: FieldName[];
  coverage: number;
}

/** Rosters keep names and birth dates, wage records names and SSNs only: the pair that salting by birth year would break. */
export const COST_SOURCES: CostSource[] = [
  { name: 'roster', fields: ['first_name', 'last_name', 'dob', 'postcode'], coverage: 1 },
  { name: 'education', fields: ['first_name', 'last_name', 'dob', 'ssn'], coverage: 0.6 },
  { name: 'wages', fields: ['first_name', 'last_name', 'ssn'], coverage: 0.7 },
];

/** Typo in a name, a changed date digit or SSN digit, a missing value: each at `errorRate` per value. */
function corrupt(record: NormalizedRecord, fields: readonly FieldName[], errorRate: number, seed: number): NormalizedRecord {
  const rng = createRng(seed, 0xc0);
  const out: NormalizedRecord = {};
  for (const field of fields) {
    let value = record[field];
    if (value === undefined || rng.chance(errorRate / 4)) continue;
    if (rng.chance(errorRate)) {
      if (field === 'first_name' || field === 'last_name') value = typo(rng, value);
      else {
        const i = rng.int(value.length);
        if (/\d/.test(value[i])) value = value.slice(0, i) + String((Number(value[i]) + 1) % 10) + value.slice(i + 1);
      }
    }
    out[field] = value;
  }
  return out;
}

export interface LinkageCost {
  pairs: PairQuality[];
  /** F1 over all record pairs of all source pairs together. */
  f1: number;
}

/** Encodes the cohort into the sources under `schema`, links them with the real linker and measures F1 against the truth. */
export function linkageCost(schema: LinkageSchema, cohort: readonly AttackPerson[], secret: Uint8Array, errorRate = 0.08, sources = COST_SOURCES): LinkageCost {
  const personOf = new Map<string, string>();
  const linkSourcesIn: LinkSource[] = sources.map((plan, s) => {
    const encoder = createEncoder(schema, secret, plan.name);
    const rng = createRng(s, 0x5a);
    const persons: EncodedPerson[] = [];
    for (const p of cohort) {
      if (!rng.chance(plan.coverage)) continue;
      const encoded = encoder.encode(corrupt(p.record, plan.fields, errorRate, p.person * 31 + s), `${plan.name}-${p.person}`);
      persons.push(encoded);
      personOf.set(`${plan.name}\u001f${encoded.pseudonym}`, String(p.person));
    }
    return { name: plan.name, role: 'roster', duplicateFree: true, persons };
  });
  const seed = schemaFingerprint(schema);
  const settings = defaultLinkSettings(seed, { keyFields: new Map(schema.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)])) });
  const result = linkSources(linkSourcesIn, settings);
  const pairs = allPairQuality({
    sources: result.sources.map((s) => s.name),
    clusterOf: result.clustering.clusterOf,
    personOf: result.sources.map((s) => s.pseudonyms.map((ps) => personOf.get(`${s.name}\u001f${ps}`))),
  });
  const tp = pairs.reduce((a, p) => a + p.truePositives, 0);
  const predicted = pairs.reduce((a, p) => a + p.predictedPairs, 0);
  const truth = pairs.reduce((a, p) => a + p.truePairs, 0);
  const precision = predicted ? tp / predicted : 1;
  const recall = truth ? tp / truth : 1;
  return { pairs, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
