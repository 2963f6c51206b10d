#!/usr/bin/env node
// Compares outcome tables from a linkage with those from the truth linkage (evaluate
// --write-truth-linkage) and premiums with the world's truth/effects.json; docs/outcomes.md quotes it.
// usage: node test/outcomes/compare-to-truth.mjs LINKED_DIR TRUTH_DIR WORLD_DIR
import { readFileSync } from 'node:fs';

const [linkedDir, truthDir, world] = process.argv.slice(2);
const cells = (dir, table) => JSON.parse(readFileSync(`${dir}/${table}.json`, 'utf8')).cells;
const effects = JSON.parse(readFileSync(`${world}/truth/effects.json`, 'utf8')).credentials;
const find = (list, match) => list.find((c) => Object.entries(match).every(([k, v]) => c[k] === v));
const fmt = (v, d = 1) => (v === null || v === undefined ? '(s)' : typeof v === 'number' ? v.toFixed(d) : v);
const error = JSON.parse(readFileSync(`${linkedDir}/employment.json`, 'utf8')).linkageError?.expectedFalseMatchShare;

console.log(`expected false-match share ${error}`);
console.log('credential | employed_q4 linked/truth (diff, points) | median +4 linked/truth (diff %) | premium % of pre-award mean: linked / truth / true (method, se_max %)');
for (const credential of Object.keys(effects)) {
  const row = [credential];
  const [el, et] = [linkedDir, truthDir].map((d) => find(cells(d, 'employment'), { credential, cohort: 'all', measure: 'employed_q4' })?.value ?? null);
  row.push(`${fmt(el, 3)} / ${fmt(et, 3)} (${el !== null && et !== null ? fmt(100 * (el - et)) : '-'})`);
  const [ml, mt] = [linkedDir, truthDir].map((d) => find(cells(d, 'earnings_quarterly'), { credential, cohort: 'all', quarter_after: 4, measure: 'median' })?.value ?? null);
  row.push(`${fmt(ml, 0)} / ${fmt(mt, 0)} (${ml !== null && mt !== null ? fmt((100 * (ml - mt)) / mt) : '-'})`);
  const premium = (d) => {
    const pre = [-4, -3, -2, -1].map((k) => find(cells(d, 'trajectory'), { credential, cohort: 'all', event_quarter: k, measure: 'mean' })?.value ?? null);
    const p = find(cells(d, 'roi'), { credential, cohort: 'all', measure: 'premium_per_quarter' });
    const se = find(cells(d, 'roi'), { credential, cohort: 'all', measure: 'premium_se_max' })?.value ?? null;
    if (!p || p.value === null || pre.some((v) => v === null)) return { text: '(s)' };
    const mean = pre.reduce((a, b) => a + b, 0) / 4;
    return { text: `${fmt((100 * p.value) / mean)}`, note: `${p.note}${se === null ? '' : `, ${fmt((100 * se) / mean)}`}` };
  };
  const [pl, pt] = [premium(linkedDir), premium(truthDir)];
  row.push(`${pl.text} / ${pt.text} / ${effects[credential].earningsEffectPercent} (${pl.note ?? '-'})`);
  console.log(row.join(' | '));
}
