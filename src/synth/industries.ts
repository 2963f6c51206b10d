import type { Rng } from './prng.ts';

/** A NAICS sector with the 6-digit industries its employers get and its pay level. */
export interface Sector {
  id: string;
  naics: string[];
  /** Share of jobs in the state. */
  weight: number;
  /** Log pay level relative to health care. */
  premium: number;
}

export const SECTORS: Sector[] = [
  { id: 'health', naics: ['622110', '623110', '621111', '621610', '623311'], weight: 15, premium: 0 },
  { id: 'it', naics: ['541512', '541511', '518210', '517111', '541519'], weight: 5, premium: 0.35 },
  { id: 'construction', naics: ['238220', '238210', '236220', '237310'], weight: 6, premium: 0.1 },
  { id: 'manufacturing', naics: ['332710', '336390', '332312', '336111', '333517'], weight: 12, premium: 0.08 },
  { id: 'retail', naics: ['445110', '444110', '441110', '455211'], weight: 12, premium: -0.3 },
  { id: 'food', naics: ['722511', '722513', '721110'], weight: 10, premium: -0.5 },
  { id: 'transport', naics: ['484121', '493110', '492110'], weight: 5, premium: 0.02 },
  { id: 'finance', naics: ['522110', '524126', '524210'], weight: 6, premium: 0.25 },
  { id: 'education', naics: ['611110', '611210', '611310'], weight: 9, premium: -0.02 },
  { id: 'public', naics: ['921110', '922120', '921190'], weight: 5, premium: 0.05 },
  { id: 'staffing', naics: ['561320', '561720', '561730'], weight: 8, premium: -0.25 },
  { id: 'professional', naics: ['541110', '541211', '541611'], weight: 7, premium: 0.2 },
];

export const SECTOR_BY_ID = new Map(SECTORS.map((s) => [s.id, s]));

/** Where a person's first job is; health care and retail lean female, construction and manufacturing male. */
export function pickSector(rng: Rng, sex: string, weights?: Record<string, number>): Sector {
  const adjusted = SECTORS.map((s) => {
    let w = weights?.[s.id] ?? s.weight;
    if (sex === 'f' && (s.id === 'health' || s.id === 'education')) w *= 1.7;
    if (sex === 'f' && (s.id === 'construction' || s.id === 'manufacturing' || s.id === 'transport')) w *= 0.4;
    if (sex === 'm' && (s.id === 'health' || s.id === 'education')) w *= 0.4;
    if (sex === 'm' && (s.id === 'construction' || s.id === 'manufacturing' || s.id === 'transport')) w *= 1.6;
    return w;
  });
  const total = adjusted.reduce((a, b) => a + b, 0);
  let target = rng.next() * total;
  for (let i = 0; i < SECTORS.length; i += 1) {
    target -= adjusted[i];
    if (target < 0) return SECTORS[i];
  }
  return SECTORS[SECTORS.length - 1];
}
