import bundledCpi from './data/cpi-u.json' with { type: 'json' };

/**
 * Nominal to real dollars of a base year with CPI-U annual averages (as PSEO and WIOA reports
 * state earnings in constant dollars). A year outside the series uses the nearest year in it,
 * and is listed so the manifest can say so.
 */
export interface Deflator {
  toReal(nominal: number, year: number): number;
  /** The index series used. */
  series: { name: string; annualAverages: Record<string, number> };
  /** Years asked for that the series lacks (the nearest year was used). */
  yearsOutsideSeries(): number[];
}

export const BUNDLED_CPI = bundledCpi as { series: string; name: string; source: string; annualAverages: Record<string, number> };

export function createDeflator(baseYear: number, series: { name: string; annualAverages: Record<string, number> } = { name: `${BUNDLED_CPI.name} (${BUNDLED_CPI.source})`, annualAverages: BUNDLED_CPI.annualAverages }): Deflator {
  const years = Object.keys(series.annualAverages).map(Number).sort((a, b) => a - b);
  if (years.length === 0) throw new Error('empty CPI series');
  const missing = new Set<number>();
  const indexFor = (year: number, note: boolean): number => {
    const value = series.annualAverages[String(year)];
    if (value !== undefined) return value;
    if (note) missing.add(year);
    const nearest = year < years[0] ? years[0] : years[years.length - 1];
    return series.annualAverages[String(nearest)];
  };
  const base = indexFor(baseYear, true);
  const factors = new Map<number, number>();
  return {
    toReal(nominal, year) {
      let factor = factors.get(year);
      if (factor === undefined) {
        factor = base / indexFor(year, true);
        factors.set(year, factor);
      }
      return nominal * factor;
    },
    series,
    yearsOutsideSeries: () => [...missing].sort((a, b) => a - b),
  };
}
