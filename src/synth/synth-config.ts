import { z } from 'zod';

/** Identifier corruption of one source; every rate is a probability per record (per row for duplicateRows). */
const rate = z.number().min(0).max(1);
export const sourceCorruptionSchema = z
  .object({
    typoFirst: rate, typoLast: rate, nickname: rate, swapNames: rate, truncate: rate,
    dobMissing: rate, dobSwap: rate, dobOffByOne: rate, altDateFormat: rate,
    emailMissing: rate, phoneMissing: rate, zipMissing: rate, zipPlus4: rate, middleMissing: rate,
    upperCase: rate, staleSurname: rate, ssnTypo: rate, ssnMissing: rate,
    duplicateRows: rate, duplicatePerson: rate,
  })
  .strict();
export type SourceCorruption = z.infer<typeof sourceCorruptionSchema>;

export const SOURCES = ['techcert', 'nurseboard', 'tradecert', 'education', 'wages', 'spine'] as const;
export type SourceName = (typeof SOURCES)[number];

const ZERO: SourceCorruption = {
  typoFirst: 0, typoLast: 0, nickname: 0, swapNames: 0, truncate: 0, dobMissing: 0, dobSwap: 0, dobOffByOne: 0,
  altDateFormat: 0, emailMissing: 0, phoneMissing: 0, zipMissing: 0, zipPlus4: 0, middleMissing: 0, upperCase: 0,
  staleSurname: 0, ssnTypo: 0, ssnMissing: 0, duplicateRows: 0, duplicatePerson: 0,
};

/*
 * Defaults are tuned so that exact agreement on first name + last name + birth date misses
 * 15-30% of the true links between a source with birth dates and the spine (measured in
 * truth/summary.json), as reported for administrative files without a shared identifier.
 */
export const DEFAULT_CORRUPTION: Record<SourceName, SourceCorruption> = {
  techcert: { ...ZERO, typoFirst: 0.03, typoLast: 0.03, nickname: 0.1, swapNames: 0.01, truncate: 0.01, dobMissing: 0.08, dobSwap: 0.01, dobOffByOne: 0.01, altDateFormat: 0.05, emailMissing: 0.02, phoneMissing: 0.3, zipMissing: 0.05, zipPlus4: 0.15, middleMissing: 0.5, upperCase: 0.05, staleSurname: 0.1, duplicateRows: 0.01, duplicatePerson: 0.02 },
  nurseboard: { ...ZERO, typoFirst: 0.03, typoLast: 0.03, nickname: 0.04, dobMissing: 0.03, dobSwap: 0.01, dobOffByOne: 0.01, emailMissing: 0.15, zipMissing: 0.02, zipPlus4: 0.3, middleMissing: 0.2, staleSurname: 0.05, duplicateRows: 0.01 },
  tradecert: { ...ZERO, typoFirst: 0.04, typoLast: 0.04, nickname: 0.15, swapNames: 0.01, truncate: 0.01, emailMissing: 0.1, zipMissing: 0.05, upperCase: 0.1, staleSurname: 0.1, duplicateRows: 0.02 },
  education: { ...ZERO, typoFirst: 0.02, typoLast: 0.02, nickname: 0.02, swapNames: 0.005, dobMissing: 0.05, dobSwap: 0.005, dobOffByOne: 0.01, middleMissing: 0.3, staleSurname: 0.1 },
  wages: { ...ZERO, typoFirst: 0.02, typoLast: 0.02, nickname: 0.1, swapNames: 0.01, staleSurname: 0.3, ssnTypo: 0.004, duplicateRows: 0.003 },
  spine: { ...ZERO, typoFirst: 0.01, typoLast: 0.01, nickname: 0.02, dobSwap: 0.003, dobOffByOne: 0.003, ssnMissing: 0.02, middleMissing: 0.2, staleSurname: 0.4 },
};

/** How the true world unfolds; none of these changes with the corruption level. */
export const worldKnobsSchema = z
  .object({
    twinRate: rate.default(0.01),
    marriageRatePerYear: rate.default(0.04),
    residentialMoveRatePerQuarter: rate.default(0.025),
    moveOutRatePerQuarter: rate.default(0.005),
    wageCoverage: rate.default(0.95),
    spineCoverage: rate.default(0.95),
    educationShare: rate.default(0.3),
    credentialPropensity: z.number().min(0).max(20).default(2),
    /** Sd of each person's own log-earnings growth per quarter (a steeper or flatter career path). */
    earningsGrowthSd: z.number().min(0).max(0.05).default(0.005),
    /**
     * Log of the factor by which one sd of own growth multiplies the hazard of seeking a
     * credential: people on steeper paths seek credentials more (the selection that biases a
     * comparison matched on earnings levels; issue #14). 0 = no selection.
     */
    growthSelection: z.number().min(0).max(3).default(1),
    /** Rosters that list passers only, as licensing boards publish licensees: no failed candidates there. */
    passersOnlyRosters: z.array(z.enum(['techcert', 'nurseboard', 'tradecert'])).default(['nurseboard']),
  })
  .strict();
export type WorldKnobs = z.infer<typeof worldKnobsSchema>;

export const synthConfigFileSchema = z
  .object({
    world: worldKnobsSchema.partial().default({}),
    corruption: z.partialRecord(z.enum(SOURCES), sourceCorruptionSchema.partial()).default({}),
  })
  .strict();
export type SynthConfigFile = z.infer<typeof synthConfigFileSchema>;

export const CORRUPTION_LEVELS = { low: 0.5, default: 1, high: 2 } as const;
export type CorruptionLevel = keyof typeof CORRUPTION_LEVELS;

export interface SynthOptions {
  persons: number;
  seed: number;
  startYear: number;
  years: number;
  world: WorldKnobs;
  corruption: Record<SourceName, SourceCorruption>;
}

/** Scales every default rate by the level, then applies the file's rates as given (not scaled). */
export function resolveCorruption(level: CorruptionLevel, overrides: SynthConfigFile['corruption'] = {}): Record<SourceName, SourceCorruption> {
  const factor = CORRUPTION_LEVELS[level];
  const result = {} as Record<SourceName, SourceCorruption>;
  for (const source of SOURCES) {
    const scaled = Object.fromEntries(
      Object.entries(DEFAULT_CORRUPTION[source]).map(([knob, value]) => [knob, Math.min(1, value * factor)]),
    ) as SourceCorruption;
    result[source] = { ...scaled, ...overrides[source] };
  }
  return result;
}

export function resolveWorld(overrides: Partial<WorldKnobs> = {}): WorldKnobs {
  return worldKnobsSchema.parse(overrides);
}
