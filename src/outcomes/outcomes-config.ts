import { z } from 'zod';
import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy.ts';

/** `fixtures/outcomes.json` and docs/outcomes.md show a full example; every key but the version has a default. */

const yearQuarter = z.string().regex(/^\d{4}Q[1-4]$/, 'use YYYYQn, e.g. 2019Q3');

export const catalogCredentialSchema = z
  .object({
    // A code becomes a row label in every table: it starts with a letter or digit (never a
    // spreadsheet formula's = + - @) and holds no control character (no terminal escape).
    code: z.string().regex(/^[A-Za-z0-9][^\p{Cc}]{0,63}$/u, 'a credential code starts with a letter or digit, has at most 64 characters and no control character'),
    name: z.string().min(1).regex(/^[^\p{Cc}]*$/u, 'no control characters'),
    issuer: z.string().min(1),
    type: z.string().min(1),
    alignedNaics: z.array(z.string().regex(/^\d{2,6}$/)).default([]),
    cost: z.number().min(0).default(0),
  })
  // Strict: a catalog with its own key names (aligned_naics, typical_cost) would otherwise load
  // with no aligned industries and cost 0, and every NPV would leave the cost out.
  .strict();

/** catalog.json: the list, or { credentials, issuers } as `credlink synth` writes it. */
export const catalogFileSchema = z.union([
  z.array(catalogCredentialSchema),
  z.object({ credentials: z.array(catalogCredentialSchema), issuers: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) }).strict()).optional() }).strict(),
]);

/** Whether a JSON document without a format key is meant as a catalog. */
export const looksLikeCatalog = (raw: unknown): boolean => Array.isArray(raw) || (raw !== null && typeof raw === 'object' && 'credentials' in raw);

const cohortSchema = z
  .object({ label: z.string().regex(/^[A-Za-z0-9_-]+$/), from: z.number().int(), to: z.number().int() })
  .strict()
  .refine((c) => c.from <= c.to, { message: 'a cohort needs from <= to' });

const disclosureSchema = z
  .object({
    minCell: z.number().int().min(1).default(DEFAULT_DISCLOSURE_POLICY.minCell),
    minPercentileCell: z.number().int().min(11).default(DEFAULT_DISCLOSURE_POLICY.minPercentileCell),
    roundingBase: z.number().int().min(1).default(DEFAULT_DISCLOSURE_POLICY.roundingBase),
    dollarRounding: z.number().min(0).default(DEFAULT_DISCLOSURE_POLICY.dollarRounding),
    rateDecimals: z.number().int().min(0).max(6).default(DEFAULT_DISCLOSURE_POLICY.rateDecimals),
    minEmployers: z.number().int().min(1).default(DEFAULT_DISCLOSURE_POLICY.minEmployers),
    maxEmployerShare: z.number().gt(0).max(1).default(DEFAULT_DISCLOSURE_POLICY.maxEmployerShare),
    /** (n, k) dominance rule on means: suppressed when the n largest values exceed share k of the sum. */
    dominanceTop: z.number().int().min(1).default(DEFAULT_DISCLOSURE_POLICY.dominanceTop),
    dominanceShare: z.number().gt(0).max(1).default(DEFAULT_DISCLOSURE_POLICY.dominanceShare),
    /** Career pathways: how many of the most common sector sequences to show before "other". */
    topSequences: z.number().int().min(1).default(10),
    /** Under --epsilon, each person keeps at most this many credentials (bounds the sensitivity). */
    dpMaxCredentialsPerPerson: z.number().int().min(1).default(3),
  })
  .strict();

/** The employer file with its own header: which column holds each of credlink's fields. */
export const employerFileSchema = z
  .object({
    file: z.string().min(1),
    delimiter: z.string().length(1).default(','),
    columns: z.object({ employer_id: z.string().min(1), naics: z.string().min(1), county: z.string().min(1).optional() }).strict(),
  })
  .strict();
export type EmployerFile = z.output<typeof employerFileSchema>;

export const outcomesConfigSchema = z
  .object({
    credlinkOutcomes: z.literal(1),
    /** The credential catalog: a path (relative to this file) to catalog.json, or the list inline. */
    catalog: z.union([z.string().min(1), z.array(catalogCredentialSchema)]),
    /**
     * employers.csv (employer_id,naics,county), relative to this file; or { file, columns, delimiter }
     * mapping the file's own header, like a source mapping: columns.employer_id and columns.naics name its columns.
     */
    employers: z.union([z.string().min(1), employerFileSchema]).optional(),
    /** CPI-U annual averages by year; defaults to the bundled BLS series (src/outcomes/data/cpi-u.json). */
    cpi: z
      .object({ name: z.string().default('custom'), annualAverages: z.record(z.string().regex(/^\d{4}$/), z.number().positive()) })
      .strict()
      .optional(),
    /** Dollars are real dollars of this year. */
    baseYear: z.number().int().min(1990).max(2100).default(2024),
    /** real: deflated to baseYear with the CPI-U (default); nominal: dollars of each quarter as paid (baseYear and cpi unused). */
    dollars: z.enum(['real', 'nominal']).default('real'),
    /** Award cohorts (award years pooled, as PSEO pools graduation cohorts); default one cohort of all years. */
    cohorts: z.array(cohortSchema).default([]),
    /** Quarters the wage records cover; default: the first and last quarter seen in the wage payloads. */
    wageCoverage: z.object({ from: yearQuarter, to: yearQuarter }).strict().optional(),
    comparison: z
      .object({
        /**
         * failed-not-yet-passed: failed candidates, falling back per credential and cohort to later
         * holders (not yet treated), then to matched non-holders when they are too few;
         * not-yet-treated: later holders, then matched non-holders; matched-non-holders: always the
         * matched comparison; pre-post: no comparison group.
         */
        method: z.enum(['failed-not-yet-passed', 'not-yet-treated', 'matched-non-holders', 'pre-post']).default('failed-not-yet-passed'),
        /** A later holder counts as not yet treated only up to this many quarters before its own award (the pre-exam dip). */
        anticipationQuarters: z.number().int().min(0).max(8).default(2),
        /** The matched comparison matches on the pre-award trend (-8..-7 to -6..-3) as well as the level; false = levels only (for comparison). */
        matchOnTrend: z.boolean().default(true),
        /** Leave out of both arms people with an award of another credential in event quarters -8..+12 (stacking). */
        excludeNearbyAwards: z.boolean().default(true),
        /** Non-holders kept from the wage extract for the matched comparison (a bounded hash sample); 0 = none. */
        poolSize: z.number().int().min(0).default(20_000),
        /** Below this many people in an arm, the difference-in-differences falls back to a labelled pre/post change. */
        minArm: z.number().int().min(1).default(30),
        /** Pre-trend check passes when the mean difference at -8..-7 is within this many real dollars a quarter. */
        preTrendTolerance: z.number().min(0).default(250),
      })
      .strict()
      .prefault({}),
    roi: z
      .object({
        /** Real annual discount rate (OMB Circular A-94 style 3%). */
        discountRate: z.number().min(0).max(0.5).default(0.03),
        /** Years of the NPV horizons. */
        horizonsYears: z.array(z.number().int().min(1).max(40)).default([5, 10]),
        /** hold-mean: the mean effect of +1..+12 held to the horizon; hold-last-year: measured +1..+12 then the mean of +9..+12; none: nothing after +12. */
        extrapolation: z.enum(['hold-mean', 'hold-last-year', 'none']).default('hold-mean'),
      })
      .strict()
      .prefault({}),
    /** PSEO attachment: full-time, full-year at the federal minimum wage ($7.25 x 2080 hours). */
    attachment: z
      .object({
        minimumWage: z.number().positive().default(7.25),
        fullTimeHours: z.number().positive().default(2080),
        minQuarters: z.number().int().min(1).max(4).default(3),
      })
      .strict()
      .prefault({}),
    /** Median annual earnings of high-school graduates, for later "credential of value" verdicts. */
    highSchoolBaseline: z
      .object({ annualEarnings: z.number().positive(), year: z.number().int(), state: z.string().min(1).optional(), source: z.string().min(1) })
      .strict()
      .optional(),
    disclosure: disclosureSchema.prefault({}),
  })
  .strict();

export type OutcomesConfig = z.output<typeof outcomesConfigSchema>;
export type CatalogEntry = z.output<typeof catalogCredentialSchema>;
