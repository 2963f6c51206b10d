/**
 * Full-size attack harness: every hardening candidate against the frequency, pattern-mining and
 * graph-matching attacks at 100%, 50% and 20% overlap, plus the linkage F1 each costs.
 *   npx tsx scripts/attack-harness.ts [--n 1000] [--f1-persons 3000] [--seeds 3] [--f1-seeds 6] [--only plain,xorFold]
 * Prints a Markdown table (the one in docs/threat-model.md).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SCHEMA } from '../src/schema/default-schema.ts';
import { HARDENING_CANDIDATES, runAttacks, withHardening } from '../src/attack/attack-experiment.ts';
import { attackPopulation } from '../src/attack/attack-population.ts';
import { GRAPH_ATTACKERS } from '../src/attack/graph-attack.ts';
import { linkageCost } from '../src/attack/linkage-cost.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, 'f1-persons': { type: 'string', default: '3000' }, seeds: { type: 'string', default: '3' }, 'f1-seeds': { type: 'string' }, only: { type: 'string' } } });
const n = Number(values.n);
const seeds = Number(values.seeds);
const names = values.only ? values.only.split(',') : Object.keys(HARDENING_CANDIDATES);
const pct = (x: number) => `${(100 * x).toFixed(1)}`;
const attackers = Object.keys(GRAPH_ATTACKERS);

console.log(`n=${n} encoded records per run, attack seeds=${seeds}, F1 on ${values['f1-persons']} persons x ${values['f1-seeds'] ?? seeds} seeds`);
console.log(`| hardening | overlap | surname freq % | first-name freq % | surname pattern % | first-name pattern % | graph %, best attacker (guessed) | ${attackers.join(' / ')} % |`);
console.log('|---|---|---|---|---|---|---|---|');
const f1s: string[] = [];
for (const name of names) {
  const schema = withHardening(DEFAULT_SCHEMA, HARDENING_CANDIDATES[name]);
  for (const overlap of [1, 0.5, 0.2]) {
    const runs = Array.from({ length: seeds }, (_, s) => runAttacks(schema, n, overlap, 100 + 7 * s));
    const mean = (f: (r: (typeof runs)[number]) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length;
    // The attacker that does best on average over the seeds, as one attacker would choose a method.
    const best = attackers
      .map((name) => ({ name, reidentified: mean((r) => r.graphByAttacker[name].reidentified), guessed: mean((r) => r.graphByAttacker[name].guessed / r.graphByAttacker[name].records) }))
      .reduce((a, b) => (b.reidentified > a.reidentified ? b : a));
    console.log(`| ${name} | ${overlap * 100}% | ${pct(mean((r) => r.fields[0].frequency.reidentified))} | ${pct(mean((r) => r.fields[1].frequency.reidentified))} | ${pct(mean((r) => r.fields[0].bigramPositions.reidentified))} | ${pct(mean((r) => r.fields[1].bigramPositions.reidentified))} | ${pct(best.reidentified)} ${best.name} (${pct(best.guessed)}) | ${attackers.map((a) => pct(mean((r) => r.graphByAttacker[a].reidentified))).join(' / ')} |`);
  }
  const f1 = Array.from({ length: Number(values['f1-seeds'] ?? seeds) }, (_, s) => linkageCost(schema, attackPopulation(Number(values['f1-persons']), 500 + s), new Uint8Array(32).fill(3 + s)).f1);
  f1s.push(`| ${name} | ${f1.map((x) => x.toFixed(4)).join(' ')} | ${(f1.reduce((a, b) => a + b, 0) / f1.length).toFixed(4)} |`);
}
console.log('\n| hardening | F1 per seed | mean F1 |\n|---|---|---|');
console.log(f1s.join('\n'));
