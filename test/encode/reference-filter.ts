import type { LinkageSchema } from '../../src/schema/linkage-schema.ts';
import type { FieldName } from '../../src/schema/field-names.ts';
import type { createKeyDeriver } from '../../src/encode/key-derivation.ts';
import { createTokenPositions } from '../../src/encode/token-positions.ts';
import { tokenize } from '../../src/encode/tokenize.ts';
import { emptyFilter, setPositions } from '../../src/encode/bloom-filter.ts';

/** The field filter and record-filter bits of one value, built the slow way from tokenize(): what the encoder's fast paths must equal. */
export function referenceFilter(schema: LinkageSchema, derive: ReturnType<typeof createKeyDeriver>, field: FieldName, value: string) {
  const spec = schema.fields.find((f) => f.field === field)!;
  const fieldPositions = createTokenPositions(derive({ kind: 'field-filter', field }), spec.filterBits, spec.hashesPerToken);
  const clkPositions = createTokenPositions(derive({ kind: 'record-filter', field }), schema.recordFilter.bits, spec.clkHashesPerToken);
  const filter = emptyFilter(spec.filterBits);
  const clk = emptyFilter(schema.recordFilter.bits);
  for (const token of tokenize(spec.tokenizer, value)) {
    setPositions(filter, fieldPositions.of(token));
    setPositions(clk, clkPositions.of(token));
  }
  return { filter, clk, spec };
}
