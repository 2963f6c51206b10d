import type { LinkageSchema } from '../schema/linkage-schema.ts';
import type { EncodedPerson } from '../extract/extract-types.ts';
import { scoreGuesses, type AttackScore } from './attack-score.ts';
import type { AttackPerson } from './attack-population.ts';
import { DEFAULT_FREQUENCY_ATTACK, frequencyAttack, type FrequencyAttackOptions } from './frequency-attack.ts';
import { bigramPositionAttack, DEFAULT_BIGRAM_ATTACK } from './bigram-position-attack.ts';

export type NameField = 'first_name' | 'last_name';

export interface FieldAttackScores {
  field: NameField;
  frequency: AttackScore;
  bigramPositions: AttackScore;
}

/**
 * The frequency attack and the pattern-mining attack on one name field's filters, scored against the
 * true values. Only the attack's top-ranked clusters seed the pattern mining, as a real attacker's would.
 */
export function attackNameField(
  schema: LinkageSchema,
  encoded: readonly EncodedPerson[],
  truth: readonly AttackPerson[],
  background: readonly AttackPerson[],
  field: NameField,
  frequencyOptions: FrequencyAttackOptions = DEFAULT_FREQUENCY_ATTACK,
): FieldAttackScores {
  const filters = encoded.map((p) => p.fields[field]);
  const values = truth.map((p) => p.record[field]);
  const publicList = background.map((p) => p.record[field]);
  const freq = frequencyAttack(filters, publicList, frequencyOptions);
  const seeds = new Map<number, string>();
  freq.clusters.forEach((c, i) => {
    const g = freq.guesses[c.members[0]];
    if (g !== undefined && i < frequencyOptions.topK) seeds.set(i, g);
  });
  const tokenizer = schema.fields.find((f) => f.field === field)?.tokenizer;
  const pattern = tokenizer === 'bigram'
    ? bigramPositionAttack(filters, freq.clusters, seeds, publicList, DEFAULT_BIGRAM_ATTACK).guesses
    : freq.guesses;
  return { field, frequency: scoreGuesses(freq.guesses, values), bigramPositions: scoreGuesses(pattern, values) };
}
