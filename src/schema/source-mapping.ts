import { z } from 'zod';
import { FIELD_NAMES } from './field-names.ts';
import { isValidCodePattern } from '../normalize/code-values.ts';

/** Date formats a source may declare, tokens: YYYY, YY, MM, M, DD, D, MON (Jan), with any separators. */
const dateFormats = z.array(z.string().min(4)).min(1);

const columnSpec = z
  .object({
    column: z.string().min(1),
    /** For date fields: the formats this column uses, tried in order. */
    formats: dateFormats.optional(),
  })
  .strict();

const datePartsSpec = z
  .object({ parts: z.object({ year: z.string(), month: z.string(), day: z.string() }).strict() })
  .strict();

export const payloadTypeSchema = z.enum(['string', 'code', 'integer', 'number', 'date', 'year_quarter', 'boolean']);

const columnPayloadSpec = z
  .object({
    column: z.string().min(1),
    type: payloadTypeSchema,
    formats: dateFormats.optional(),
    required: z.boolean().default(false),
    /**
     * Value map applied to the trimmed cell before typing, e.g. { "CSA-201": "CSA", "CSA-301": "CSA" }
     * (two exam codes of one credential); values not in the map are kept as they are.
     */
    values: z.record(z.string(), z.string()).optional(),
    /** type code: a regular expression the whole value must match (default: src/normalize/code-values.ts). */
    pattern: z.string().min(1).refine(isValidCodePattern, 'not a valid regular expression').optional(),
    /** type code: the longest value accepted (default 32). */
    maxLength: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
  .refine((p) => p.type === 'code' || (p.pattern === undefined && p.maxLength === undefined), { message: 'pattern and maxLength apply to type code only' });

/** A value the file lacks but every row has, e.g. { "constant": "pass", "type": "code" } for a passers-only list. */
const constantPayloadSpec = z
  .object({
    constant: z.union([z.string().min(1), z.number(), z.boolean()]),
    type: payloadTypeSchema,
    formats: dateFormats.optional(),
  })
  .strict();

const payloadSpec = z.union([columnPayloadSpec, constantPayloadSpec]);
export type PayloadSpec = z.infer<typeof payloadSpec>;

export const sourceRoleSchema = z.enum(['roster', 'education', 'wages', 'spine']);

export const sourceMappingSchema = z
  .object({
    credlinkMapping: z.literal(1),
    /** Label of this source; the pseudonyms of each source differ. */
    source: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    role: sourceRoleSchema,
    delimiter: z.string().length(1).default(','),
    /** Column holding the local person id; or derive the person from a normalized field (wage files key on SSN). */
    personId: z.union([
      z.object({ column: z.string() }).strict(),
      z.object({ field: z.enum(FIELD_NAMES) }).strict(),
      // Each data row is its own person, numbered by its line: files with one row per person and no id.
      z.object({ rowNumber: z.literal(true) }).strict(),
    ]),
    /**
     * Whether each person has at most one person id in this source (rows may still repeat an id:
     * exam attempts, wage quarters). Only then is assignment against it one-to-one.
     */
    duplicateFree: z.boolean().default(true),
    fields: z
      .object(Object.fromEntries(FIELD_NAMES.map((f) => [f, z.union([columnSpec, datePartsSpec]).optional()])) as Record<
        (typeof FIELD_NAMES)[number],
        z.ZodOptional<z.ZodUnion<[typeof columnSpec, typeof datePartsSpec]>>
      >)
      .strict(),
    /** A full name in one column, in "LAST, FIRST MIDDLE" or "FIRST MIDDLE LAST" order. */
    fullName: z.object({ column: z.string(), order: z.enum(['last_first', 'first_last']) }).strict().optional(),
    payload: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), payloadSpec).default({}),
  })
  .strict();

export type SourceMapping = z.infer<typeof sourceMappingSchema>;
export type SourceRole = z.infer<typeof sourceRoleSchema>;
export type PayloadType = z.infer<typeof payloadTypeSchema>;
