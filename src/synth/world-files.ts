import { DEFAULT_SCHEMA } from '../schema/default-schema.ts';
import { CREDENTIALS, publicCatalog } from './catalog.ts';
import type { EmployerPool } from './employers.ts';
import { csvLine } from './formatting.ts';
import { EMPLOYER_HEADER, sourceMappings } from './layouts.ts';
import { SOURCES, type SourceName, type SynthOptions } from './synth-config.ts';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A source is duplicate-free unless a person can show up under two local ids in it. */
export function duplicateFreeSources(options: SynthOptions): Record<SourceName, boolean> {
  return Object.fromEntries(
    SOURCES.map((s) => [s, s === 'wages' ? options.corruption.wages.ssnTypo === 0 : options.corruption[s].duplicatePerson === 0]),
  ) as Record<SourceName, boolean>;
}

/** The small files of a world, by path relative to its folder. */
export function staticWorldFiles(options: SynthOptions, pool: EmployerPool): Record<string, string> {
  const files: Record<string, string> = {
    'catalog.json': pretty(publicCatalog()),
    'schema.json': pretty(DEFAULT_SCHEMA),
    'employers.csv': csvLine(EMPLOYER_HEADER) + pool.employers.map((e) => csvLine([e.id, e.naics, e.county])).join(''),
    'truth/effects.json': pretty(effectsDocument()),
    'synth-config.json': pretty({ persons: options.persons, seed: options.seed, startYear: options.startYear, years: options.years, world: options.world, corruption: options.corruption }),
  };
  const mappings = sourceMappings(duplicateFreeSources(options));
  for (const source of SOURCES) files[`mappings/${source}.json`] = pretty(mappings[source]);
  return files;
}

export function effectsDocument() {
  return {
    description:
      'True causal effects in the synthetic world. Each credential multiplies quarterly earnings by exp(earningsEffect) in every quarter after the quarter of its award, while employed; effects of stacked credentials add in logs. Credentials change nothing else: employment, job changes, retention and industry moves have no effect (0).',
    earningsModel:
      'log wages = 8.75 + sector premium + employer premium (sd 0.12) + 0.3 * ability + 0.05*(age-18) - 0.0009*(age-18)^2 + credential effects + 0.006 * quarter + growth * (quarter - mid-window quarter) + noise (sd 0.07), times hours share and share of quarter worked. Ability also raises the chance of passing, so holders out-earn failed candidates before the exam. growth (sd world.earningsGrowthSd per quarter) multiplies the hazard of seeking a credential by exp(growthSelection * growth / sd - growthSelection^2 / 2), so candidates are on steeper earnings paths than the population; rosters in world.passersOnlyRosters list passed exams only.',
    credentials: Object.fromEntries(
      CREDENTIALS.map((c) => [c.code, { earningsEffect: c.earningsEffect, earningsEffectPercent: Math.round((Math.exp(c.earningsEffect) - 1) * 10_000) / 100, employmentEffect: 0, startsAfter: 'quarter of award' }]),
    ),
  };
}
