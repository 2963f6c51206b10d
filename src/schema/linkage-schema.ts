import { z } from 'zod';
import { FIELD_NAMES } from './field-names.ts';

const fieldName = z.enum(FIELD_NAMES);

/**
 * How a normalized value becomes tokens:
 * - bigram: padded character bigrams ("_j", "jo", "oh", "hn", "n_"), tolerant of typos;
 * - positional: each character tagged with its position ("0:1", "1:9"), for dates, SSN, ZIP, phone;
 * - exact: the whole value is one token (sex, suffix).
 */
export const tokenizerSchema = z.enum(['bigram', 'positional', 'exact']);

export const fieldEncodingSchema = z
  .object({
    field: fieldName,
    tokenizer: tokenizerSchema,
    /** Length of the field-level Bloom filter in bits (multiple of 64). */
    filterBits: z.number().int().min(64).max(8192).multipleOf(64),
    /** Bit positions each token sets in the field-level filter (k). */
    hashesPerToken: z.number().int().min(1).max(64),
    /** Bit positions each token sets in the record-level filter (CLK); 0 leaves the field out. */
    clkHashesPerToken: z.number().int().min(0).max(64),
  })
  .strict();

export const blockingTransformSchema = z.enum([
  'value',
  'soundex',
  'first_initial',
  'year',
  'month_day',
  'last4',
  'first3',
]);

export const blockingKeySchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/),
    parts: z
      .array(z.object({ field: fieldName, transform: blockingTransformSchema }).strict())
      .min(1),
  })
  .strict();

export const hardeningSchema = z
  .object({
    /** Salt every token of `field` with the value of `with` (e.g. birth year), defeating cross-value frequency alignment. */
    salt: z.array(z.object({ field: fieldName, with: fieldName }).strict()).default([]),
    /** Append the complement of each filter, then permute with a keyed permutation: every filter has the same weight. */
    balance: z.boolean().default(false),
    /** Fold the filter in half with XOR. */
    xorFold: z.boolean().default(false),
    /** Each output bit is the XOR of `t` key-selected input bits (0 = off). */
    diffusionT: z.number().int().min(0).max(32).default(0),
    /** Each bit is set to a random value with this probability (keyed, deterministic per record). */
    randomizedResponse: z.number().min(0).max(0.5).default(0),
  })
  .strict();

export const linkageSchemaSchema = z
  .object({
    credlinkSchema: z.literal(1),
    name: z.string().min(1),
    fields: z.array(fieldEncodingSchema).min(1),
    recordFilter: z
      .object({
        bits: z.number().int().min(64).max(8192).multipleOf(64),
        /**
         * Hardening of the record filter (CLK) instead of `hardening` (salting aside, which acts on
         * tokens). The Fellegi-Sunter linker scores field filters only, so the CLK can take a cheaper
         * step without any cost in F1.
         */
        hardening: hardeningSchema.omit({ salt: true }).optional(),
      })
      .strict(),
    hardening: hardeningSchema,
    blockingKeys: z.array(blockingKeySchema).default([]),
  })
  .strict()
  .superRefine((schema, ctx) => {
    const seen = new Set<string>();
    schema.fields.forEach((f, i) => {
      if (seen.has(f.field)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'field'], message: `field "${f.field}" is declared twice` });
      seen.add(f.field);
    });
    const keyNames = new Set<string>();
    schema.blockingKeys.forEach((k, i) => {
      if (keyNames.has(k.name)) ctx.addIssue({ code: 'custom', path: ['blockingKeys', i, 'name'], message: `blocking key "${k.name}" is declared twice` });
      keyNames.add(k.name);
      k.parts.forEach((p, j) => {
        if (!seen.has(p.field)) ctx.addIssue({ code: 'custom', path: ['blockingKeys', i, 'parts', j, 'field'], message: `blocking key uses "${p.field}", which the schema does not encode` });
      });
    });
  });

export type LinkageSchema = z.infer<typeof linkageSchemaSchema>;
export type FieldEncoding = z.infer<typeof fieldEncodingSchema>;
export type BlockingKeySpec = z.infer<typeof blockingKeySchema>;
export type Hardening = z.infer<typeof hardeningSchema>;
