import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { configFindings, jsonSyntaxFinding } from '../io/config-file.ts';
import { detectConfigKind, CONFIG_KEYS, type ConfigKind } from '../job/config-kind.ts';
import { jobSchema } from '../job/job-schema.ts';
import { linkageSchemaSchema } from '../schema/linkage-schema.ts';
import { sourceMappingSchema, type SourceMapping } from '../schema/source-mapping.ts';
import { outcomePayloadFindings } from '../schema/outcome-payload.ts';
import { catalogFileSchema, looksLikeCatalog, outcomesConfigSchema } from '../outcomes/outcomes-config.ts';
import type { CliIo } from './cli-io.ts';
import { STDIO } from './output-path.ts';
import { unreadableFile } from '../io/file-errors.ts';

export interface ValidateOptions {
  files: string[];
  json?: boolean;
}

const SCHEMAS: Record<ConfigKind, z.ZodType> = {
  schema: linkageSchemaSchema,
  mapping: sourceMappingSchema,
  job: jobSchema,
  outcomes: outcomesConfigSchema,
};

export function defineValidateCommand(io: CliIo): Command {
  return new Command('validate')
    .description('Check schema, mapping, job and outcomes files; print every problem with its JSON path and a fix')
    .argument('<file...>', "JSON files, or '-' for stdin; the kind is read from the format key (credlinkSchema, credlinkMapping, credlinkJob, credlinkOutcomes)")
    .option('--json', 'print {valid, files: [{file, kind, ok, findings}]} as JSON (the exit code stays 0 or 1)')
    .addHelpText(
      'after',
      `
Exit code 0 when every file is valid, 1 when any has a problem, 2 when a file cannot be read.

Example:
  $ credlink validate schema.json mapping.json
  $ credlink validate job.json outcomes.json
  $ jq '.linkage.threshold = 0.9' job.json | credlink validate -`,
    )
    .action(async (files: string[], flags: { json?: boolean }) => runValidate({ files, json: flags.json }, io));
}

/** The findings of one parsed document of a known kind; an inline outcomes config of a job is checked too. */
export function validateDocument(file: string, kind: ConfigKind, raw: unknown): Finding[] {
  const schema = SCHEMAS[kind];
  const parsed = schema.safeParse(raw);
  const findings = parsed.success ? [] : configFindings(file, parsed.error.issues, schema);
  if (parsed.success && kind === 'mapping') findings.push(...outcomePayloadFindings(parsed.data as SourceMapping, file).filter((f) => f.severity === 'error').map(({ severity: _, ...f }) => f));
  const outcomes = kind === 'job' ? (raw as { outcomes?: unknown }).outcomes : undefined;
  if (outcomes && typeof outcomes === 'object') {
    const inline = SCHEMAS.outcomes.safeParse(outcomes);
    if (!inline.success) {
      for (const f of configFindings(file, inline.error.issues, SCHEMAS.outcomes)) findings.push({ ...f, field: `$.outcomes${f.field!.slice(1)}` });
    }
  }
  return findings;
}

interface FileVerdict {
  file: string;
  kind: ConfigKind | 'catalog' | null;
  findings: Finding[];
}

async function readConfigText(file: string, io: CliIo): Promise<string> {
  if (file === STDIO) return readStream(io.stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableFile(file, error);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The kind and findings of one config text. */
export function validateText(file: string, text: string): FileVerdict {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const finding = jsonSyntaxFinding(file, text);
    return { file, kind: null, findings: [{ ...finding, detail: `${finding.detail}; a credlink config is one JSON object` }] };
  }
  const kind = detectConfigKind(raw);
  if (!kind && looksLikeCatalog(raw)) {
    const parsed = catalogFileSchema.safeParse(raw);
    return { file, kind: 'catalog', findings: parsed.success ? [] : configFindings(file, parsed.error.issues, catalogFileSchema) };
  }
  if (!kind) {
    const keys = Object.values(CONFIG_KEYS).join(', ');
    return { file, kind: null, findings: [{ code: 'CONFIG_KIND_UNKNOWN', file, field: '$', detail: `no format key; a credlink config has one of ${keys}` }] };
  }
  return { file, kind, findings: validateDocument(file, kind, raw) };
}

export async function runValidate(options: ValidateOptions, io: CliIo): Promise<void> {
  if (options.files.filter((f) => f === STDIO).length > 1) throw new UsageError("stdin ('-') can be read only once");
  const verdicts: FileVerdict[] = [];
  for (const file of options.files) verdicts.push(validateText(file === STDIO ? '<stdin>' : file, await readConfigText(file, io)));
  const findings = verdicts.flatMap((v) => v.findings);
  if (options.json) io.stdout.write(`${JSON.stringify({ valid: findings.length === 0, files: verdicts.map((v) => ({ ...v, ok: v.findings.length === 0 })) }, null, 2)}\n`);
  else for (const v of verdicts) if (v.findings.length === 0) io.stdout.write(`${v.file}: ok (${v.kind})\n`);
  if (findings.length > 0) {
    const files = new Set(findings.map((f) => f.file)).size;
    throw new DataError(findings, `${findings.length} problem${findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}:\n${findings.map((f) => `  ${formatLine(f)}`).join('\n')}`);
  }
}

function formatLine(f: Finding): string {
  if (f.line !== undefined) return `${f.file}: line ${f.line}, ${f.field ?? ''}: ${f.detail ?? f.code}`;
  return `${f.file}: ${f.field ?? '$'}: ${f.detail ?? f.code}`;
}
