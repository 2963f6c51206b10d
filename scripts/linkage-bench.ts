// The harder linkage bench (issue #13): voter-like pairs of files (src/synth/voter-files.ts) and the
// FEBRL 1-3 dedupe sets, each hashed with K fresh keys and linked at default settings through the
// real CLI, as a user would. Reports per case: default P/R/F1, the label-chosen best threshold F1,
// the best F1 of --method threshold (CLK Dice) on the same candidates, pairs completeness, and the
// spread of default F1 over keys, and on the two-file cases the plain-CLK peer of issue #13
// (scripts/plain-clk-peer.ts). docs/linkage-quality.md holds the baseline table.
//   npx tsx scripts/linkage-bench.ts [--keys 5] [--only voter-20,febrl-1] [--json] [--keep DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SCHEMA_INPUT } from '../src/schema/default-schema.ts';
import { FIELD_NAMES } from '../src/schema/field-names.ts';
import { voterCsv, voterTruthCsv } from '../src/synth/voter-csv.ts';
import { voterFiles } from '../src/synth/voter-files.ts';
import { plainClkPeer, type PeerRecord } from './plain-clk-peer.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FEBRL_DIR = '/work/shared/data/febrl';
const VOTER_RECORDS = 5000;
const VOTER_SEED = 2026;

// Finer than evaluate's default grid: on hard data the best thresholds sit far below 0.01.
const FS_GRID = [1e-6, 1e-5, 1e-4, 1e-3, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99, 0.999];
const DICE_GRID = Array.from({ length: 30 }, (_, i) => Number((0.4 + i * 0.02).toFixed(2)));

interface Source { name: string; csv: string; mapping: Record<string, unknown> }
/** `peer`: the two files as the plain-CLK peer sees them (two-file cases only). */
interface BenchCase { name: string; dedupe: boolean; sources: Source[]; truthCsv: string; peer?: [PeerRecord[], PeerRecord[]] }

/** Fields the current schema knows; the bench maps a column only to a field that exists. */
function fieldsOf(wanted: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const known = new Set<string>(FIELD_NAMES);
  return Object.fromEntries(Object.entries(wanted).filter(([field]) => known.has(field)));
}

function voterCase(overlap: number): BenchCase {
  const { files } = voterFiles({ records: VOTER_RECORDS, overlap: overlap / 100, seed: VOTER_SEED + overlap });
  const sources = files.map((records, i) => ({
    name: `voter${i}`,
    csv: voterCsv(records),
    mapping: {
      credlinkMapping: 1, source: `voter${i}`, role: 'roster', personId: { column: 'voter_id' },
      fields: fieldsOf({ first_name: { column: 'first_name' }, last_name: { column: 'last_name' }, city: { column: 'city' }, postcode: { column: 'zip' } }),
    },
  }));
  const peer = files.map((records) => records.map((r) => ({ person: String(r.person), values: [r.firstName, r.lastName, r.city, r.zip] }))) as [PeerRecord[], PeerRecord[]];
  return { name: `voter-${overlap}`, dedupe: false, sources, truthCsv: voterTruthCsv(files.map((records, i) => ({ source: `voter${i}`, records }))), peer };
}

/** FEBRL rec_ids are rec-N-org and rec-N-dup-k: records sharing N are one person. */
function febrlCase(n: number): BenchCase {
  const csv = readFileSync(join(FEBRL_DIR, `dataset${n}.csv`), 'utf8');
  const ids = csv.trim().split('\n').slice(1).map((line) => line.split(',')[0].trim());
  const truthCsv = `source,local_id,person_id\n${ids.map((id) => `febrl${n},${id},${/^rec-(\d+)-/.exec(id)![1]}\n`).join('')}`;
  const mapping = {
    credlinkMapping: 1, source: `febrl${n}`, role: 'roster', personId: { column: 'rec_id' }, duplicateFree: false,
    fields: fieldsOf({
      first_name: { column: 'given_name' }, last_name: { column: 'surname' }, dob: { column: 'date_of_birth', formats: ['YYYYMMDD'] },
      postcode: { column: 'postcode' }, city: { column: 'suburb' }, state: { column: 'state' }, street_address: { column: 'address_1' },
      identifier: { column: 'soc_sec_id' },
    }),
  };
  return { name: `febrl-${n}`, dedupe: true, sources: [{ name: `febrl${n}`, csv, mapping }], truthCsv };
}

const CASES: Record<string, () => BenchCase> = {
  'voter-20': () => voterCase(20), 'voter-35': () => voterCase(35), 'voter-50': () => voterCase(50),
  'febrl-1': () => febrlCase(1), 'febrl-2': () => febrlCase(2), 'febrl-3': () => febrlCase(3),
};

function credlink(cwd: string, ...argv: string[]): string {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'credlink.js'), ...argv], {
    cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', CREDLINK_LOG_LEVEL: 'error' },
  });
  if (run.status !== 0) throw new Error(`credlink ${argv.join(' ')} failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  return run.stdout;
}

interface KeyResult {
  precision: number; recall: number; f1: number;
  bestFs: { f1: number; threshold: number }; bestDice: { f1: number; threshold: number };
  pairsCompleteness: number; reductionRatio: number; calibrated: boolean; fields: string[]; seconds: number;
  /** The plain-CLK peer with its own key: F1 at Dice 0.85 and at its label-best threshold. */
  peer?: { at085: number; best: number };
}

interface Evaluation {
  asLinked: Array<{ precision: number; recall: number; f1: number }>;
  best: Array<{ method: 'fs' | 'threshold'; f1: number; threshold: number }>;
  recallCeiling: Array<{ ceiling: number }>;
}

interface LinkSummary {
  sourcePairs: Array<{ reductionRatio: number; fields: string[]; calibration: { ok: boolean } }>;
}

/** Writes the case's files, mappings and schema into `dir` (the folder a user would work in). */
function writeCase(dir: string, bench: BenchCase): void {
  writeFileSync(join(dir, 'schema.json'), `${JSON.stringify(DEFAULT_SCHEMA_INPUT, null, 2)}\n`);
  writeFileSync(join(dir, 'truth.csv'), bench.truthCsv);
  for (const s of bench.sources) {
    writeFileSync(join(dir, `${s.name}.csv`), s.csv);
    writeFileSync(join(dir, `${s.name}.mapping.json`), `${JSON.stringify(s.mapping, null, 2)}\n`);
  }
}

function runKey(dir: string, bench: BenchCase, k: number): KeyResult {
  const started = process.hrtime.bigint();
  const keyDir = join(dir, `key${k}`);
  mkdirSync(keyDir, { recursive: true });
  credlink(keyDir, 'keygen', '-o', 'project.key');
  const extracts = bench.sources.map((s) => {
    credlink(keyDir, 'hash', '--schema', '../schema.json', '--mapping', `../${s.name}.mapping.json`, '--secret-file', 'project.key',
      '--on-invalid', 'reject', `../${s.name}.csv`, '-o', `${s.name}.extract`);
    return `${s.name}.extract`;
  });
  credlink(keyDir, 'link', ...(bench.dedupe ? ['--dedupe'] : []), ...extracts, '--schema', '../schema.json', '-o', 'linkage');
  const evaluation = JSON.parse(credlink(keyDir, 'evaluate', 'linkage', '--truth', '../truth.csv', '--secret-file', 'project.key',
    '--schema', '../schema.json', '--thresholds', FS_GRID.join(','), '--dice-thresholds', DICE_GRID.join(','), '--json')) as Evaluation;
  const best = (method: 'fs' | 'threshold') => {
    const b = evaluation.best.find((row) => row.method === method)!;
    return { f1: b.f1, threshold: b.threshold };
  };
  const { precision, recall, f1 } = evaluation.asLinked[0];
  const pair = (JSON.parse(readFileSync(join(keyDir, 'linkage', 'summary.json'), 'utf8')) as LinkSummary).sourcePairs[0];
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peerCurve = bench.peer ? plainClkPeer(bench.peer[0], bench.peer[1], k) : undefined;
  const peer = peerCurve && { at085: peerCurve.find((p) => p.threshold === 0.85)!.f1, best: Math.max(...peerCurve.map((p) => p.f1)) };
  return {
    precision, recall, f1, bestFs: best('fs'), bestDice: best('threshold'), pairsCompleteness: evaluation.recallCeiling[0]?.ceiling ?? 1,
    reductionRatio: pair.reductionRatio, calibrated: pair.calibration.ok, fields: pair.fields, seconds, peer,
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function summarize(name: string, keys: KeyResult[]) {
  const f1s = keys.map((k) => k.f1);
  return {
    case: name,
    keys: keys.length,
    precision: mean(keys.map((k) => k.precision)),
    recall: mean(keys.map((k) => k.recall)),
    f1: mean(f1s),
    f1Min: Math.min(...f1s),
    f1Max: Math.max(...f1s),
    /** Points of F1 (x100) between the best and the worst key. */
    f1SpreadPoints: (Math.max(...f1s) - Math.min(...f1s)) * 100,
    bestFsF1: mean(keys.map((k) => k.bestFs.f1)),
    bestFsThresholds: keys.map((k) => k.bestFs.threshold),
    bestDiceF1: mean(keys.map((k) => k.bestDice.f1)),
    bestDiceThresholds: keys.map((k) => k.bestDice.threshold),
    peerF1At085: keys[0].peer ? mean(keys.map((k) => k.peer!.at085)) : undefined,
    peerBestF1: keys[0].peer ? mean(keys.map((k) => k.peer!.best)) : undefined,
    pairsCompleteness: mean(keys.map((k) => k.pairsCompleteness)),
    pairsCompletenessMin: Math.min(...keys.map((k) => k.pairsCompleteness)),
    reductionRatio: mean(keys.map((k) => k.reductionRatio)),
    /** Keys whose link summary flagged calibration as off. */
    uncalibratedKeys: keys.filter((k) => !k.calibrated).length,
    fields: keys[0].fields,
    secondsPerKey: mean(keys.map((k) => k.seconds)),
    perKey: keys,
  };
}

type Summary = ReturnType<typeof summarize>;

function table(rows: Summary[]): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    '| case | default P / R / F1 (mean of keys) | F1 min-max over keys (spread, points) | label-best fs F1 | --method threshold best F1 | plain-CLK peer F1 at 0.85 / label-best | pairs completeness (min) | reduction ratio | calibration off | s per key |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.case} | ${f(r.precision)} / ${f(r.recall)} / **${f(r.f1)}** | ${f(r.f1Min)}-${f(r.f1Max)} (${r.f1SpreadPoints.toFixed(1)}) | ${f(r.bestFsF1)} | ${f(r.bestDiceF1)} | ${r.peerBestF1 === undefined ? '-' : `${f(r.peerF1At085!)} / ${f(r.peerBestF1)}`} | ${f(r.pairsCompleteness)} (${f(r.pairsCompletenessMin)}) | ${r.reductionRatio.toFixed(5)} | ${r.uncalibratedKeys}/${r.keys} | ${r.secondsPerKey.toFixed(0)} |`);
  }
  const fields = rows.map((r) => `${r.case}: ${r.fields.join(', ')}`).join('; ');
  return `${lines.join('\n')}\n\nfields compared: ${fields}\n`;
}

function main(): void {
  const { values } = parseArgs({ options: { keys: { type: 'string', default: '5' }, only: { type: 'string' }, json: { type: 'boolean', default: false }, keep: { type: 'string' } } });
  const keys = Number(values.keys);
  if (!Number.isInteger(keys) || keys < 1) throw new Error('--keys must be a whole number >= 1');
  const names = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(CASES);
  const unknown = names.filter((n) => !CASES[n]);
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; cases: ${Object.keys(CASES).join(', ')}`);
  const work = values.keep ?? mkdtempSync(join(tmpdir(), 'credlink-linkage-bench-'));
  const rows: Summary[] = [];
  try {
    for (const name of names) {
      const bench = CASES[name]();
      const dir = join(work, name);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeCase(dir, bench);
      const results = Array.from({ length: keys }, (_, k) => {
        const result = runKey(dir, bench, k);
        process.stderr.write(`${name} key ${k + 1}/${keys}: F1 ${result.f1.toFixed(4)} (best fs ${result.bestFs.f1.toFixed(4)}, dice ${result.bestDice.f1.toFixed(4)}, pc ${result.pairsCompleteness.toFixed(4)}) ${result.seconds.toFixed(0)} s\n`);
        return result;
      });
      rows.push(summarize(name, results));
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows));
}

main();
