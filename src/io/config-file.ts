import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DataError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { unreadableFile } from './file-errors.ts';
import { jsonSyntaxProblem } from './json-syntax.ts';

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

/** Why `text` is not JSON, as a finding with line and column; undefined when it parses. The text itself is never quoted. */
export function jsonFinding(file: string, text: string): Finding | undefined {
  const problem = jsonSyntaxProblem(text);
  if (problem) return { code: 'CONFIG_NOT_JSON', file, line: problem.line, field: `column ${problem.column}`, detail: problem.problem };
  return undefined;
}

/** JSON.parse, with a finding that says where the syntax breaks (a leading byte-order mark is allowed). */
export function parseJsonConfig(file: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    throw new DataError(jsonFinding(file, body) ?? { code: 'CONFIG_NOT_JSON', file, detail: 'not valid JSON' });
  }
}

export function parseConfig<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  const raw = parseJsonConfig(file, text);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DataError(configFindings(file, parsed.error.issues));
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
