/*
 * NAICS 2022 sector titles (U.S. Census Bureau), keyed as the outcome tables key sectors
 * (src/outcomes/naics-sector.ts: two digits, or the combined 31-33, 44-45, 48-49). The short
 * names fit a chart axis at 420 px; tables use the full titles.
 */

interface Sector {
  title: string;
  short: string;
}

export const NAICS_SECTOR_NAMES: Readonly<Record<string, Sector>> = {
  '11': { title: 'Agriculture, Forestry, Fishing and Hunting', short: 'Agriculture' },
  '21': { title: 'Mining, Quarrying, and Oil and Gas Extraction', short: 'Mining, oil and gas' },
  '22': { title: 'Utilities', short: 'Utilities' },
  '23': { title: 'Construction', short: 'Construction' },
  '31-33': { title: 'Manufacturing', short: 'Manufacturing' },
  '42': { title: 'Wholesale Trade', short: 'Wholesale trade' },
  '44-45': { title: 'Retail Trade', short: 'Retail trade' },
  '48-49': { title: 'Transportation and Warehousing', short: 'Transportation' },
  '51': { title: 'Information', short: 'Information' },
  '52': { title: 'Finance and Insurance', short: 'Finance, insurance' },
  '53': { title: 'Real Estate and Rental and Leasing', short: 'Real estate' },
  '54': { title: 'Professional, Scientific, and Technical Services', short: 'Professional services' },
  '55': { title: 'Management of Companies and Enterprises', short: 'Management of companies' },
  '56': { title: 'Administrative and Support and Waste Management and Remediation Services', short: 'Administrative support' },
  '61': { title: 'Educational Services', short: 'Education' },
  '62': { title: 'Health Care and Social Assistance', short: 'Health care' },
  '71': { title: 'Arts, Entertainment, and Recreation', short: 'Arts, recreation' },
  '72': { title: 'Accommodation and Food Services', short: 'Hotels, food services' },
  '81': { title: 'Other Services (except Public Administration)', short: 'Other services' },
  '92': { title: 'Public Administration', short: 'Public administration' },
  unknown: { title: 'Employer sector unknown', short: 'Sector unknown' },
};

/** "62 Health Care and Social Assistance" for a table; the code alone when it is not a sector. */
export function sectorTitle(code: string): string {
  const sector = NAICS_SECTOR_NAMES[code];
  return sector ? (code === 'unknown' ? sector.title : `${code} ${sector.title}`) : code;
}

export function sectorShort(code: string): string {
  return NAICS_SECTOR_NAMES[code]?.short ?? code;
}

/** A pathways sequence ("54>56>56", "none" = no UI earnings) in words: each step names its quarter. */
export function pathwayLabel(sequence: string): string {
  if (sequence === 'all') return 'All holders observed −4..+8';
  if (sequence === 'other') return 'Every other sequence';
  const steps = sequence.split('>');
  const quarters = ['−4', '+4', '+8'];
  return steps
    .map((code, i) => {
      const name = code === 'none' ? 'no UI earnings' : i > 0 && code === steps[i - 1] ? 'same' : sectorShort(code);
      return `${quarters[i] ?? `step ${i + 1}`}: ${name}`;
    })
    .join(' → ');
}
