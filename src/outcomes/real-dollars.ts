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

const BUNDLED_SERIES = { name: `${BUNDLED_CPI.name} (${BUNDLED_CPI.source})`, annualAverages: BUNDLED_CPI.annualAverages };

/** How the tables' dollars are stated: in each table's JSON metadata, the manifest and the report's methods. */
export interface DollarBasis {
  dollars: 'real' | 'nominal';
  /** The price index (real) or null (nominal: not deflated). */
  deflator: string | null;
  baseYear: number | null;
}

export function dollarBasis(dollars: 'real' | 'nominal', baseYear: number, series?: { name: string }): DollarBasis {
  return dollars === 'nominal' ? { dollars, deflator: null, baseYear: null } : { dollars, deflator: (series ?? BUNDLED_SERIES).name, baseYear };
}

/** "real 2024 dollars (CPI-U ...)" or "nominal dollars (not deflated)", for table definitions. */
export function dollarsText(basis: DollarBasis): string {
  return basis.dollars === 'nominal' ? 'nominal dollars of each quarter (not deflated: `dollars` = nominal)' : `real ${basis.baseYear} dollars (${basis.deflator})`;
}

/** Nominal dollars left as they are (`dollars: nominal`): the deflator's interface with a factor of 1. */
export function nominalDeflator(): Deflator {
  return { toReal: (nominal) => nominal, series: { name: 'none (nominal dollars)', annualAverages: {} }, yearsOutsideSeries: () => [] };
}

export function createDeflator(baseYear: number, series: { name: string; annualAverages: Record<string, number> } = BUNDLED_SERIES): Deflator {
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
