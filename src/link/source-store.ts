import type { EncodedPerson } from '../extract/extract-types.ts';
import type { FieldName } from '../schema/field-names.ts';
import type { SourceRole } from '../schema/source-mapping.ts';
import type { DiceKernel } from '../kernel/dice-kernel.ts';
import { buildFilterStore, type FilterStore } from './filter-store.ts';

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
  const persons = [...source.persons].sort((x, y) => (x.pseudonym < y.pseudonym ? -1 : x.pseudonym > y.pseudonym ? 1 : 0));
  const fieldNames = new Set<FieldName>();
  const keyNames = new Set<string>();
  for (const person of persons) {
    for (const [name, filter] of Object.entries(person.fields)) if (filter) fieldNames.add(name as FieldName);
    for (const name of Object.keys(person.blockingKeys)) keyNames.add(name);
  }
  const fields = new Map<FieldName, FilterStore>();
  for (const name of [...fieldNames].sort()) fields.set(name, buildFilterStore(persons.map((p) => p.fields[name]), kernel));
  const blockingKeys = new Map<string, Array<string | undefined>>();
  for (const name of [...keyNames].sort()) blockingKeys.set(name, persons.map((p) => p.blockingKeys[name]));
  return {
    name: source.name,
    role: source.role,
    duplicateFree: source.duplicateFree,
    count: persons.length,
    pseudonyms: persons.map((p) => p.pseudonym),
    fields,
    clk: buildFilterStore(persons.map((p) => (p.clk.length > 0 ? p.clk : undefined)), kernel),
    blockingKeys,
  };
}

/** Fields both sides carry, in a fixed order. */
export function sharedFields(a: SourceStore, b: SourceStore): FieldName[] {
  return [...a.fields.keys()].filter((f) => {
    const other = b.fields.get(f);
    return other !== undefined && other.wordsPerFilter === a.fields.get(f)!.wordsPerFilter;
  });
}
