import { linkageSchemaSchema, type LinkageSchema } from './linkage-schema.ts';

/**
 * The schema `credlink init` writes for a new project. Field filters are sized so that a typical
 * value fills a quarter to a third of the bits; the blocking keys cover the sources that share little
 * (wage records: SSN and name only; rosters: name, birth date, email). docs/schema.md gives the
 * reasons for each number; the hardening default is chosen from the attack measurements in
 * docs/threat-model.md.
 */
export const DEFAULT_SCHEMA_INPUT = {
  credlinkSchema: 1,
  name: 'credlink-default',
  fields: [
    { field: 'first_name', tokenizer: 'bigram', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 12 },
    { field: 'middle_name', tokenizer: 'bigram', filterBits: 128, hashesPerToken: 6, clkHashesPerToken: 0 },
    { field: 'last_name', tokenizer: 'bigram', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 12 },
    { field: 'name_suffix', tokenizer: 'exact', filterBits: 64, hashesPerToken: 8, clkHashesPerToken: 0 },
    { field: 'dob', tokenizer: 'positional', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 12 },
    { field: 'ssn', tokenizer: 'positional', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 0 },
    { field: 'email', tokenizer: 'bigram', filterBits: 512, hashesPerToken: 10, clkHashesPerToken: 4 },
    { field: 'phone', tokenizer: 'positional', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 0 },
    { field: 'postcode', tokenizer: 'positional', filterBits: 128, hashesPerToken: 10, clkHashesPerToken: 6 },
    { field: 'sex', tokenizer: 'exact', filterBits: 64, hashesPerToken: 8, clkHashesPerToken: 0 },
    // Place and id fields (docs/schema.md): a city of ~9 bigrams fills about a third of 256 bits, a street address of ~20 a third of 512.
    { field: 'city', tokenizer: 'bigram', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 4 },
    { field: 'street_address', tokenizer: 'bigram', filterBits: 512, hashesPerToken: 8, clkHashesPerToken: 4 },
    { field: 'state', tokenizer: 'exact', filterBits: 64, hashesPerToken: 8, clkHashesPerToken: 0 },
    { field: 'identifier', tokenizer: 'positional', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 0 },
  ],
  // The record filter is only XOR-folded: the Fellegi-Sunter linker does not score it, and folding is cheaper to compute and half the size.
  recordFilter: { bits: 1024, hardening: { balance: false, xorFold: true, diffusionT: 0, randomizedResponse: 0 } },
  // Diffusion t=2: of the candidates within a point of F1 it re-identifies fewest in the graph attack (32% plain -> 8-9% at full overlap, best of four attackers), and costs less F1 than XOR-folding (docs/threat-model.md).
  hardening: { salt: [], balance: false, xorFold: false, diffusionT: 2, randomizedResponse: 0 },
  blockingKeys: [
    { name: 'last_soundex_birth_year', parts: [{ field: 'last_name', transform: 'soundex' }, { field: 'dob', transform: 'year' }] },
    { name: 'first_initial_dob', parts: [{ field: 'first_name', transform: 'first_initial' }, { field: 'dob', transform: 'value' }] },
    { name: 'ssn', parts: [{ field: 'ssn', transform: 'value' }] },
    { name: 'ssn_last4_first_initial', parts: [{ field: 'ssn', transform: 'last4' }, { field: 'first_name', transform: 'first_initial' }] },
    { name: 'last_soundex_first_soundex', parts: [{ field: 'last_name', transform: 'soundex' }, { field: 'first_name', transform: 'soundex' }] },
    { name: 'email', parts: [{ field: 'email', transform: 'value' }] },
    { name: 'identifier', parts: [{ field: 'identifier', transform: 'value' }] },
  ],
} as const;

export const DEFAULT_SCHEMA: LinkageSchema = linkageSchemaSchema.parse(DEFAULT_SCHEMA_INPUT);
