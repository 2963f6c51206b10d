/** Dates in the synthetic world are whole days since 1970-01-01 (UTC); quarters are counted from the start year's Q1. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dayOf(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function partsOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function isoDate(day: Day): string {
  const p = partsOf(day);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

export function parseIso(text: string): Day {
  return dayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

/** Formats an ISO date with the mapping tokens YYYY, YY, MM, M, DD, D, MON; other characters are kept. */
export function formatDate(iso: string, format: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return format.replace(/YYYY|YY|MON|MM|M|DD|D/g, (token) => {
    switch (token) {
      case 'YYYY': return pad(year, 4);
      case 'YY': return pad(year % 100, 2);
      case 'MON': return MONTHS[month - 1];
      case 'MM': return pad(month, 2);
      case 'M': return String(month);
      case 'DD': return pad(day, 2);
      default: return String(day);
    }
  });
}

export interface Calendar {
  startYear: number;
  quarters: number;
}

export function quarterStart(cal: Calendar, q: number): Day {
  const year = cal.startYear + Math.floor(q / 4);
  return dayOf(year, (q % 4) * 3 + 1, 1);
}

export function quarterOfDay(cal: Calendar, day: Day): number {
  const p = partsOf(day);
  return (p.year - cal.startYear) * 4 + Math.floor((p.month - 1) / 3);
}

export function yearQuarter(cal: Calendar, q: number): { year: number; quarter: number } {
  return { year: cal.startYear + Math.floor(q / 4), quarter: (q % 4) + 1 };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
