import type { Hardening, LinkageSchema } from '../schema/linkage-schema.ts';
import { linkageSchemaSchema } from '../schema/linkage-schema.ts';
import { createEncoder } from '../encode/encoder.ts';
import { scoreGuesses, type AttackScore } from './attack-score.ts';
import { attackPopulation, overlapSplit } from './attack-population.ts';
import { attackNameField, type FieldAttackScores } from './field-attacks.ts';
import { GRAPH_ATTACKERS, graphMatchingAttack, nodeFeatures } from './graph-attack.ts';

/** A candidate: the hardening of every filter, and optionally another one for the record filter (CLK). */
export type HardeningCandidate = Partial<Hardening> & { record?: Partial<Omit<Hardening, 'salt'>> };

/** The hardening candidates the harness compares; names are used in docs/threat-model.md. */
export const HARDENING_CANDIDATES: Record<string, HardeningCandidate> = {
  plain: {},
  xorFold: { xorFold: true },
  balance: { balance: true },
  diffusion4: { diffusionT: 4 },
  rr05: { randomizedResponse: 0.05 },
  'xorFold+rr02': { xorFold: true, randomizedResponse: 0.02 },
  diffusion2: { diffusionT: 2 },
  'xorFold+diffusion2': { xorFold: true, diffusionT: 2 },
  'xorFold+diffusion3': { xorFold: true, diffusionT: 3 },
  'diffusion2+clkXorFold': { diffusionT: 2, record: { xorFold: true } },
  'xorFold+rr01': { xorFold: true, randomizedResponse: 0.01 },
  'balance+xorFold': { balance: true, xorFold: true },
  'balance+diffusion2': { balance: true, diffusionT: 2 },
  'balance+diffusion4': { balance: true, diffusionT: 4 },
  'balance+xorFold+diffusion2': { balance: true, xorFold: true, diffusionT: 2 },
  saltNames: { salt: [{ field: 'last_name', with: 'first_name' }, { field: 'first_name', with: 'last_name' }] },
};

/** `schema` with exactly this hardening: every step not named is off, the record filter's own included. */
export function withHardening(schema: LinkageSchema, candidate: HardeningCandidate): LinkageSchema {
  const { record, ...hardening } = candidate;
  const reset: Hardening = { salt: [], balance: false, xorFold: false, diffusionT: 0, randomizedResponse: 0 };
  const { salt: _salt, ...resetSteps } = reset;
  const recordFilter = { bits: schema.recordFilter.bits, ...(record ? { hardening: { ...resetSteps, ...record } } : {}) };
  return linkageSchemaSchema.parse({ ...schema, recordFilter, hardening: { ...reset, ...hardening } });
}

export interface OverlapResult {
  overlap: number;
  fields: FieldAttackScores[];
  /** The best graph attacker's score (most records re-identified). */
  graph: AttackScore & { attacker: string };
  /** Every graph attacker's score, by name (GRAPH_ATTACKERS). */
  graphByAttacker: Record<string, AttackScore>;
}

/**
 * One schema against all three attacks at one overlap: the holders encode `n` persons with their
 * secret; the attacker holds `n` plaintext records (`overlap` of them the same persons) and encodes
 * them with a key of their own under the public schema.
 */
export function runAttacks(schema: LinkageSchema, n: number, overlap: number, seed: number): OverlapResult {
  const population = attackPopulation(2 * n, seed);
  const { encoded, plaintext } = overlapSplit(population, n, overlap, seed + 1);
  const holder = createEncoder(schema, new Uint8Array(32).fill(0x5c), 'roster');
  const attacker = createEncoder(schema, new Uint8Array(32).fill(0xa7), 'attacker');
  const encodedPersons = encoded.map((p) => holder.encode(p.record, String(p.person)));
  const fields = (['last_name', 'first_name'] as const).map((f) => attackNameField(schema, encodedPersons, encoded, plaintext, f));
  const plaintextPersons = plaintext.map((p) => attacker.encode(p.record, String(p.person)));
  const truth = encoded.map((p) => p.person);
  const graphByAttacker: Record<string, AttackScore> = {};
  let graph: OverlapResult['graph'] | undefined;
  for (const [name, options] of Object.entries(GRAPH_ATTACKERS)) {
    const matches = graphMatchingAttack(nodeFeatures(encodedPersons, options), nodeFeatures(plaintextPersons, options));
    const score = scoreGuesses(matches.map((j) => (j === undefined ? undefined : plaintext[j].person)), truth);
    graphByAttacker[name] = score;
    if (!graph || score.correct > graph.correct) graph = { ...score, attacker: name };
  }
  return { overlap, fields, graph: graph!, graphByAttacker };
}
