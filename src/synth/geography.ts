import type { Rng } from './prng.ts';

/*
 * A made-up state with Ohio-like numbering: counties are 5-digit FIPS codes under state 39,
 * ZIPs start with 43-45, phones use the state's area codes. None of it is real geography.
 */
export interface County {
  fips: string;
  /** Share of the state's population. */
  weight: number;
  zip3: string[];
  areaCodes: string[];
}

export const COUNTIES: County[] = [
  { fips: '39049', weight: 14, zip3: ['430', '432'], areaCodes: ['614', '380'] },
  { fips: '39035', weight: 11, zip3: ['441'], areaCodes: ['216', '440'] },
  { fips: '39061', weight: 9, zip3: ['452'], areaCodes: ['513'] },
  { fips: '39153', weight: 6, zip3: ['443'], areaCodes: ['330', '234'] },
  { fips: '39095', weight: 5, zip3: ['436'], areaCodes: ['419', '567'] },
  { fips: '39113', weight: 5, zip3: ['454'], areaCodes: ['937'] },
  { fips: '39151', weight: 4, zip3: ['447'], areaCodes: ['330'] },
  { fips: '39099', weight: 3, zip3: ['445'], areaCodes: ['330'] },
  { fips: '39017', weight: 3, zip3: ['450'], areaCodes: ['513'] },
  { fips: '39093', weight: 3, zip3: ['440'], areaCodes: ['440'] },
  { fips: '39057', weight: 2, zip3: ['453'], areaCodes: ['937'] },
  { fips: '39165', weight: 2, zip3: ['450'], areaCodes: ['513'] },
  { fips: '39025', weight: 2, zip3: ['451'], areaCodes: ['513'] },
  { fips: '39089', weight: 2, zip3: ['430'], areaCodes: ['740', '220'] },
  { fips: '39133', weight: 1.5, zip3: ['442'], areaCodes: ['330'] },
  { fips: '39139', weight: 1.2, zip3: ['449'], areaCodes: ['419'] },
  { fips: '39009', weight: 0.6, zip3: ['457'], areaCodes: ['740'] },
  { fips: '39145', weight: 0.7, zip3: ['456'], areaCodes: ['740'] },
  { fips: '39083', weight: 0.6, zip3: ['430'], areaCodes: ['740'] },
  { fips: '39005', weight: 0.5, zip3: ['448'], areaCodes: ['419'] },
];

const TOTAL_WEIGHT = COUNTIES.reduce((sum, c) => sum + c.weight, 0);

export function pickCounty(rng: Rng): County {
  let target = rng.next() * TOTAL_WEIGHT;
  for (const county of COUNTIES) {
    target -= county.weight;
    if (target < 0) return county;
  }
  return COUNTIES[COUNTIES.length - 1];
}

/** A residential ZIP in the county; a few dozen ZIPs per county keep ZIPs shared by many people. */
export function pickZip(rng: Rng, county: County): string {
  return `${rng.pick(county.zip3)}${String(rng.between(1, 40)).padStart(2, '0')}`;
}

/** 10 digits; exchange 200-999 as the numbering plan requires, never 555. */
export function pickPhone(rng: Rng, county: County): string {
  let exchange = rng.between(200, 999);
  if (exchange === 555) exchange = 556;
  return `${rng.pick(county.areaCodes)}${exchange}${String(rng.int(10_000)).padStart(4, '0')}`;
}
