import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { configFindings, jsonSyntaxFinding } from '../io/config-file.ts';
import { detectConfigKind, CONFIG_KEYS, type ConfigKind } from '../job/config-kind.ts';
import { jobSchema } from '../job/job-schema.ts';
import { linkageSchemaSchema } from '../schema/linkage-schema.ts';
import { sourceMappingSchema } from '../schema/source-mapping.ts';
import { outcomesConfigSchema } from '../outcomes/outcomes-config.ts';
import type { CliIo } from './cli-io.ts';

export interface ValidateOptions {
  files: string[];
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
    .argument('<file...>', 'JSON files; the kind is read from the format key (credlinkSchema, credlinkMapping, credlinkJob, credlinkOutcomes)')
    .addHelpText(
      'after',
      `
Exit code 0 when every file is valid, 1 when any has a problem, 2 when a file cannot be read.

Example:
  $ credlink validate schema.json mapping.json
  $ credlink validate job.json outcomes.json`,
    )
    .action(async (files: string[]) => runValidate({ files }, io));
}

/** The findings of one parsed document of a known kind; an inline outcomes config of a job is checked too. */
export function validateDocument(file: string, kind: ConfigKind, raw: unknown): Finding[] {
  const schema = SCHEMAS[kind];
  const parsed = schema.safeParse(raw);
  const findings = parsed.success ? [] : configFindings(file, parsed.error.issues);
  const outcomes = kind === 'job' ? (raw as { outcomes?: unknown }).outcomes : undefined;
  if (outcomes && typeof outcomes === 'object') {
    const inline = SCHEMAS.outcomes.safeParse(outcomes);
    if (!inline.success) {
      for (const f of configFindings(file, inline.error.issues)) findings.push({ ...f, field: `$.outcomes${f.field!.slice(1)}` });
    }
  }
  return findings;
}

export async function runValidate(options: ValidateOptions, io: CliIo): Promise<void> {
  const findings: Finding[] = [];
  for (const file of options.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      const finding = jsonSyntaxFinding(file, text);
      findings.push({ ...finding, detail: `${finding.detail}; a credlink config is one JSON object` });
      continue;
    }
    const kind = detectConfigKind(raw);
    if (!kind) {
      const keys = Object.values(CONFIG_KEYS).join(', ');
      findings.push({ code: 'CONFIG_KIND_UNKNOWN', file, field: '$', detail: `no format key; a credlink config has one of ${keys}` });
      continue;
    }
    const own = validateDocument(file, kind, raw);
    if (own.length === 0) io.stdout.write(`${file}: ok (${kind})\n`);
    findings.push(...own);
  }
  if (findings.length > 0) {
    const files = new Set(findings.map((f) => f.file)).size;
    throw new DataError(findings, `${findings.length} problem${findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}:\n${findings.map((f) => `  ${formatLine(f)}`).join('\n')}`);
  }
}

function formatLine(f: Finding): string {
  return `${f.file}: ${f.field ?? '$'}: ${f.detail ?? f.code}`;
}
