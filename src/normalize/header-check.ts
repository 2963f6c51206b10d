import { DataError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import type { SourceMapping } from '../schema/source-mapping.ts';
import { looksLikeHeaderName, safeHeaderName } from '../errors/redact.ts';

/** Every column a mapping reads, with the mapping path that names it (for messages). */
export function referencedColumns(mapping: SourceMapping): Array<{ column: string; path: string }> {
  const refs: Array<{ column: string; path: string }> = [];
  if ('column' in mapping.personId) refs.push({ column: mapping.personId.column, path: 'personId.column' });
  for (const [field, spec] of Object.entries(mapping.fields)) {
    if (!spec) continue;
    if ('column' in spec) refs.push({ column: spec.column, path: `fields.${field}.column` });
    else for (const [part, column] of Object.entries(spec.parts)) refs.push({ column, path: `fields.${field}.parts.${part}` });
  }
  if (mapping.fullName) refs.push({ column: mapping.fullName.column, path: 'fullName.column' });
  for (const [name, spec] of Object.entries(mapping.payload)) refs.push({ column: spec.column, path: `payload.${name}.column` });
  return refs;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function describeDelimiter(d: string): string {
  return DELIMITER_NAMES[d] ? `${DELIMITER_NAMES[d]} (${JSON.stringify(d)})` : JSON.stringify(d);
}

function closestName(wanted: string, header: string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return header.find((name) => fold(name) === fold(wanted));
}

function describeOddHeader(header: string[]): string {
  const shown = header.map((name) => (looksLikeHeaderName(name) ? JSON.stringify(name) : undefined)).filter((n) => n !== undefined);
  const hidden = header.length - shown.length;
  return `${header.length} field${header.length === 1 ? '' : 's'}${shown.length ? ` (${shown.join(', ')}, ...)` : ''}; ${hidden} not shown, not shaped like column names: is this the right file, with a header row?`;
}

/**
 * Checks a header against a mapping before any row is read: a wrong delimiter (the whole header
 * in one column), duplicate names (which column would be meant?) and columns the mapping needs
 * but the file lacks. Returns the index of each column name.
 */
export function checkHeader(mapping: SourceMapping, header: string[], file: string): Map<string, number> {
  const refs = referencedColumns(mapping);
  const distinct = new Set(refs.map((r) => r.column));
  if (header.length === 1 && distinct.size > 1 && !distinct.has(header[0])) {
    const other = [';', '\t', '|', ','].find((d) => d !== mapping.delimiter && header[0].includes(d));
    if (other) {
      throw new DataError({
        code: 'WRONG_DELIMITER',
        file,
        line: 1,
        detail: `the header is a single column containing ${describeDelimiter(other)}, but the mapping expects ${distinct.size} columns separated by ${describeDelimiter(mapping.delimiter)}; set "delimiter": ${JSON.stringify(other)} in the mapping`,
      });
    }
  }
  const index = new Map<string, number>();
  const duplicates: Finding[] = [];
  header.forEach((name, i) => {
    if (name === '') return;
    const first = index.get(name);
    if (first === undefined) index.set(name, i);
    else duplicates.push({ code: 'DUPLICATE_HEADER', file, line: 1, column: looksLikeHeaderName(name) ? name : `field ${i + 1}`, detail: `column name appears as fields ${first + 1} and ${i + 1}; rename one` });
  });
  if (duplicates.length > 0) throw new DataError(duplicates);
  // A key file or a headerless data file given as the CSV has a secret or an identifier for a header.
  const listing = header.every(looksLikeHeaderName) ? header.map((h) => JSON.stringify(h)).join(', ') : describeOddHeader(header);
  const missing: Finding[] = [];
  const reported = new Set<string>();
  for (const { column, path } of refs) {
    if (index.has(column) || reported.has(column)) continue;
    reported.add(column);
    const near = closestName(column, header.filter(looksLikeHeaderName));
    const hint = near ? `; did you mean ${JSON.stringify(near)}?` : '';
    missing.push({ code: 'MISSING_COLUMN', file, line: 1, column, detail: `the mapping's ${path} names a column the header lacks (the header has ${listing})${hint}` });
  }
  if (missing.length > 0) throw new DataError(missing);
  return index;
}
