import type { Margin, PublishedCell, PublishedTable, RawCell, RawTable } from './cells.ts';
import { auditedSuppression, type AuditReport } from './audited-suppression.ts';
import type { LpSolver, PeopleInterval } from './margin-audit.ts';
import { countInterval, numeratorInterval } from './published-intervals.ts';
import type { DisclosurePolicy } from './disclosure-policy.ts';
import { complementarySuppression } from './complementary-suppression.ts';
import { primarySuppressionReason, type CellSizes } from './small-cell-suppression.ts';
import { STAT_PERCENTILE, mean, safePercentile, variance } from './safe-percentile.ts';
import { publishedRate, roundCount, roundDollars, roundTo } from './rounding.ts';
import { planDpBudget, type DpBudget } from './dp-budget.ts';
import { measureNoisyTable } from './noisy-release.ts';

export interface DpSettings {
  epsilon: number;
  /** U[0,1); cryptographic in production, seeded only in tests. */
  random: () => number;
}

interface Measured {
  sizes: CellSizes;
  value: number | null;
}

/** Exact measurement: the statistic the cell describes, before suppression and rounding. */
function measureExact(cell: RawCell): Measured {
  switch (cell.kind) {
    case 'count':
      return { sizes: { kind: 'count', primary: cell.count, employers: cell.employers }, value: cell.count };
    case 'rate':
      return {
        sizes: { kind: 'rate', primary: cell.numerator, secondary: cell.denominator, employers: cell.employers },
        value: cell.denominator > 0 ? cell.numerator / cell.denominator : null,
      };
    case 'stat': {
      const n = cell.values.length;
      const value = n === 0 ? null : cell.stat === 'mean' ? mean(cell.values) : safePercentile(cell.values, STAT_PERCENTILE[cell.stat]);
      const contributions = cell.stat === 'mean' ? [cell.values] : undefined;
      return { sizes: { kind: 'stat', primary: n, employers: cell.employers, contributions }, value };
    }
    case 'mean_difference': {
      const bothArms = cell.treated.length > 1 && cell.comparison.length > 1;
      const value = cell.statistic === 'standard_error'
        ? (bothArms ? Math.sqrt(variance(cell.treated) / cell.treated.length + variance(cell.comparison) / cell.comparison.length) : null)
        : cell.treated.length && cell.comparison.length ? mean(cell.treated) - mean(cell.comparison) : null;
      const sizes = { kind: 'mean_difference', primary: cell.treated.length, secondary: cell.comparisonPeople ?? cell.comparison.length, minArm: cell.minArm, // A paired design's comparison arm is a counterfactual, not people's values (comparisonPeople counts them): only the holders' values can dominate.
        contributions: cell.comparisonPeople === undefined ? [cell.treated, cell.comparison] : [cell.treated] } as const;
      return { sizes, value };
    }
  }
}

function populationOf(m: Measured): number {
  if (m.sizes.kind === 'rate') return m.sizes.secondary ?? 0;
  if (m.sizes.kind === 'mean_difference') return m.sizes.primary + (m.sizes.secondary ?? 0);
  return m.sizes.primary;
}

function publishValue(cell: RawCell, m: Measured, policy: DisclosurePolicy): number {
  const value = m.value!;
  if (cell.kind === 'count') return roundCount(value, policy.roundingBase);
  if (cell.kind === 'rate') return publishedRate(m.sizes.primary, m.sizes.secondary ?? 0, policy);
  if (cell.kind === 'stat' && cell.unit === 'plain') return roundTo(value, 1);
  return roundDollars(value, policy.dollarRounding);
}

/** A cell of one table, for margins that span tables (the same people counted in two tables). */
export interface CellRef {
  table: string;
  id: string;
}

/** total = sum of parts across tables (a part may be a rate: its numerator counts). */
export interface CrossMargin {
  total: CellRef;
  parts: CellRef[];
}

const keyOf = (table: string, id: string) => `${table}\u0000${id}`;

function measureAll(tables: readonly RawTable[], alphaOf: (table: string) => number | undefined, random?: () => number): Map<string, Measured> {
  const measured = new Map<string, Measured>();
  for (const table of tables) {
    const alpha = alphaOf(table.name);
    if (alpha === undefined) for (const cell of table.cells) measured.set(keyOf(table.name, cell.id), measureExact(cell));
    else for (const [id, m] of measureNoisyTable(table, alpha, random!)) measured.set(keyOf(table.name, id), m);
  }
  return measured;
}

function marginsOf(tables: readonly RawTable[], cross: readonly CrossMargin[], measured: Map<string, Measured>): Margin[] {
  return [
    ...tables.flatMap((t) => t.margins.map((mg) => ({ total: keyOf(t.name, mg.total), parts: mg.parts.map((p) => keyOf(t.name, p)) }))),
    ...cross.map((mg) => ({ total: keyOf(mg.total.table, mg.total.id), parts: mg.parts.map((p) => keyOf(p.table, p.id)) })),
  ].filter((mg) => measured.has(mg.total) && mg.parts.every((p) => measured.has(p)));
}

/**
 * Primary suppression in every table, then complementary suppression over every margin of every
 * table and the cross-table margins at once: a cell hidden in one table is never the difference of
 * published cells of another (e.g. a stacking_next count and stacking_pairs).
 */
function hiddenCells(margins: readonly Margin[], measured: Map<string, Measured>, policy: DisclosurePolicy): Set<string> {
  const primary = new Set<string>();
  for (const [key, m] of measured) if (m.value === null || primarySuppressionReason(m.sizes, policy)) primary.add(key);
  return complementarySuppression(margins, primary, (key) => populationOf(measured.get(key)!));
}

/** The people a count or rate cell would be published as (what the audit's attacker sees). */
function publishedPeople(m: Measured | undefined, policy: DisclosurePolicy): PeopleInterval | null {
  if (!m || m.value === null) return null;
  if (m.sizes.kind === 'count') return countInterval(roundCount(m.sizes.primary, policy.roundingBase), policy);
  if (m.sizes.kind !== 'rate') return null;
  const count = roundCount(m.sizes.secondary ?? 0, policy.roundingBase);
  return numeratorInterval(publishedRate(m.sizes.primary, m.sizes.secondary ?? 0, policy), count, policy);
}

function publishTable(table: RawTable, policy: DisclosurePolicy, measured: Map<string, Measured>, hidden: Set<string>, noisy: boolean): PublishedTable {
  const cells: PublishedCell[] = table.cells.map((cell) => {
    const key = keyOf(table.name, cell.id);
    const m = measured.get(key)!;
    if (hidden.has(key)) return { dims: cell.dims, measure: cell.measure, value: null, count: null, status: 'suppressed' };
    return {
      dims: cell.dims,
      measure: cell.measure,
      value: publishValue(cell, m, policy),
      count: roundCount(populationOf(m), policy.roundingBase),
      status: noisy ? 'noisy' : 'ok',
    };
  });
  return { name: table.name, title: table.title, dims: table.dims, definition: table.definition, cells };
}

/** A margin between published cells, by table name and position in its cells (for `credlink audit`). */
export type PublishedCellRef = [table: string, index: number, kind: 'count' | 'rate'];
export interface PublishedMargin {
  total: PublishedCellRef;
  parts: PublishedCellRef[];
}

export interface PublishResult {
  tables: PublishedTable[];
  budget?: DpBudget;
  /** Margins whose cells are all counts or rates (numbers of people), as the audit reads them. */
  margins: PublishedMargin[];
  audit?: AuditReport;
}

/**
 * Disclosure control by construction: the only way from raw cells to published ones. Applies
 * (optional) noise, primary suppression, complementary suppression on every margin (within and
 * across tables), the integer-programming audit of those margins when a solver is given (not
 * under DP, whose noisy cells the audit's exact intervals do not describe), then rounding.
 */
export function publishTables(
  tables: readonly RawTable[],
  policy: DisclosurePolicy,
  dp?: DpSettings,
  cross: readonly CrossMargin[] = [],
  solve?: LpSolver,
): PublishResult {
  const budget = dp ? planDpBudget(tables, dp.epsilon, (t) => t.dpSensitivity ?? 1) : undefined;
  const alphaOf = new Map(budget?.tables.map((b) => [b.table, b.alpha]) ?? []);
  const measured = measureAll(tables, (name) => alphaOf.get(name), dp?.random);
  const margins = marginsOf(tables, cross, measured);
  let hidden = hiddenCells(margins, measured, policy);
  let audit: AuditReport | undefined;
  if (solve && !dp) {
    const population = (key: string) => populationOf(measured.get(key)!);
    ({ hidden, report: audit } = auditedSuppression(margins, hidden, population, (key) => publishedPeople(measured.get(key), policy), policy.minCell, solve));
  }
  return {
    tables: tables.map((t) => publishTable(t, policy, measured, hidden, dp !== undefined)),
    ...(budget ? { budget } : {}),
    margins: publishedMargins(tables, margins, measured),
    ...(audit ? { audit } : {}),
  };
}

function publishedMargins(tables: readonly RawTable[], margins: readonly Margin[], measured: Map<string, Measured>): PublishedMargin[] {
  const position = new Map<string, PublishedCellRef>();
  for (const t of tables) t.cells.forEach((c, i) => position.set(keyOf(t.name, c.id), [t.name, i, c.kind === 'rate' ? 'rate' : 'count']));
  const people = (key: string) => ['count', 'rate'].includes(measured.get(key)!.sizes.kind);
  return margins
    .filter((m) => m.parts.length > 0 && [m.total, ...m.parts].every(people))
    .map((m) => ({ total: position.get(m.total)!, parts: m.parts.map((p) => position.get(p)!) }));
}
