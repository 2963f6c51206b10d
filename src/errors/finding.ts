import { safePath, scrubSecrets } from './redact.ts';

/**
 * A finding about data is a value, not a sentence: tests assert codes, and one formatter
 * (formatFinding) turns them into text. A finding never carries a secret; `value` is only
 * set where the value is not an identifier (a column name, a date format, a count).
 */
export interface Finding {
  code: string;
  file?: string;
  line?: number;
  field?: string;
  column?: string;
  value?: string;
  detail?: string;
}

/** The one sentence of a finding; paths and values that look like secrets are not shown. */
export function formatFinding(f: Finding): string {
  const where = [f.file === undefined ? undefined : safePath(f.file), f.line !== undefined ? `line ${f.line}` : undefined, f.column ?? f.field]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  const what = f.detail ? `${f.code}: ${f.detail}` : f.code;
  const value = f.value !== undefined ? ` (${f.value})` : '';
  return scrubSecrets(where ? `${where}: ${what}${value}` : `${what}${value}`);
}
