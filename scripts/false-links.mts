// Why a roster's links to the spine are false: for each false link of ROSTER ~ spine, whether the
// roster record's true spine partner exists, was a candidate, and how its match weight compares.
//   node --import tsx scripts/false-links.mts WORLD_DIR LINKAGE_DIR KEY_FILE ROSTER
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createKeyDeriver } from '../src/encode/key-derivation.ts';
import { createPseudonymizer } from '../src/encode/pseudonym.ts';
import { linkageSchemaSchema } from '../src/schema/linkage-schema.ts';

const [world, linkage, keyFile, roster] = process.argv.slice(2);
const secret = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
const derive = createKeyDeriver(new Uint8Array(secret), linkageSchemaSchema.parse(JSON.parse(readFileSync(join(world, 'schema.json'), 'utf8'))));
const pseudonym = { spine: createPseudonymizer(derive, 'spine'), [roster]: createPseudonymizer(derive, roster) };

async function* rows(file: string): AsyncGenerator<string[]> {
  let first = true;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (first) { first = false; continue; }
    yield line.split(',');
  }
}

const personOf = new Map<string, string>(); // `${source}:${pseudonym}` -> person
const spineOfPerson = new Map<string, string>(); // person -> spine pseudonym
for await (const [source, local, person] of rows(join(world, 'truth', 'persons.csv'))) {
  if (source !== 'spine' && source !== roster) continue;
  const p = pseudonym[source](local);
  personOf.set(`${source}:${p}`, person);
  if (source === 'spine') spineOfPerson.set(person, p);
}
const side = (a: string, pa: string, b: string, pb: string) => (a === roster ? { r: pa, s: pb } : { r: pb, s: pa });
const links: Array<{ r: string; s: string; w: number }> = [];
for await (const [a, pa, b, pb, w] of rows(join(linkage, 'pairs.csv'))) {
  if (!((a === roster && b === 'spine') || (a === 'spine' && b === roster))) continue;
  links.push({ ...side(a, pa, b, pb), w: Number(w) });
}
const falseLinks = links.filter((l) => personOf.get(`${roster}:${l.r}`) !== personOf.get(`spine:${l.s}`));
const wanted = new Map(falseLinks.map((l) => [l.r, spineOfPerson.get(personOf.get(`${roster}:${l.r}`)!)]));
const trueWeight = new Map<string, number>();
for await (const [a, pa, b, pb, w] of rows(join(linkage, 'candidates.csv'))) {
  if (!((a === roster && b === 'spine') || (a === 'spine' && b === roster))) continue;
  const { r, s } = side(a, pa, b, pb);
  if (wanted.get(r) === s) trueWeight.set(r, Number(w));
}
const count = { noSpinePartner: 0, partnerNotCandidate: 0, partnerWeaker: 0, partnerStronger: 0 };
const gaps: number[] = [];
for (const l of falseLinks) {
  const partner = wanted.get(l.r);
  if (!partner) count.noSpinePartner += 1;
  else if (!trueWeight.has(l.r)) count.partnerNotCandidate += 1;
  else if (trueWeight.get(l.r)! < l.w) (count.partnerWeaker += 1), gaps.push(l.w - trueWeight.get(l.r)!);
  else count.partnerStronger += 1;
}
gaps.sort((x, y) => x - y);
const weights = falseLinks.map((l) => l.w).sort((x, y) => x - y);
const q = (xs: number[], p: number) => (xs.length ? xs[Math.floor(p * (xs.length - 1))].toFixed(1) : '-');
console.log(JSON.stringify({ roster, links: links.length, falseLinks: falseLinks.length, ...count,
  falseLinkWeight: { p10: q(weights, 0.1), median: q(weights, 0.5), p90: q(weights, 0.9) },
  weightGapOverTruePartner: { p10: q(gaps, 0.1), median: q(gaps, 0.5), p90: q(gaps, 0.9) } }));
