import type { FieldName } from '../schema/field-names.ts';
import { DEFAULT_ASSIGNMENT, type AssignmentOptions } from './assignment.ts';
import { DEFAULT_LEVEL_THRESHOLDS } from './comparison-levels.ts';
import { DEFAULT_EM, type EmOptions } from './em-estimate.ts';
import { DEFAULT_DICE_SCAN, type DiceScanSettings } from './dice-scan-blocking.ts';
import { DEFAULT_LSH, type LshSettings } from './lsh-blocking.ts';
import type { MTraining } from './fs-model.ts';

export type LinkMethod = 'fs' | 'threshold';

export interface LinkSettings {
  method: LinkMethod;
  /** Links need at least this match probability (method fs); 'auto': per source pair, the one of best expected F1 (auto-threshold.ts). */
  threshold: number | 'auto';
  /** Links need at least this CLK Dice (method threshold, the baseline). */
  diceThreshold: number;
  levelThresholds: readonly number[];
  lsh: LshSettings | false;
  /** Score every pair of small sides and keep each record's best partners (dice-scan-blocking.ts); not in sharded runs. */
  diceScan: DiceScanSettings | false;
  /** What LSH samples: the record-level CLK, or the filters of the fields both sides carry. */
  lshView: 'clk' | 'shared-fields';
  maxBlockPairs: number;
  /** Also block on identical filters of a name and the ZIP, and of the birth date (filter-blocking.ts); off only to compare. */
  filterBlocking?: boolean;
  /** Weigh exact name agreement by how common the value is (term-frequency.ts); off only to compare. */
  termFrequency?: boolean;
  /** Random pairs drawn to estimate u. */
  uSampleSize: number;
  /** Seeds LSH and the u sample; derived from the schema fingerprint. */
  seed: string;
  /** Fields of each blocking key (from the schema) so that EM training can leave them out. */
  keyFields?: ReadonlyMap<string, FieldName[]>;
  /** How m is estimated: EM per blocking pass leaving out its fields, or EM over all pairs. */
  training: MTraining;
  em: EmOptions;
  assignment: AssignmentOptions;
}

export function defaultLinkSettings(seed: string, overrides: Partial<LinkSettings> = {}): LinkSettings {
  return {
    method: 'fs',
    threshold: 'auto',
    // Measured on the bundled world (docs/linkage-quality.md): at 0.85 the baseline linked 737 pairs
    // (recall 0.13, none to wages, which lack birth date and ZIP); F1 is flat from 0.3 to 0.5 (0.96-0.95)
    // and falls fast above 0.6; 0.5 keeps the higher precision of that plateau.
    diceThreshold: 0.5,
    levelThresholds: DEFAULT_LEVEL_THRESHOLDS,
    lsh: DEFAULT_LSH,
    diceScan: DEFAULT_DICE_SCAN,
    lshView: 'shared-fields',
    maxBlockPairs: 10_000,
    uSampleSize: 200_000,
    seed,
    training: 'blocks',
    em: DEFAULT_EM,
    assignment: DEFAULT_ASSIGNMENT,
    ...overrides,
  };
}
