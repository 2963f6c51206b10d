import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/*
 * What the safe-handling tests search for: the forms a secret takes when it slips into a log, and
 * the plaintext identifiers of the input in the forms a report or table would show them.
 * Identifiers are matched as whole tokens (words, word pairs, digit runs, e-mail addresses), so
 * that "Hall" in "Hallmark" or a 9-digit SSN inside a longer number is not a false alarm.
 */

export function secretForms(secret: Uint8Array): string[] {
  const b = Buffer.from(secret);
  return [b.toString('hex'), b.toString('hex').toUpperCase(), b.toString('base64'), b.toString('base64').replace(/=+$/, ''), b.toString('base64url')];
}

export interface Needle {
  kind: 'name' | 'surname' | 'ssn' | 'email' | 'dob';
  value: string;
}

interface Mapping {
  delimiter?: string;
  fields: Record<string, { column?: string; formats?: string[] } | undefined>;
}

/** YYYY-MM-DD from a date in one of the mapping's formats (the few the synthetic world uses). */
function isoDate(value: string, formats: readonly string[]): string | undefined {
  for (const format of formats) {
    const m =
      format === 'MM/DD/YYYY' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value)?.slice(1).map((_, i, a) => a[[2, 0, 1][i]]) :
      format === 'YYYYMMDD' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value)?.slice(1) :
      format === 'YYYY-MM-DD' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)?.slice(1) : undefined;
    if (m) return m.join('-');
  }
  return undefined;
}

const words = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}'’]*/gu) ?? [];

/** Words of the public files (employers, catalog, schema): a surname that is also an employer's name is no leak. */
function publicWords(worldDir: string): Set<string> {
  const files = ['employers.csv', 'catalog.json', 'schema.json'];
  return new Set(files.flatMap((f) => words(readFileSync(join(worldDir, f), 'utf8'))));
}

/**
 * The identifiers of each source's CSV (and of extra CSVs laid out as `extra.mapping`): full
 * names in both orders, surnames of 6+ letters that no public file holds, SSNs with and without
 * dashes, e-mail addresses, and birth dates in the input's format and in ISO format.
 */
export function identifierNeedles(worldDir: string, sources: readonly string[], extra?: { csv: string; source: string }): Needle[] {
  const found = new Map<string, Needle>();
  const add = (kind: Needle['kind'], value: string | undefined) => {
    if (value && value.length >= 4) found.set(`${kind}:${value.toLowerCase()}`, { kind, value: value.toLowerCase() });
  };
  const common = publicWords(worldDir);
  const inputs = sources.map((source) => ({ csv: join(worldDir, `${source}.csv`), source }));
  if (extra) inputs.push(extra);
  for (const { csv, source } of inputs) {
    const mapping = JSON.parse(readFileSync(join(worldDir, 'mappings', `${source}.json`), 'utf8')) as Mapping;
    const rows = parse(readFileSync(csv, 'utf8'), { columns: true, delimiter: mapping.delimiter ?? ',', relax_column_count: true }) as Record<string, string>[];
    const col = (field: string) => mapping.fields[field]?.column;
    for (const row of rows) {
      const first = words(row[col('first_name') ?? ''] ?? '')[0];
      const lasts = words(row[col('last_name') ?? ''] ?? '');
      const last = lasts.join(' ');
      if (first && last) {
        add('name', `${first} ${last}`);
        add('name', `${last} ${first}`);
      }
      for (const surname of lasts) if (surname.length >= 6 && !common.has(surname)) add('surname', surname);
      const ssn = (row[col('ssn') ?? ''] ?? '').replace(/\D/g, '');
      if (ssn.length === 9) {
        add('ssn', ssn);
        add('ssn', `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`);
      }
      add('email', row[col('email') ?? '']?.trim());
      const dob = row[col('dob') ?? '']?.trim();
      if (dob) {
        add('dob', dob);
        add('dob', isoDate(dob, mapping.fields.dob?.formats ?? []));
      }
    }
  }
  return [...found.values()];
}

/** Every token of a text a needle could equal: words, adjacent word pairs, e-mail addresses, digit groups. */
export function tokensOf(text: string): Set<string> {
  const lower = text.toLowerCase();
  const list = words(lower);
  const tokens = new Set<string>(list);
  for (let i = 1; i < list.length; i += 1) tokens.add(`${list[i - 1]} ${list[i]}`);
  for (const email of lower.match(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]+/g) ?? []) tokens.add(email);
  for (const digits of lower.match(/\d[\d/-]*\d/g) ?? []) {
    tokens.add(digits);
    for (const part of digits.split(/[/-]/)) tokens.add(part);
  }
  return tokens;
}

export function identifiersIn(text: string, needles: readonly Needle[]): Needle[] {
  const tokens = tokensOf(text);
  return needles.filter((n) => tokens.has(n.value));
}

export function pseudonymsOf(clustersCsv: string): string[] {
  const rows = parse(readFileSync(clustersCsv, 'utf8'), { columns: true }) as { pseudonym: string }[];
  return [...new Set(rows.map((r) => r.pseudonym))];
}
