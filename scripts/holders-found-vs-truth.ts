/**
 * How many of a synthetic world's true credential holders with wage records a linkage counts,
 * and by which path (issue #14: holders outside the spine were dropped).
 * usage: npx tsx scripts/holders-found-vs-truth.ts WORLD_DIR LINKAGE_DIR [--secret-file KEY] [--json]
 * (KEY defaults to WORLD_DIR/key, the key the world's extracts were hashed with.)
 * A holder counts as outcomes counts them: a roster record of theirs is in a cluster with a spine
 * record (path spine, unless every roster record there came by a direct roster-wage link: path
 * direct, "into a spine cluster") or, failing that, a wage record (path direct). "Right wages":
 * the cluster's wage records are the holder's own. True holders = people with a passed exam in truth/exams.csv
 * and a wage record in truth/persons.csv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { createEncoder } from '../src/encode/encoder.ts';
import { directPairsOf, readDirectlyLinked } from '../src/io/outcome-inputs.ts';
import { readSecretFile } from '../src/io/secret-file.ts';
import { linkageSchemaSchema } from '../src/schema/linkage-schema.ts';

const args = process.argv.slice(2);
const [world, linkage] = args;
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rows = (file: string) => parseSync(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

async function main(): Promise<void> {
  const secret = await readSecretFile(option('--secret-file') ?? join(world, 'key'), { stdin: process.stdin, logger: undefined as never });
  const schema = linkageSchemaSchema.parse(JSON.parse(readFileSync(join(world, 'schema.json'), 'utf8')));
  const summary = JSON.parse(readFileSync(join(linkage, 'summary.json'), 'utf8'));
  const roles = new Map<string, string>(summary.sources.map((s: { name: string; role: string }) => [s.name, s.role]));
  const encoders = new Map([...roles.keys()].map((s) => [s, createEncoder(schema, secret, s)]));
  const personOf = new Map<string, string>();
  const withWages = new Set<string>();
  for (const r of rows(join(world, 'truth/persons.csv'))) {
    const encoder = encoders.get(r.source);
    if (encoder) personOf.set(`${r.source}\u0000${encoder.pseudonym(r.local_id)}`, r.person_id);
    if (roles.get(r.source) === 'wages') withWages.add(r.person_id);
  }
  const holders = new Set(rows(join(world, 'truth/exams.csv')).filter((e) => e.result === 'pass').map((e) => e.person_id));
  const rosterNames = new Set([...roles].filter(([, role]) => role === 'roster').map(([name]) => name));
  const directly = await readDirectlyLinked(join(linkage, 'pairs.csv'), directPairsOf(summary), rosterNames);
  const clusters = new Map<string, Array<{ role: string; person: string | undefined; direct: boolean }>>();
  const rosterClusters = new Map<string, Set<string>>();
  for (const c of rows(join(linkage, 'clusters.csv'))) {
    const person = personOf.get(`${c.source}\u0000${c.pseudonym}`);
    const role = roles.get(c.source)!;
    if (!clusters.has(c.cluster_id)) clusters.set(c.cluster_id, []);
    clusters.get(c.cluster_id)!.push({ role, person, direct: directly.has(`${c.source}\u0000${c.pseudonym}`) });
    if (role === 'roster' && person) {
      if (!rosterClusters.has(person)) rosterClusters.set(person, new Set());
      rosterClusters.get(person)!.add(c.cluster_id);
    }
  }
  const inSpine = new Set(rows(join(world, 'truth/people.csv')).filter((p) => p.in_spine === '1').map((p) => p.person_id));
  const tally = { trueHoldersWithWages: 0, counted: 0, spine: 0, direct: 0, directIntoSpineCluster: 0, rightWages: 0, directRightWages: 0, missedInSpine: 0, missedOutsideSpine: 0 };
  for (const h of holders) {
    if (!withWages.has(h)) continue;
    tally.trueHoldersWithWages += 1;
    const members = [...(rosterClusters.get(h) ?? [])].map((c) => clusters.get(c)!);
    const throughSpine = (m: typeof members[number]) => m.some((r) => r.role === 'spine') && m.some((r) => r.role === 'roster' && r.person === h && !r.direct);
    const spine = members.find(throughSpine);
    const direct = spine ? undefined : members.find((m) => m.some((r) => r.role === 'wages' || r.role === 'spine'));
    const found = spine ?? direct;
    if (direct?.some((r) => r.role === 'spine')) tally.directIntoSpineCluster += 1;
    if (!found) {
      tally[inSpine.has(h) ? 'missedInSpine' : 'missedOutsideSpine'] += 1;
      continue;
    }
    tally.counted += 1;
    tally[spine ? 'spine' : 'direct'] += 1;
    const wages = found.filter((r) => r.role === 'wages');
    const right = wages.length > 0 && wages.every((r) => r.person === h);
    if (right) tally.rightWages += 1;
    if (right && direct) tally.directRightWages += 1;
  }
  const share = (n: number) => Math.round((n / tally.trueHoldersWithWages) * 10_000) / 100;
  const result = { ...tally, countedPercent: share(tally.counted), rightWagesPercent: share(tally.rightWages), directPrecisionPercent: tally.direct ? Math.round((tally.directRightWages / tally.direct) * 10_000) / 100 : null };
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${Object.entries(result).map(([k, v]) => `${k}: ${v}`).join('\n')}\n`);
}

await main();
