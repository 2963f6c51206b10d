/**
 * Measures the disclosure figures of docs/disclosure.md on a linkage (the demo's by default):
 *   npx tsx scripts/disclosure-measure.ts [LINKAGE_DIR CONFIG EXTRACT...]
 * - rounding: share of published rate cells whose exact numerator and denominator a search over
 *   integer pairs recovers (the attack of issue 16), under the old and the published rule;
 * - dp: median relative error of the DP tables against the exact ones at epsilon 1, 10 and 100
 *   (EPSILONS=10 for one).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/io/config-file.ts';
import { configDirOf, loadOutcomeInputs } from '../src/io/outcome-inputs.ts';
import { outcomesConfigSchema } from '../src/outcomes/outcomes-config.ts';
import { buildContext } from '../src/outcomes/outcome-context.ts';
import { computeOutcomeTables, disclosurePolicyOf, rawOutcomeTables } from '../src/outcomes/compute-outcome-tables.ts';
import { crossTableMargins } from '../src/outcomes/cross-table-margins.ts';
import { keepCataloguedCredentials } from '../src/outcomes/catalog-codes.ts';
import { publishTables } from '../src/disclosure/publish-tables.ts';
import { publishedRate, roundCount, roundTo } from '../src/disclosure/rounding.ts';
import { seededRandom } from '../src/disclosure/geometric-noise.ts';
import type { PublishedCell, PublishedTable } from '../src/disclosure/cells.ts';
import { loadLpSolver } from '../src/io/lp-solver.ts';

const args = process.argv.slice(2);
const linkageDir = args[0] ?? 'demo-out/run/linkage';
const configPath = args[1] ?? 'fixtures/outcomes.json';
const extracts = args.length > 2 ? args.slice(2) : readdirSync('demo-out/extracts').map((f) => join('demo-out/extracts', f));

const config = await loadConfig(configPath, outcomesConfigSchema);
const loaded = await loadOutcomeInputs({ linkageDir, config, configDir: configDirOf(configPath), extracts });
const inputs = { ...loaded.inputs, persons: keepCataloguedCredentials(loaded.inputs.persons, loaded.inputs.catalog).persons };
const policy = disclosurePolicyOf(config);

function pairs(count: number, value: number, rule: (n: number, d: number) => number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const half = Math.ceil(policy.roundingBase / 2);
  for (let d = Math.max(1, count - half); d <= count + half; d++) {
    if (roundCount(d, policy.roundingBase) !== count) continue;
    for (let n = 0; n <= d; n++) if (rule(n, d) === value) found.push([n, d]);
  }
  return found;
}

function roundingSearch(): Record<string, unknown> {
  const ctx = buildContext(inputs, config);
  const raw = rawOutcomeTables(ctx, true);
  const published = publishTables(raw, policy, undefined, crossTableMargins(ctx)).tables;
  const rules = { old: (n: number, d: number) => roundTo(n / d, policy.rateDecimals), published: (n: number, d: number) => publishedRate(n, d, policy) };
  const recovered = { old: 0, published: 0, oldSearchOnPublished: 0 };
  let rateCells = 0;
  raw.forEach((table, t) => table.cells.forEach((cell, i) => {
    const out = published[t].cells[i];
    if (cell.kind !== 'rate' || out.status !== 'ok') return;
    rateCells++;
    for (const [name, rule] of Object.entries(rules) as Array<[keyof typeof rules, (n: number, d: number) => number]>) {
      const found = pairs(out.count!, name === 'old' ? rule(cell.numerator, cell.denominator) : out.value!, rule);
      if (found.length === 1 && found[0][0] === cell.numerator && found[0][1] === cell.denominator) recovered[name]++;
    }
    const naive = pairs(out.count!, out.value!, rules.old);
    if (naive.length === 1 && naive[0][0] === cell.numerator && naive[0][1] === cell.denominator) recovered.oldSearchOnPublished++;
  }));
  return { rateCells, recoveredOldRule: recovered.old, recoveredPublishedRule: recovered.published, shareOld: roundTo(recovered.old / rateCells, 3), sharePublished: roundTo(recovered.published / rateCells, 3), shareOldSearchOnPublished: roundTo(recovered.oldSearchOnPublished / rateCells, 3) };
}

const keyOf = (t: PublishedTable, c: PublishedCell) => `${t.name}|${JSON.stringify(c.dims)}|${c.measure}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

type Kind = 'count' | 'rate' | 'mean' | 'percentile' | 'difference';

/** What each published value is, from the raw cells (derived tables such as ROI are left out). */
function kindsOfCells(): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const table of rawOutcomeTables(buildContext(inputs, config), true)) {
    for (const cell of table.cells) {
      // A difference (did, mean change) is near 0, where a relative error says little: kept apart.
      const difference = cell.kind === 'mean_difference' || (cell.kind === 'stat' && cell.bins.min < 0);
      const kind: Kind = cell.kind === 'count' || cell.kind === 'rate' ? cell.kind : difference ? 'difference' : cell.kind === 'stat' && cell.stat !== 'mean' ? 'percentile' : 'mean';
      kinds.set(`${table.name}|${JSON.stringify(cell.dims)}|${cell.measure}`, kind);
    }
  }
  return kinds;
}

/**
 * Median relative error of the DP tables against the exact ones, over the cells published in both
 * (with and without DP), by what the value is; `n` is the published number of people of every cell.
 */
function dpAccuracy(epsilon: number, kinds: Map<string, Kind>): Record<string, unknown> {
  const exact = computeOutcomeTables(inputs, config);
  const noisy = computeOutcomeTables(inputs, config, { dp: { epsilon, random: seededRandom(2026) } });
  const truth = new Map(exact.tables.flatMap((t) => t.cells.map((c) => [keyOf(t, c), c] as const)));
  const errors: Record<Kind | 'n', number[]> = { n: [], count: [], rate: [], mean: [], percentile: [], difference: [] };
  let published = 0;
  for (const t of noisy.tables) for (const c of t.cells) {
    if (c.status === 'suppressed') continue;
    published++;
    const e = truth.get(keyOf(t, c));
    const kind = kinds.get(keyOf(t, c));
    if (!e || e.status === 'suppressed' || !kind) continue;
    if (c.count !== null && e.count) errors.n.push(Math.abs(c.count - e.count) / e.count);
    if (c.value !== null && e.value) errors[kind].push(Math.abs(c.value - e.value) / Math.abs(e.value));
  }
  const medians = Object.fromEntries(Object.entries(errors).map(([k, xs]) => [k, { cells: xs.length, medianRelativeError: median(xs) === null ? null : roundTo(median(xs)!, 3) }]));
  return { epsilon, queries: noisy.budget?.queries, noiseStdDev: noisy.budget?.tables.map((b) => `${b.table} ${Math.round(b.noiseStdDev)}`).join(', '), publishedNoisyCells: published, ...medians };
}

/** Cells the dominance rule hides (beside the ones hidden anyway), per measure. */
function dominance(): Record<string, unknown> {
  const off = computeOutcomeTables(inputs, { ...config, disclosure: { ...config.disclosure, dominanceShare: 1 } });
  const on = computeOutcomeTables(inputs, config);
  const status = new Map(off.tables.flatMap((t) => t.cells.map((c) => [keyOf(t, c), c.status] as const)));
  const hidden: Record<string, number> = {};
  let means = 0;
  for (const t of on.tables) for (const c of t.cells) {
    if (/mean|did/.test(c.measure) && status.get(keyOf(t, c)) !== 'suppressed') means++;
    if (c.status === 'suppressed' && status.get(keyOf(t, c)) !== 'suppressed') hidden[`${t.name}.${c.measure}`] = (hidden[`${t.name}.${c.measure}`] ?? 0) + 1;
  }
  return { meanCellsPublishedWithoutRule: means, newlySuppressed: hidden };
}

/** The margin audit inside outcomes: what it found, and the CPU time of its solves alone (the machine is shared). */
async function audit(): Promise<Record<string, unknown>> {
  const solve = await loadLpSolver();
  let solves = 0;
  let solveMicros = 0;
  const timed = (lp: string) => {
    const before = process.cpuUsage();
    const result = solve(lp);
    const spent = process.cpuUsage(before);
    solves++;
    solveMicros += spent.user + spent.system;
    return result;
  };
  const started = process.cpuUsage();
  const result = computeOutcomeTables(inputs, config, { solve: timed });
  const total = process.cpuUsage(started);
  const cells = result.tables.flatMap((t) => t.cells);
  return {
    cells: cells.length,
    suppressed: cells.filter((c) => c.status === 'suppressed').length,
    margins: result.margins.length,
    ...result.audit,
    solves,
    solveCpuSeconds: roundTo(solveMicros / 1e6, 2),
    tablesAndAuditCpuSeconds: roundTo((total.user + total.system) / 1e6, 2),
  };
}

const which = process.env.MEASURE ?? 'rounding,dominance,audit,dp';
const report: Record<string, unknown> = {};
if (which.includes('rounding')) report.rounding = roundingSearch();
if (which.includes('audit')) report.audit = await audit();
if (which.includes('dominance')) report.dominance = dominance();
if (which.includes('dp')) {
  const kinds = kindsOfCells();
  report.dp = (process.env.EPSILONS ?? '1,10,100').split(',').map(Number).map((e) => dpAccuracy(e, kinds));
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
