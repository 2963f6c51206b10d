import { z } from 'zod';
import { sourceRoleSchema } from '../schema/source-mapping.ts';

/*
 * A job file names everything `credlink run` needs to redo a study: the extracts, the linkage
 * settings, the outcomes configuration and the disclosure policy. Paths are relative to the job
 * file, so that a folder holding the job and its inputs can be moved or archived as a whole.
 */

const extractEntrySchema = z
  .object({
    /** Path of the extract written by `credlink hash`, relative to the job file. */
    path: z.string().min(1),
    /** Expected role; checked against the extract's manifest. `spine` makes it the linkage spine. */
    role: sourceRoleSchema.optional(),
    /** Pins the input: the run stops if the file's SHA-256 differs (a rerun on other data). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hex digits').optional(),
  })
  .strict();

export const linkageSettingsSchema = z
  .object({
    /** Fellegi-Sunter (fs), or the plain CLK Dice threshold baseline (threshold). */
    method: z.enum(['fs', 'threshold']).default('fs'),
    /** Match probability at or above which a pair is linked (method fs); 'auto': per source pair, the one of best expected F1. */
    threshold: z.union([z.number().gte(0).lt(1), z.literal('auto')]).default('auto'),
    /** CLK Dice at or above which a pair is linked (method threshold). */
    diceThreshold: z.number().gt(0).max(1).optional(),
    /** Lower Dice bounds of the comparison levels above "else", increasing; 1 is exact (link's default [0.6, 0.75, 0.9, 1]). */
    levels: z.array(z.number().gt(0).max(1)).min(1).max(6).optional(),
    /** The public linkage schema (relative to the job file): tells EM training which fields each blocking key uses. */
    schema: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const levels = settings.levels ?? [];
    for (let i = 1; i < levels.length; i++) {
      if (levels[i] <= levels[i - 1]) ctx.addIssue({ code: 'custom', path: ['levels', i], message: 'levels must increase, e.g. [0.75, 0.9, 1]' });
    }
  });

/**
 * Overrides of the disclosure policy (src/disclosure/disclosure-policy.ts, docs/disclosure.md);
 * unset keys keep the outcomes configuration's values.
 */
export const disclosureOverridesSchema = z
  .object({
    minCell: z.number().int().min(1).max(1000).optional(),
    minPercentileCell: z.number().int().min(1).max(1000).optional(),
    roundingBase: z.number().int().min(1).max(100).optional(),
    dollarRounding: z.number().int().min(1).max(10000).optional(),
    rateDecimals: z.number().int().min(0).max(6).optional(),
    minEmployers: z.number().int().min(1).max(100).optional(),
    maxEmployerShare: z.number().gt(0).max(1).optional(),
    /** Differential privacy: total epsilon over all noisy counts and histograms (off when absent). Noisy tables differ from run to run. */
    epsilon: z.number().gt(0).max(100).optional(),
  })
  .strict();

const outputSchema = z
  .object({
    /** Title on the report and in the methods section. */
    title: z.string().min(1).default('Credential outcomes'),
    /** Write report.html. */
    report: z.boolean().default(true),
    /** Keep the record-level linkage (pseudonyms, owner-only) in RUN_DIR/linkage; otherwise it is deleted after the run. */
    keepLinkage: z.boolean().default(true),
  })
  .strict();

export const jobSchema = z
  .object({
    credlinkJob: z.literal(1),
    /** Short name of the study, used in the report and the manifest. */
    name: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lower-case letters, digits, "-", "_" or "."'),
    description: z.string().optional(),
    extracts: z.array(extractEntrySchema).min(2, 'a linkage needs at least two extracts'),
    /**
     * Trusted Ed25519 public keys of the data holders (64 hex digits, or a .pub file relative to the
     * job): when given, the run refuses any extract without a valid signature by one of them.
     */
    publicKeys: z.array(z.string().min(1)).min(1).optional(),
    linkage: linkageSettingsSchema.prefault({}),
    /** The outcomes configuration: a path relative to the job file, or the configuration itself. */
    outcomes: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
    disclosure: disclosureOverridesSchema.prefault({}),
    output: outputSchema.prefault({}),
  })
  .strict()
  .superRefine((job, ctx) => {
    const spines = job.extracts.flatMap((e, i) => (e.role === 'spine' ? [i] : []));
    if (spines.length > 1) ctx.addIssue({ code: 'custom', path: ['extracts', spines[1], 'role'], message: 'only one extract can be the spine' });
    const seen = new Set<string>();
    job.extracts.forEach((e, i) => {
      if (seen.has(e.path)) ctx.addIssue({ code: 'custom', path: ['extracts', i, 'path'], message: `"${e.path}" is listed twice` });
      seen.add(e.path);
    });
  });

export type Job = z.output<typeof jobSchema>;
export type JobInput = z.input<typeof jobSchema>;
export type LinkageSettings = z.output<typeof linkageSettingsSchema>;
export type DisclosureOverrides = z.output<typeof disclosureOverridesSchema>;
