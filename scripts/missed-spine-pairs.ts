/**
 * Why true spine ~ roster pairs of a synthetic world were not linked: every true pair counted by
 * what the two raw records share (first name, last name, ZIP exact or not) and by how many spine
 * persons carry the roster's first+last name, with how many of each were missed.
 * usage: npx tsx scripts/missed-spine-pairs.ts WORLD LINKAGE [ROSTER ID_COL FIRST_COL LAST_COL ZIP_COL]
 * (default: tradecert member_id first last zip_code; key WORLD/key). SHOW="first x last = zip =" prints
 * the missed pairs of the categories starting so. docs/outcomes.md quotes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { createEncoder } from '../src/encode/encoder.ts';
import { readSecretFile } from '../src/io/secret-file.ts';
import { linkageSchemaSchema } from '../src/schema/linkage-schema.ts';
const [world, linkage, roster = 'tradecert', idCol = 'member_id', fCol = 'first', lCol = 'last', zCol = 'zip_code'] = process.argv.slice(2);
const rows = (f: string) => parseSync(readFileSync(f, 'utf8'), { columns: true }) as Array<Record<string, string>>;
const secret = await readSecretFile(join(world, 'key'), { stdin: process.stdin, logger: undefined as never });
const schema = linkageSchemaSchema.parse(JSON.parse(readFileSync(join(world, 'schema.json'), 'utf8')));
const enc = { spine: createEncoder(schema, secret, 'spine'), [roster]: createEncoder(schema, secret, roster) };
const person = new Map<string, string>();
for (const r of rows(join(world, 'truth/persons.csv'))) person.set(`${r.source}|${r.local_id}`, r.person_id);
const cluster = new Map<string, string>();
for (const c of rows(join(linkage, 'clusters.csv'))) if (c.source === 'spine' || c.source === roster) cluster.set(`${c.source}|${c.pseudonym}`, c.cluster_id);
const spineBy = new Map<string, Record<string, string>>();
const spineCluster = new Map<string, string | undefined>();
const nameCount = new Map<string, number>();
for (const r of rows(join(world, 'spine.csv'))) {
  const p = person.get(`spine|${r.spine_id}`)!;
  spineBy.set(p, r);
  spineCluster.set(p, cluster.get(`spine|${enc.spine.pseudonym(r.spine_id)}`));
  const k = `${r.first_name.toLowerCase()}|${r.last_name.toLowerCase()}`;
  nameCount.set(k, (nameCount.get(k) ?? 0) + 1);
}
const seen = new Set<string>();
const tally = new Map<string, [number, number]>();
for (const r of rows(join(world, `${roster}.csv`))) {
  const p = person.get(`${roster}|${r[idCol]}`)!;
  if (seen.has(p) || !spineBy.has(p)) continue;
  seen.add(p);
  const s = spineBy.get(p)!;
  const linked = cluster.get(`${roster}|${enc[roster].pseudonym(r[idCol])}`) === spineCluster.get(p) && spineCluster.get(p) !== undefined;
  const f = s.first_name.toLowerCase() === r[fCol].toLowerCase(), l = s.last_name.toLowerCase() === r[lCol].toLowerCase(), z = s.zip === r[zCol];
  const namesakes = nameCount.get(`${r[fCol].toLowerCase()}|${r[lCol].toLowerCase()}`) ?? 0;
  const key = `first ${f ? '=' : 'x'} last ${l ? '=' : 'x'} zip ${z ? '=' : 'x'} spineNamesakes ${namesakes === 0 ? 0 : namesakes === 1 ? 1 : namesakes < 5 ? '2-4' : '5+'}`;
  if (!linked && process.env.SHOW && key.startsWith(process.env.SHOW)) console.log('  ', r[fCol], r[lCol], r[zCol], '|', s.first_name, s.middle_name, s.last_name, s.zip);
  const t = tally.get(key) ?? [0, 0];
  t[0] += 1; if (!linked) t[1] += 1;
  tally.set(key, t);
}
for (const [k, [n, missed]] of [...tally].sort((a, b) => b[1][1] - a[1][1])) console.log(`${k}: ${n} pairs, ${missed} missed`);
