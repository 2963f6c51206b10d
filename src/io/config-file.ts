import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { jsonSyntaxDetail } from '../errors/json-syntax.ts';
import { safePath } from '../errors/redact.ts';

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/** Turns zod issues into findings that name the JSON path and say how to fix it. */
export function configFindings(file: string, issues: z.core.$ZodIssue[]): Finding[] {
  return issues.map((issue) => {
    let fix = '';
    if (issue.code === 'unrecognized_keys') fix = `; remove ${issue.keys.map((k) => `"${k}"`).join(', ')} or check its spelling`;
    else if (issue.code === 'invalid_type') fix = `; expected ${issue.expected}`;
    else if (issue.code === 'invalid_value' && 'values' in issue) fix = `; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return { code: 'CONFIG_INVALID', file, field: jsonPath(issue.path), detail: `${issue.message}${fix}` };
  });
}

/** JSON.parse, failing with a finding that gives line and column and never the text (it could be a key file). */
export function parseJson(file: string, text: string, code = 'CONFIG_NOT_JSON'): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DataError(jsonSyntaxFinding(file, text, code));
  }
}

export function jsonSyntaxFinding(file: string, text: string, code = 'CONFIG_NOT_JSON'): Finding {
  return { code, file, detail: jsonSyntaxDetail(text) };
}

export function parseConfig<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  const raw = parseJson(file, text);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DataError(configFindings(file, parsed.error.issues));
  return parsed.data;
}

export async function loadConfig<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${safePath(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseConfig(file, text, schema);
}
