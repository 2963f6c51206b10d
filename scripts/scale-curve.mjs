#!/usr/bin/env node
// Linkage at growing population sizes: synth -> hash -> link -> evaluate per size, with a fixed
// (public, test-only) key. Records wall time and peak RSS of every step (/usr/bin/time -v) and
// precision, recall and F1 per pair of sources, and writes a markdown table.
//
//   node scripts/scale-curve.mjs --sizes 20000,200000 [--seed 1] [--out bench-results/scale]
//        [--max-old-space 16384] [--keep]
//
// Run it niced and one size at a time on a shared machine: 200,000 persons take several minutes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'credlink.js');
// Not a secret: a fixed key so that every run of the curve encodes the same bytes.
const TEST_KEY = '5c'.repeat(32);

function options(argv) {
  const o = { sizes: [20_000], seed: '1', out: join(root, 'bench-results', 'scale'), maxOldSpace: '16384', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => argv[++i];
    if (flag === '--sizes') o.sizes = next().split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (flag === '--seed') o.seed = next();
    else if (flag === '--out') o.out = next();
    else if (flag === '--max-old-space') o.maxOldSpace = next();
    else if (flag === '--keep') o.keep = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (o.sizes.some((n) => !(n >= 100))) throw new Error('--sizes takes a comma-separated list of person counts >= 100');
  return o;
}

/** Runs one credlink command under /usr/bin/time -v; returns stdout, wall seconds and peak RSS in MB. */
function timed(args, { cwd, maxOldSpace }) {
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, `--max-old-space-size=${maxOldSpace}`, cli, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', CREDLINK_LOG_LEVEL: 'warn' },
  });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const cpu = ['User', 'System'].reduce((n, kind) => n + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? Number.NaN), 0);
  if (run.status !== 0) {
    process.stderr.write(run.stderr.split('\n').filter((l) => !/^\t/.test(l)).join('\n'));
    throw new Error(`credlink ${args[0]} failed (exit ${run.status})`);
  }
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  return { stdout: run.stdout, seconds, cpuSeconds: cpu, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

function curvePoint(persons, o) {
  const dir = join(o.out, `n${persons}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'extracts'), { recursive: true });
  writeFileSync(join(dir, 'test.key'), `${TEST_KEY}\n`, { mode: 0o600 });
  const ctx = { cwd: dir, maxOldSpace: o.maxOldSpace };
  const steps = [];
  const step = (name, args) => {
    process.stderr.write(`scale-curve ${persons}: ${name}\n`);
    const r = timed(args, ctx);
    steps.push({ step: name, seconds: r.seconds, cpuSeconds: r.cpuSeconds, rssMb: r.rssMb });
    return r.stdout;
  };
  step('synth', ['synth', '--persons', String(persons), '--seed', o.seed, '-o', 'world']);
  const sources = readdirSync(join(dir, 'world', 'mappings')).map((f) => f.replace(/\.json$/, '')).sort();
  const hashed = {};
  for (const s of sources) {
    const out = JSON.parse(step(`hash ${s}`, ['hash', '--schema', 'world/schema.json', '--mapping', `world/mappings/${s}.json`, '--secret-file', 'test.key', '--rejects', `extracts/${s}.rejects.csv`, '--json', `world/${s}.csv`, '-o', `extracts/${s}.extract`]));
    const unverified = Object.entries(out.valuesSetToMissing).filter(([k]) => k.endsWith(':PERSON_ID_UNVERIFIED')).reduce((n, [, v]) => n + v, 0);
    hashed[s] = { rowsIn: out.manifest.rowsIn, rowsRejected: out.manifest.rowsRejected, persons: out.manifest.persons, rejectedBy: out.rejectedBy, personIdUnverified: unverified };
  }
  const extracts = sources.filter((s) => s !== 'spine').map((s) => `extracts/${s}.extract`);
  const summary = JSON.parse(step('link', ['link', ...extracts, '--spine', 'extracts/spine.extract', '--schema', 'world/schema.json', '-o', 'linkage', '--json']));
  // The curve reads only the links as chosen (asLinked); a one-point sweep spares evaluate re-choosing
  // links at 19 thresholds, which made it the slowest step at 200k.
  const evaluation = JSON.parse(step('evaluate', ['evaluate', 'linkage', '--truth', 'world/truth/persons.csv', '--secret-file', 'test.key', '--schema', 'world/schema.json', '--thresholds', '0.5', '--dice-thresholds', '0.5', '--json']));
  const candidatePairs = summary.sourcePairs.reduce((n, p) => n + p.candidatePairs, 0);
  const point = {
    persons,
    seed: o.seed,
    steps,
    hashed,
    candidatePairs,
    links: summary.sourcePairs.reduce((n, p) => n + p.links, 0),
    quality: evaluation.asLinked.map(({ sourceA, sourceB, truePairs, precision, recall, f1 }) => ({ sourceA, sourceB, truePairs, precision, recall, f1 })),
    throughSpineByRole: evaluation.throughSpineByRole,
  };
  writeFileSync(join(o.out, `scale-${persons}.json`), `${JSON.stringify(point, null, 2)}\n`);
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
  return point;
}

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '');

function markdown(points) {
  const lines = ['| persons | step | wall s | CPU s (user + sys) | peak RSS MB |', '|---|---|---|---|---|'];
  for (const p of points) {
    const hash = p.steps.filter((s) => s.step.startsWith('hash '));
    const rows = [
      ...p.steps.filter((s) => !s.step.startsWith('hash ')),
      { step: `hash (${hash.length} sources: sum, sum, max)`, seconds: hash.reduce((n, s) => n + s.seconds, 0), cpuSeconds: hash.reduce((n, s) => n + s.cpuSeconds, 0), rssMb: Math.max(...hash.map((s) => s.rssMb)) },
    ];
    for (const s of rows) lines.push(`| ${p.persons.toLocaleString('en-US')} | ${s.step} | ${f1(s.seconds)} | ${f1(s.cpuSeconds)} | ${Math.round(s.rssMb)} |`);
  }
  lines.push('', '| persons | pair | true pairs | precision | recall | F1 |', '|---|---|---|---|---|---|');
  for (const p of points) for (const q of p.quality) lines.push(`| ${p.persons.toLocaleString('en-US')} | ${q.sourceA} ~ ${q.sourceB} | ${q.truePairs} | ${f3(q.precision)} | ${f3(q.recall)} | ${f3(q.f1)} |`);
  lines.push('', `rows kept under an unverified SSN id (PERSON_ID_UNVERIFIED) / rejected, wages: ${points.map((p) => `${p.persons.toLocaleString('en-US')}: ${p.hashed.wages?.personIdUnverified} / ${p.hashed.wages?.rowsRejected}`).join('; ')}`);
  lines.push('', `candidate pairs / links: ${points.map((p) => `${p.persons.toLocaleString('en-US')}: ${p.candidatePairs} / ${p.links}`).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

const o = options(process.argv.slice(2));
mkdirSync(o.out, { recursive: true });
const points = [];
for (const persons of o.sizes) points.push(curvePoint(persons, o));
const md = markdown(points);
const file = join(o.out, `scale-curve-${o.sizes.join('-')}.md`);
writeFileSync(file, md);
process.stdout.write(md);
process.stderr.write(`written: ${file}\n`);
