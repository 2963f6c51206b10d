import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../disclosure/disclosure-policy.ts';
import { createEncoder } from '../encode/encoder.ts';
import { defaultLinkSettings, type LinkSettings } from '../link/link-settings.ts';
import { createRowNormalizer } from '../normalize/normalize-row.ts';
import type { FieldName } from '../schema/field-names.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';
import type { LinkageSchema } from '../schema/linkage-schema.ts';
import { HEADERS, sourceMappings } from '../synth/layouts.ts';
import { duplicateFreeSources } from '../synth/world-files.ts';
import { encodeRows } from './encode-rows.ts';
import { nameSkewOf, type NameSkew } from './name-skew.ts';
import { simulatePopulation, type OtherSource, type SimulatedPopulation } from './simulated-population.ts';
import { linkFixedSides, linkRoster, truthSource, type FixedSides, type RosterLinkage, type SourceShare } from './simulated-linkage.ts';
import { renderFullRoster, ROSTER_FIELDS, scenarioNormalizer, scenarioRows, type FullRoster, type RosterField } from './simulated-roster.ts';

/** What readiness needs to know about the issuer's roster: nothing but rates and counts. */
export interface RosterProfile {
  /** Usable rows. */
  rows: number;
  /** Share of rows with a usable value, per identifier field the roster maps. */
  completeness: Partial<Record<FieldName, number>>;
  nameSkew?: NameSkew;
  /** Credential codes on the roster (to pick matching exam takers when they are codes of the synthetic catalog). */
  credentials?: string[];
}

export interface ReadinessOptions {
  persons: number;
  seed: number;
  /**
   * Throwaway keys, one per replicate: encodings are made and discarded in memory. The linker's
   * EM fit of a small roster against the spine fails for some keys, so each scenario reports the
   * median over replicates (three is a good default).
   */
  secrets: Uint8Array[];
  schema: LinkageSchema;
  /** YYYY-MM-DD, for birth-date plausibility. */
  today: string;
  policy?: DisclosurePolicy;
  /** Told after each simulated linkage (scenarios × replicates), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface ShareEstimate {
  /** Expected share of holders linking to a record of the source. */
  linkShare: number;
  /** Share of those links that are the right person. */
  precision: number;
  /** Share of holders who truly have a record there that are linked to it correctly. */
  recall: number;
}

export interface ScenarioEstimate {
  /** undefined for the roster as it is today. */
  added?: RosterField;
  fields: RosterField[];
  spine: ShareEstimate;
  wages: ShareEstimate;
  education: ShareEstimate;
  /** Among wage-linked holders, the share of quarters with earnings. */
  employedShare: number;
  /** Holders per credential and cohort before employment rates (minCell) and earnings percentiles (minPercentileCell) publish. */
  holdersNeeded: { rates: number | null; earnings: number | null };
  /** Lowest and highest wage-link share over the replicates (keys). */
  wageLinkRange: [number, number];
}

export interface ReadinessNote {
  code: string;
  detail: string;
}

export interface ReadinessEstimate {
  persons: number;
  holdersSimulated: number;
  scenarios: ScenarioEstimate[];
  /** The single addition that raises the wage-link share most (ties: precision), if any raises it. */
  bestAddition?: RosterField;
  nameSkew: { roster?: NameSkew; simulated: NameSkew };
  notes: ReadinessNote[];
}

/** Fields an issuer could start collecting, in the order the report lists them. */
export const CANDIDATE_ADDITIONS: RosterField[] = ['dob', 'middle_name', 'postcode', 'ssn', 'phone'];
/** A field the issuer starts collecting is assumed filled for 90% of holders who have one. */
export const NEW_FIELD_COMPLETENESS = 0.9;
/** Below this many matching exam takers the simulation uses every exam taker instead. */
const MIN_MATCHING_CANDIDATES = 150;

/** Wage-link shares further apart than this across keys mean the model fit failed for some key. */
const UNSTABLE_SPREAD = 0.1;

/** The replicate holding the median (the lower middle one for an even count). */
function medianIndex(values: readonly number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  return order[Math.floor((order.length - 1) / 2)];
}

const estimateOf = (s: SourceShare, holders: number): ShareEstimate => ({
  linkShare: holders ? s.linked / holders : 0,
  precision: s.linked ? s.correct / s.linked : 0,
  recall: s.present ? s.correct / s.present : 0,
});

export function holdersNeeded(minimum: number, linkShare: number, employedShare: number): number | null {
  const yieldPerHolder = linkShare * employedShare;
  return yieldPerHolder > 0 ? Math.ceil(minimum / yieldPerHolder) : null;
}

function fixedSides(population: SimulatedPopulation, secret: Uint8Array, today: string, schema: LinkageSchema, settings: LinkSettings): FixedSides {
  const mappings = sourceMappings(duplicateFreeSources({ corruption: population.corruption } as Parameters<typeof duplicateFreeSources>[0]));
  const side = (source: OtherSource) => {
    const normalize = createRowNormalizer(mappings[source], HEADERS[source], source, { today });
    const encoded = encodeRows(population.sources[source].rows, mappings[source], normalize, createEncoder(schema, secret, source));
    return { encoded, truth: truthSource(encoded, population.sources[source].personOf) };
  };
  const wages = side('wages');
  const wageQuarters = wages.truth.localIds.map((id) => new Set((wages.encoded.payloadOf.get(id) ?? []).map((p) => Number(p.year) * 4 + Number(p.quarter))).size);
  return linkFixedSides(side('spine').truth, wages.truth, side('education').truth, wageQuarters, population.quarters, settings);
}

function runScenario(full: FullRoster, fixed: FixedSides, completeness: Partial<Record<RosterField, number>>, secret: Uint8Array, options: ReadinessOptions, settings: LinkSettings): RosterLinkage {
  const fields = ROSTER_FIELDS.filter((f) => (completeness[f] ?? 0) > 0);
  const { mapping, normalize } = scenarioNormalizer(fields, options.today);
  const encoded = encodeRows(scenarioRows(full, completeness), mapping, normalize, createEncoder(options.schema, secret, 'roster'));
  return linkRoster(fixed, truthSource(encoded, full.personOf), settings);
}

/**
 * Simulates linkage of a roster like the issuer's: a synthetic population, the issuer's field
 * availability and completeness on a rendered roster, the real encoder and linker against a
 * spine, wage and education records, scored against the truth. Then once more per field the
 * issuer could add.
 */
export function estimateReadiness(profile: RosterProfile, options: ReadinessOptions): ReadinessEstimate {
  const policy = options.policy ?? DEFAULT_DISCLOSURE_POLICY;
  const notes: ReadinessNote[] = [];
  const population = simulatePopulation(options.persons, options.seed);
  const wanted = new Set(profile.credentials ?? []);
  const matching = population.candidates.filter((c) => c.credentials.some((code) => wanted.has(code)));
  const candidates = matching.length >= MIN_MATCHING_CANDIDATES ? matching : population.candidates;
  if (matching.length >= MIN_MATCHING_CANDIDATES) notes.push({ code: 'CANDIDATES_BY_CREDENTIAL', detail: 'the roster\'s credential codes are in the synthetic catalog: only simulated takers of those credentials form the simulated roster' });
  const full = renderFullRoster(candidates, options.seed);
  const seed = schemaFingerprint(options.schema);
  const settings = defaultLinkSettings(seed, { keyFields: new Map(options.schema.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)])) });

  const inSchema = new Set(options.schema.fields.map((f) => f.field));
  const today: Partial<Record<RosterField, number>> = {};
  for (const f of ROSTER_FIELDS) if ((profile.completeness[f] ?? 0) > 0) today[f] = profile.completeness[f];
  const variants: Array<{ added?: RosterField; completeness: Partial<Record<RosterField, number>> }> = [{ completeness: today }];
  for (const f of CANDIDATE_ADDITIONS) {
    if (today[f] !== undefined) continue;
    if (!inSchema.has(f)) {
      notes.push({ code: 'FIELD_NOT_IN_SCHEMA', detail: `${f} is not a field of the linkage schema, so collecting it would not change the linkage` });
      continue;
    }
    variants.push({ added: f, completeness: { ...today, [f]: NEW_FIELD_COMPLETENESS } });
  }
  if (variants.some((v) => v.added === 'ssn')) notes.push({ code: 'SSN_LAST4_AS_SSN', detail: 'the schema has no ssn_last4 field, so collecting the last four SSN digits is modelled as the full ssn field on the roster (an upper bound for last four)' });

  const total = options.secrets.length * variants.length;
  let done = 0;
  options.onProgress?.(done, total);
  const runs = options.secrets.map((secret) => {
    const fixed = fixedSides(population, secret, options.today, options.schema, settings);
    return variants.map(({ completeness }) => {
      const run = runScenario(full, fixed, completeness, secret, options, settings);
      options.onProgress?.(++done, total);
      return run;
    });
  });
  const scenarios = variants.map(({ added, completeness }, v): ScenarioEstimate => {
    const replicates = runs.map((run) => run[v]);
    const shares = replicates.map((r) => r.wages.linked / Math.max(1, r.holders));
    const result = replicates[medianIndex(shares)];
    const wages = estimateOf(result.wages, result.holders);
    return {
      added,
      fields: ROSTER_FIELDS.filter((f) => (completeness[f] ?? 0) > 0),
      spine: estimateOf(result.spine, result.holders),
      wages,
      education: estimateOf(result.education, result.holders),
      employedShare: result.employedShare,
      holdersNeeded: {
        rates: holdersNeeded(policy.minCell, wages.linkShare, result.employedShare),
        earnings: holdersNeeded(policy.minPercentileCell, wages.linkShare, result.employedShare),
      },
      wageLinkRange: [Math.min(...shares), Math.max(...shares)],
    };
  });
  if (scenarios.some((s) => s.wageLinkRange[1] - s.wageLinkRange[0] > UNSTABLE_SPREAD)) {
    notes.push({ code: 'LINKAGE_UNSTABLE', detail: 'the wage-link share differs by more than 10 points between keys: the linker\'s fit is unstable for a roster like this one; the median is shown' });
  }
  const base = scenarios[0];
  const gains = scenarios.slice(1).filter((s) => s.wages.linkShare * s.wages.precision > base.wages.linkShare * base.wages.precision);
  gains.sort((x, y) => y.wages.linkShare * y.wages.precision - x.wages.linkShare * x.wages.precision);
  const simulatedSkew = nameSkewOf(candidates.map((c) => ({ first_name: c.person.first.toLowerCase(), last_name: c.person.birthSurname.toLowerCase() })));
  if (profile.nameSkew && profile.nameSkew.lastName > 2 * simulatedSkew.lastName) {
    notes.push({ code: 'NAMES_MORE_COMMON', detail: 'surnames repeat more on the roster than in the simulated population, so the estimate is likely optimistic' });
  }
  return { persons: options.persons, holdersSimulated: full.rows.length, scenarios, bestAddition: gains[0]?.added, nameSkew: { roster: profile.nameSkew, simulated: simulatedSkew }, notes };
}
