import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { knownKeysAt, suggestKey } from '../schema/did-you-mean.ts';
import { jsonSyntaxDetail } from '../errors/json-syntax.ts';
import { unreadableFile } from './file-errors.ts';

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/**
 * A union's issues are those of its branches: when one branch got past the type check (e.g. the
 * inline catalog list, not the path string), its own issues are the ones worth showing.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const branch = issue.errors.find((errors) => errors.some((e) => e.path.length > 0 || e.code === 'unrecognized_keys'));
    return branch ? flattenUnions(branch.map((e) => ({ ...e, path: [...issue.path, ...e.path] }))) : [issue];
  });
}

function unknownKeysFix(issue: z.core.$ZodIssue & { code: 'unrecognized_keys' }, schema: z.ZodType | undefined): string {
  const known = schema ? knownKeysAt(schema, issue.path) : [];
  const named = issue.keys.map((k) => {
    const suggestion = suggestKey(k, known);
    return suggestion ? `"${k}" (did you mean "${suggestion}"?)` : `"${k}"`;
  });
  return `; remove ${named.join(', ')} or check its spelling${known.length ? `; known keys: ${known.join(', ')}` : ''}`;
}

/** Turns zod issues into findings that name the JSON path and say how to fix it (with the schema: a did-you-mean for unknown keys). */
export function configFindings(file: string, issues: z.core.$ZodIssue[], schema?: z.ZodType): Finding[] {
  return flattenUnions(issues).map((issue) => {
    let fix = '';
    if (issue.code === 'unrecognized_keys') fix = unknownKeysFix(issue, schema);
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
  if (!parsed.success) throw new DataError(configFindings(file, parsed.error.issues, schema));
  return parsed.data;
}

export async function loadConfig<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableFile(file, error);
  }
  return parseConfig(file, text, schema);
}
