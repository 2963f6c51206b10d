import type { EncodedPerson } from '../extract/extract-types.ts';
import type { FieldName } from '../schema/field-names.ts';
import type { SourceRole } from '../schema/source-mapping.ts';
import type { DiceKernel } from '../kernel/dice-kernel.ts';
import type { FilterStore } from './filter-store.ts';
import { SourceStoreBuilder } from './source-store-builder.ts';

/** One source as the linker receives it: plain data, no files. */
export interface LinkSource {
  name: string;
  role: SourceRole;
  duplicateFree: boolean;
  persons: EncodedPerson[];
}

/** A source packed for scoring; records are ordered by pseudonym so input row order never changes the output. */
export interface SourceStore {
  name: string;
  role: SourceRole;
  duplicateFree: boolean;
  count: number;
  pseudonyms: string[];
  /** Fields at least one record has. */
  fields: Map<FieldName, FilterStore>;
  clk: FilterStore;
  /** Blocking-key values by key name, undefined where a record lacks the key. */
  blockingKeys: Map<string, Array<string | undefined>>;
}

/** With a kernel, every field's filters (and the CLK) are loaded into it once, for scoring. */
export function buildSourceStore(source: LinkSource, kernel?: DiceKernel): SourceStore {
  const builder = new SourceStoreBuilder(source);
  for (const person of source.persons) builder.add(person);
  return builder.build(kernel);
}

/** Fields both sides carry, in a fixed order. */
export function sharedFields(a: SourceStore, b: SourceStore): FieldName[] {
  return [...a.fields.keys()].filter((f) => {
    const other = b.fields.get(f);
    return other !== undefined && other.wordsPerFilter === a.fields.get(f)!.wordsPerFilter;
  });
}
