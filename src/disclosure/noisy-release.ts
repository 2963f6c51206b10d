import type { HistogramBins, RawCell, RawTable, StatCell } from './cells.ts';
import { dpBins, histogramMean, sameBins, histogramPercentile, noisyCount, noisyDistribution, noisyHistogram, type NoisyDistribution } from './geometric-noise.ts';
import { STAT_PERCENTILE } from './safe-percentile.ts';
import type { CellSizes } from './small-cell-suppression.ts';

/** What differential privacy releases for one cell: noisy counts and histograms, nothing exact. */
export type NoisyRelease =
  | { kind: 'count'; count: number }
  | { kind: 'rate'; numerator: number; denominator: number }
  | { kind: 'stat'; distribution: NoisyDistribution }
  | { kind: 'mean_difference'; treated: number[]; comparison: number[]; bins: HistogramBins }
  /** A standard error: not released under DP (it would need its own budget), so it looks at no data. */
  | { kind: 'withheld' };

export interface NoisyMeasure {
  sizes: CellSizes;
  value: number | null;
}

/** Distributions already released in a table, by the list of values (see planDpBudget). */
type Distributions = Map<readonly number[], { bins: HistogramBins; release: NoisyDistribution }>;

function distributionOf(cell: StatCell, alpha: number, random: () => number, released: Distributions): NoisyDistribution {
  const earlier = released.get(cell.values);
  if (earlier && sameBins(earlier.bins, cell.bins)) return earlier.release;
  const release = noisyDistribution(cell.values, cell.bins, alpha, random);
  if (!earlier) released.set(cell.values, { bins: cell.bins, release });
  return release;
}

function releaseOf(cell: RawCell, alpha: number, random: () => number, released: Distributions): NoisyRelease {
  switch (cell.kind) {
    case 'count':
      return { kind: 'count', count: noisyCount(cell.count, alpha, random) };
    case 'rate':
      return { kind: 'rate', numerator: noisyCount(cell.numerator, alpha, random), denominator: noisyCount(cell.denominator, alpha, random) };
    case 'stat':
      return { kind: 'stat', distribution: distributionOf(cell, alpha, random, released) };
    case 'mean_difference': {
      if (cell.statistic === 'standard_error') return { kind: 'withheld' };
      const bins = dpBins(cell.bins);
      return { kind: 'mean_difference', treated: noisyHistogram(cell.treated, bins, alpha, random), comparison: noisyHistogram(cell.comparison, bins, alpha, random), bins };
    }
  }
}

const addBins = (hs: number[][]) => hs[0].map((_, i) => hs.reduce((a, h) => a + h[i], 0));

/** The release of a total of disjoint parts, from the parts' releases: post-processing, no budget. */
function sumOfReleases(parts: NoisyRelease[]): NoisyRelease {
  const first = parts[0];
  if (!parts.every((p) => p.kind === first.kind)) throw new Error('a DP total sums parts of another kind');
  switch (first.kind) {
    case 'count':
      return { kind: 'count', count: parts.reduce((a, p) => a + (p as typeof first).count, 0) };
    case 'rate': {
      const rates = parts as Array<typeof first>;
      return { kind: 'rate', numerator: rates.reduce((a, p) => a + p.numerator, 0), denominator: rates.reduce((a, p) => a + p.denominator, 0) };
    }
    case 'stat': {
      const ds = (parts as Array<typeof first>).map((p) => p.distribution);
      return { kind: 'stat', distribution: { n: ds.reduce((a, d) => a + d.n, 0), histogram: addBins(ds.map((d) => d.histogram)), bins: ds[0].bins } };
    }
    case 'mean_difference': {
      const arms = parts as Array<typeof first>;
      return { kind: 'mean_difference', treated: addBins(arms.map((a) => a.treated)), comparison: addBins(arms.map((a) => a.comparison)), bins: first.bins };
    }
    case 'withheld':
      return first;
  }
}

function measureOf(cell: RawCell, release: NoisyRelease): NoisyMeasure {
  const employers = 'employers' in cell ? cell.employers : undefined;
  switch (release.kind) {
    case 'count':
      return { sizes: { kind: 'count', primary: release.count, employers }, value: release.count };
    case 'rate':
      return { sizes: { kind: 'rate', primary: release.numerator, secondary: release.denominator, employers }, value: release.denominator > 0 ? Math.min(1, release.numerator / release.denominator) : null };
    case 'stat': {
      const { n, histogram, bins } = release.distribution;
      const stat = (cell as StatCell).stat;
      const value = n <= 0 ? null : stat === 'mean' ? histogramMean(histogram, bins) : histogramPercentile(histogram, bins, STAT_PERCENTILE[stat]);
      return { sizes: { kind: 'stat', primary: n, employers }, value };
    }
    case 'mean_difference': {
      const minArm = (cell as Extract<RawCell, { kind: 'mean_difference' }>).minArm;
      const t = histogramMean(release.treated, release.bins);
      const c = histogramMean(release.comparison, release.bins);
      const sum = (h: number[]) => h.reduce((a, b) => a + b, 0);
      return { sizes: { kind: 'mean_difference', primary: sum(release.treated), secondary: sum(release.comparison), minArm }, value: t !== null && c !== null ? t - c : null };
    }
    case 'withheld':
      return { sizes: { kind: 'mean_difference', primary: 0, secondary: 0, minArm: (cell as Extract<RawCell, { kind: 'mean_difference' }>).minArm }, value: null };
  }
}

/**
 * Noisy measurements of every cell of a table: counts get two-sided geometric noise, statistics
 * come from one noisy distribution per list of values, and a total of disjoint parts
 * (`dpSumOf`, a cohort 'all' row) is the sum of its parts' releases, so it spends no budget and
 * adds up with them exactly.
 */
export function measureNoisyTable(table: RawTable, alpha: number, random: () => number): Map<string, NoisyMeasure> {
  const distributions: Distributions = new Map();
  const releases = new Map<string, NoisyRelease>();
  for (const cell of table.cells) if (!cell.dpSumOf) releases.set(cell.id, releaseOf(cell, alpha, random, distributions));
  for (const cell of table.cells) {
    if (!cell.dpSumOf) continue;
    const parts = cell.dpSumOf.map((id) => releases.get(id));
    if (parts.length === 0 || parts.some((p) => p === undefined)) throw new Error(`DP total ${table.name}/${cell.id} names a part that is not released`);
    releases.set(cell.id, sumOfReleases(parts as NoisyRelease[]));
  }
  return new Map(table.cells.map((cell) => [cell.id, measureOf(cell, releases.get(cell.id)!)]));
}
