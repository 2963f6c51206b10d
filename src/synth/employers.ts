import { COUNTIES, pickCounty } from './geography.ts';
import { SECTORS, type Sector } from './industries.ts';
import { keyedPermutation } from './permutation.ts';
import { createRng, weightedTable, sampleWeighted, type Rng, type WeightedTable } from './prng.ts';

/** An employer as the wage file and the QCEW-like employer file know it, plus how it reports names. */
export interface Employer {
  /** UI account number, 7 digits. */
  id: string;
  sector: Sector;
  naics: string;
  county: string;
  /** Log pay premium of this employer (firm effect). */
  premium: number;
  /** How its payroll system writes names: upper-case, field widths, SSN with dashes. */
  upperCase: boolean;
  firstWidth: number;
  lastWidth: number;
  ssnDashes: boolean;
  middleInFirst: boolean;
}

export interface EmployerPool {
  employers: Employer[];
  bySector: Map<string, WeightedTable<Employer>>;
}

const ASPECT_EMPLOYERS = 901;

/** About one employer per 15 persons; sizes follow a Zipf law, so a few employers hold many workers. */
export function buildEmployers(seed: number, persons: number): EmployerPool {
  const count = Math.max(120, Math.round(persons / 15));
  const rng = createRng(seed, ASPECT_EMPLOYERS);
  const ids = keyedPermutation(9_000_000, seed ^ 0x5eed);
  const sectorTable = weightedTable(SECTORS.map((s) => [s, s.weight] as const));
  const employers: Employer[] = [];
  const sized: Array<[Employer, number]> = [];
  for (let e = 0; e < count; e += 1) {
    const sector = sampleWeighted(rng, sectorTable);
    const employer = makeEmployer(rng, String(1_000_000 + ids(e)), sector);
    employers.push(employer);
    sized.push([employer, 1 / (1 + (e % 500)) ** 0.9]);
  }
  const bySector = new Map<string, WeightedTable<Employer>>();
  for (const sector of SECTORS) {
    const inSector = sized.filter(([emp]) => emp.sector === sector);
    bySector.set(sector.id, weightedTable(inSector.length > 0 ? inSector : sized.slice(0, 1)));
  }
  return { employers, bySector };
}

function makeEmployer(rng: Rng, id: string, sector: Sector): Employer {
  const county = rng.chance(0.97) ? pickCounty(rng).fips : rng.pick(COUNTIES).fips;
  const legacyPayroll = rng.chance(0.6);
  return {
    id,
    sector,
    naics: rng.pick(sector.naics),
    county,
    premium: rng.normal() * 0.12,
    upperCase: legacyPayroll || rng.chance(0.3),
    firstWidth: legacyPayroll ? rng.pick([8, 10, 12, 15]) : 30,
    lastWidth: legacyPayroll ? rng.pick([12, 15, 20]) : 40,
    ssnDashes: rng.chance(0.35),
    middleInFirst: rng.chance(0.15),
  };
}

export function pickEmployer(rng: Rng, pool: EmployerPool, sector: Sector): Employer {
  return sampleWeighted(rng, pool.bySector.get(sector.id)!);
}
