import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEncoder } from '../../src/encode/encoder.ts';
import { openCsv } from '../../src/io/csv-rows.ts';
import { linkSources } from '../../src/link/link-sources.ts';
import { defaultLinkSettings } from '../../src/link/link-settings.ts';
import { createRowNormalizer } from '../../src/normalize/normalize-row.ts';
import { encodeRows, type EncodedSource } from '../../src/readiness/encode-rows.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { schemaFingerprint } from '../../src/schema/fingerprint.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';

const SECRET = new Uint8Array(32).fill(3);

async function rowsOf(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const csv = await openCsv(path);
  const rows: string[][] = [];
  for await (const row of csv.rows) if (!row.problem) rows.push(row.fields);
  return { header: csv.header, rows };
}

/**
 * What the real pipeline (normalize, encode, link through the spine) gives for one roster of a
 * synthetic world: the share of its persons whose cluster holds a wage (or education) record,
 * and the share of those that are truly theirs (truth/persons.csv).
 */
export async function actualLinkShares(world: string, rosters: string[]): Promise<Map<string, { holders: number; wages: number; wagePrecision: number; education: number }>> {
  const names = [...rosters, 'education', 'wages', 'spine'];
  const truth = new Map<string, string>();
  for (const row of (await rowsOf(join(world, 'truth/persons.csv'))).rows) truth.set(`${row[0]}|${row[1]}`, row[2]);
  const encoded: Array<{ name: string } & EncodedSource> = [];
  for (const name of names) {
    const mapping = sourceMappingSchema.parse(JSON.parse(await readFile(join(world, `mappings/${name}.json`), 'utf8')));
    const { header, rows } = await rowsOf(join(world, `${name}.csv`));
    const normalize = createRowNormalizer(mapping, header, name, { today: '2025-01-01' });
    encoded.push({ name, ...encodeRows(rows, mapping, normalize, createEncoder(DEFAULT_SCHEMA, SECRET, name)) });
  }
  const settings = defaultLinkSettings(schemaFingerprint(DEFAULT_SCHEMA), { keyFields: new Map(DEFAULT_SCHEMA.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)])) });
  const result = linkSources(encoded.map((e) => e.source), settings);
  const index = (name: string) => result.sources.findIndex((s) => s.name === name);
  const personOf = (name: string, i: number) => {
    const e = encoded.find((x) => x.name === name)!;
    return truth.get(`${name}|${e.localIdOf.get(result.sources[index(name)].pseudonyms[i])}`);
  };
  const membersOf = (name: string) => {
    const map = new Map<number, number[]>();
    result.clustering.clusterOf[index(name)].forEach((c, i) => map.set(c, [...(map.get(c) ?? []), i]));
    return map;
  };
  const wages = membersOf('wages');
  const education = membersOf('education');
  const shares = new Map<string, { holders: number; wages: number; wagePrecision: number; education: number }>();
  for (const roster of rosters) {
    let wageLinked = 0;
    let wageCorrect = 0;
    let educationLinked = 0;
    const clusters = result.clustering.clusterOf[index(roster)];
    clusters.forEach((c, i) => {
      const w = wages.get(c) ?? [];
      if (w.length) {
        wageLinked += 1;
        if (w.every((j) => personOf('wages', j) === personOf(roster, i))) wageCorrect += 1;
      }
      if (education.has(c)) educationLinked += 1;
    });
    const holders = clusters.length;
    shares.set(roster, { holders, wages: wageLinked / holders, wagePrecision: wageCorrect / Math.max(1, wageLinked), education: educationLinked / holders });
  }
  return shares;
}
