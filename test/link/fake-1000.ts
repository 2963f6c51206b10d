import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEncoder } from '../../src/encode/encoder.ts';
import { createRowNormalizer } from '../../src/normalize/normalize-row.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { schemaFingerprint } from '../../src/schema/fingerprint.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';
import { linkSources } from '../../src/link/link-sources.ts';
import { defaultLinkSettings } from '../../src/link/link-settings.ts';
import { pairQuality } from '../../src/link/linkage-quality.ts';
import type { EncodedPerson } from '../../src/extract/extract-types.ts';
import { TEST_SECRET } from './synthetic-people.ts';

/*
 * Deduplication of the public fake_1000 sample (first name, surname, birth date, e-mail; the
 * cluster column is the truth) with the same machinery as linkage: one source against itself,
 * no one-to-one constraint, clusters by union-find. docs/linkage-quality.md records the number.
 */
const FILE = '/work/shared/data/fake_1000.csv';

// The same mapping scripts/fake-1000-dedupe.mjs hashes with through the CLI.
const mapping = sourceMappingSchema.parse(JSON.parse(readFileSync(join(__dirname, 'fake-1000.mapping.json'), 'utf8')));

export function dedupeFake1000(threshold = 0.85) {
  const [headerLine, ...lines] = readFileSync(FILE, 'utf8').trim().split('\n');
  const header = headerLine.split(',');
  const normalize = createRowNormalizer(mapping, header, FILE, { today: '2026-01-01' });
  const encoder = createEncoder(DEFAULT_SCHEMA, TEST_SECRET, 'fake1000');
  const persons: EncodedPerson[] = [];
  const clusterOfPseudonym = new Map<string, string>();
  lines.forEach((line, i) => {
    const fields = line.split(',');
    const row = normalize(fields, i + 2);
    const person = encoder.encode(row.record, row.personId!);
    persons.push(person);
    clusterOfPseudonym.set(person.pseudonym, fields[header.indexOf('cluster')]);
  });
  const keyFields = new Map(DEFAULT_SCHEMA.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)]));
  const settings = defaultLinkSettings(schemaFingerprint(DEFAULT_SCHEMA), { keyFields, threshold });
  const result = linkSources([{ name: 'fake1000', role: 'roster', duplicateFree: false, persons }], settings);
  const store = result.sources[0];
  return pairQuality({ sources: [store.name], clusterOf: result.clustering.clusterOf, personOf: [store.pseudonyms.map((p) => clusterOfPseudonym.get(p))] }, 0, 0);
}

