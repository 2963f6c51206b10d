import { formatDate, isoDate, type Day } from './calendar.ts';
import type { Rng } from './prng.ts';

/** Spanish names as written with their accents; some systems keep them, most drop them. */
const ACCENTED: Record<string, string> = {
  Jose: 'José', Maria: 'María', Jesus: 'Jesús', Angel: 'Ángel', Raul: 'Raúl', Hector: 'Héctor', Oscar: 'Óscar',
  Ramon: 'Ramón', Lucia: 'Lucía', Sofia: 'Sofía', Ines: 'Inés', Munoz: 'Muñoz', Pena: 'Peña', Nunez: 'Núñez',
  Hernandez: 'Hernández', Gonzalez: 'González', Rodriguez: 'Rodríguez', Martinez: 'Martínez', Lopez: 'López',
  Perez: 'Pérez', Ramirez: 'Ramírez', Sanchez: 'Sánchez', Gomez: 'Gómez', Diaz: 'Díaz', Jimenez: 'Jiménez',
  Gutierrez: 'Gutiérrez', Alvarez: 'Álvarez', Vasquez: 'Vásquez', Fernandez: 'Fernández', Dominguez: 'Domínguez',
  Velazquez: 'Velázquez', Ibarra: 'Ibarra', Leon: 'León', Chavez: 'Chávez',
};

export function withAccents(rng: Rng, name: string, rate: number): string {
  if (rate <= 0 || !/[A-Za-z]/.test(name) || !rng.chance(rate)) return name;
  return name.replace(/[A-Za-z]+/g, (word) => ACCENTED[word] ?? word);
}

export function casing(name: string, upper: boolean): string {
  return upper ? name.toUpperCase() : name;
}

/** The ways people and systems write a 10-digit phone number. */
export function formatPhone(rng: Rng, phone: string): string {
  const a = phone.slice(0, 3);
  const b = phone.slice(3, 6);
  const c = phone.slice(6);
  switch (rng.int(5)) {
    case 0: return `(${a}) ${b}-${c}`;
    case 1: return `${a}-${b}-${c}`;
    case 2: return `${a}.${b}.${c}`;
    case 3: return phone;
    default: return `+1 ${a} ${b} ${c}`;
  }
}

export function formatSsn(ssn: string, dashes: boolean): string {
  return dashes ? `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}` : ssn;
}

export function dateOrEmpty(day: Day | undefined, format: string): string {
  return day === undefined ? '' : formatDate(isoDate(day), format);
}

/** RFC 4180: quote a field only when it holds a comma, a quote or a line break. */
export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i += 1) {
    const f = fields[i];
    if (i > 0) line += ',';
    line += /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
  }
  return `${line}\n`;
}
