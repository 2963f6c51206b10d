import type { PublishedCell, PublishedTable, RawCell, RawTable } from './cells.ts';
import type { DisclosurePolicy } from './disclosure-policy.ts';
import { complementarySuppression } from './complementary-suppression.ts';
import { primarySuppressionReason, type CellSizes } from './small-cell-suppression.ts';
import { STAT_PERCENTILE, mean, safePercentile } from './safe-percentile.ts';
import { roundCount, roundDollars, roundTo } from './rounding.ts';
import { planDpBudget, type DpBudget } from './dp-budget.ts';
import { histogramMean, histogramPercentile, noisyCount, noisyHistogram } from './geometric-noise.ts';

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
      return { sizes: { kind: 'stat', primary: n, employers: cell.employers }, value };
    }
    case 'mean_difference': {
      const value = cell.treated.length && cell.comparison.length ? mean(cell.treated) - mean(cell.comparison) : null;
      return { sizes: { kind: 'mean_difference', primary: cell.treated.length, secondary: cell.comparison.length, minArm: cell.minArm }, value };
    }
  }
}

/** Noisy measurement: counts get geometric noise, statistics come from a noisy histogram. */
function measureNoisy(cell: RawCell, alpha: number, random: () => number): Measured {
  switch (cell.kind) {
    case 'count': {
      const count = noisyCount(cell.count, alpha, random);
      return { sizes: { kind: 'count', primary: count, employers: cell.employers }, value: count };
    }
    case 'rate': {
      const numerator = noisyCount(cell.numerator, alpha, random);
      const denominator = noisyCount(cell.denominator, alpha, random);
      const value = denominator > 0 ? Math.min(1, numerator / denominator) : null;
      return { sizes: { kind: 'rate', primary: numerator, secondary: denominator, employers: cell.employers }, value };
    }
    case 'stat': {
      const hist = noisyHistogram(cell.values, cell.bins, alpha, random);
      const n = hist.reduce((a, b) => a + b, 0);
      const value = cell.stat === 'mean' ? histogramMean(hist, cell.bins) : histogramPercentile(hist, cell.bins, STAT_PERCENTILE[cell.stat]);
      return { sizes: { kind: 'stat', primary: n, employers: cell.employers }, value };
    }
    case 'mean_difference': {
      const treated = noisyHistogram(cell.treated, cell.bins, alpha, random);
      const comparison = noisyHistogram(cell.comparison, cell.bins, alpha, random);
      const t = histogramMean(treated, cell.bins);
      const c = histogramMean(comparison, cell.bins);
      const sum = (h: number[]) => h.reduce((a, b) => a + b, 0);
      return {
        sizes: { kind: 'mean_difference', primary: sum(treated), secondary: sum(comparison), minArm: cell.minArm },
        value: t !== null && c !== null ? t - c : null,
      };
    }
  }
}

function populationOf(m: Measured): number {
  if (m.sizes.kind === 'rate') return m.sizes.secondary ?? 0;
  if (m.sizes.kind === 'mean_difference') return m.sizes.primary + (m.sizes.secondary ?? 0);
  return m.sizes.primary;
}

function publishValue(cell: RawCell, value: number, policy: DisclosurePolicy): number {
  if (cell.kind === 'count') return roundCount(value, policy.roundingBase);
  if (cell.kind === 'rate') return roundTo(value, policy.rateDecimals);
  if (cell.kind === 'stat' && cell.unit === 'plain') return roundTo(value, 1);
  return roundDollars(value, policy.dollarRounding);
}

function publishTable(table: RawTable, policy: DisclosurePolicy, alpha: number | undefined, random?: () => number): PublishedTable {
  const measured = new Map<string, Measured>();
  for (const cell of table.cells) {
    measured.set(cell.id, alpha === undefined ? measureExact(cell) : measureNoisy(cell, alpha, random!));
  }
  const primary = new Set<string>();
  for (const cell of table.cells) {
    const m = measured.get(cell.id)!;
    if (m.value === null || primarySuppressionReason(m.sizes, policy)) primary.add(cell.id);
  }
  const hidden = complementarySuppression(
    table.margins.filter((mg) => measured.has(mg.total) && mg.parts.every((p) => measured.has(p))),
    primary,
    (id) => populationOf(measured.get(id)!),
  );
  const cells: PublishedCell[] = table.cells.map((cell) => {
    const m = measured.get(cell.id)!;
    if (hidden.has(cell.id)) return { dims: cell.dims, measure: cell.measure, value: null, count: null, status: 'suppressed' };
    return {
      dims: cell.dims,
      measure: cell.measure,
      value: publishValue(cell, m.value!, policy),
      count: roundCount(populationOf(m), policy.roundingBase),
      status: alpha === undefined ? 'ok' : 'noisy',
    };
  });
  return { name: table.name, title: table.title, dims: table.dims, definition: table.definition, cells };
}

/**
 * Disclosure control by construction: the only way from raw cells to published ones. Applies
 * (optional) noise, primary suppression, complementary suppression on every margin, then rounding.
 */
export function publishTables(
  tables: readonly RawTable[],
  policy: DisclosurePolicy,
  dp?: DpSettings,
): { tables: PublishedTable[]; budget?: DpBudget } {
  if (!dp) return { tables: tables.map((t) => publishTable(t, policy, undefined)) };
  const budget = planDpBudget(tables, dp.epsilon, (t) => t.dpSensitivity ?? 1);
  const alphaOf = new Map(budget.tables.map((b) => [b.table, b.alpha]));
  return { tables: tables.map((t) => publishTable(t, policy, alphaOf.get(t.name)!, dp.random)), budget };
}

