import { Command } from 'commander';
import { DataError, UsageError } from '../errors/errors.ts';
import { readExtract } from '../io/extract-file.ts';
import { EXTRACT_FORMAT_VERSION, type ExtractManifest } from '../extract/extract-types.ts';
import type { CliIo } from './cli-io.ts';
import { STDIO } from './output-path.ts';
import type { EncodedPerson } from '../extract/extract-types.ts';
import { extractLeakage, type ExtractLeakage } from '../leakage/extract-leakage.ts';
import { formatLeakage } from '../leakage/leakage-report.ts';
import { unreadableFile } from '../io/file-errors.ts';

export interface InspectOptions {
  files: string[];
  json?: boolean;
  leakage?: boolean;
}

const HELP_AFTER = `
Prints each extract's manifest (source, role, counts, field fill, payload columns, schema
fingerprint, key check value) after reading the whole file and verifying its checksum: an extract
that was edited or truncated fails with EXTRACT_CHECKSUM (exit 1).

Given several extracts, it says whether they can be linked together, or exactly why not: a
different schema fingerprint (the holders used different schemas), a different key check value
(different secrets), an unsupported format version, or two extracts of the same source. Extracts
that cannot be linked make the exit code 1, after the report.

Examples:
  credlink inspect roster.extract
  credlink inspect techcert.extract college.extract wages.extract --json
  credlink hash ... -o - | credlink inspect -
`;

export function defineInspectCommand(io: CliIo): Command {
  return new Command('inspect')
    .description('verify extracts and show their manifests; say whether they can be linked')
    .argument('<files...>', "extract files written by credlink hash, or '-' for stdin")
    .option('--json', 'print {extracts, linkable, reasons} as JSON')
    .option('--leakage', 'also measure what the filters leak to a keyless reader: bit-frequency spread, fill vs length, repeated filters (docs/threat-model.md)')
    .addHelpText('after', HELP_AFTER)
    .action(async (files: string[], options: Omit<InspectOptions, 'files'>) => {
      await runInspect({ ...options, files }, io);
    });
}

export interface LinkabilityReason {
  code: 'FORMAT_VERSION' | 'SCHEMA_MISMATCH' | 'KEY_MISMATCH' | 'SAME_SOURCE';
  files: string[];
  detail: string;
}

interface Inspected {
  file: string;
  checksum: 'ok';
  manifest: ExtractManifest;
  leakage?: ExtractLeakage;
}

/** Why the extracts cannot be linked together; empty when they can. Each reason names the files. */
export function linkabilityReasons(extracts: Inspected[]): LinkabilityReason[] {
  const reasons: LinkabilityReason[] = [];
  for (const e of extracts) {
    if (e.manifest.formatVersion !== EXTRACT_FORMAT_VERSION) {
      reasons.push({ code: 'FORMAT_VERSION', files: [e.file], detail: `format version ${e.manifest.formatVersion}; this credlink reads version ${EXTRACT_FORMAT_VERSION}` });
    }
  }
  const [first, ...rest] = extracts;
  for (const e of rest) {
    if (e.manifest.schemaFingerprint !== first.manifest.schemaFingerprint) {
      reasons.push({ code: 'SCHEMA_MISMATCH', files: [first.file, e.file], detail: `encoded with different schemas (fingerprints ${first.manifest.schemaFingerprint.slice(0, 12)}… and ${e.manifest.schemaFingerprint.slice(0, 12)}…); every holder must hash with the same schema file` });
    }
    if (e.manifest.keyCheckValue !== first.manifest.keyCheckValue) {
      reasons.push({ code: 'KEY_MISMATCH', files: [first.file, e.file], detail: `encoded with different secrets (key check values ${first.manifest.keyCheckValue} and ${e.manifest.keyCheckValue}); every holder must use the same project key` });
    }
  }
  const bySource = new Map<string, string[]>();
  for (const e of extracts) bySource.set(e.manifest.source, [...(bySource.get(e.manifest.source) ?? []), e.file]);
  for (const [source, files] of bySource) {
    if (files.length > 1) reasons.push({ code: 'SAME_SOURCE', files, detail: `both are source "${source}"; give each extract its own source label in its mapping` });
  }
  return reasons;
}

function manifestText(e: Inspected): string {
  const m = e.manifest;
  const fill = Object.entries(m.fieldFill).map(([f, v]) => `${f} ${(v * 100).toFixed(0)}%`).join(', ');
  const payload = Object.entries(m.payloadColumns).map(([c, t]) => `${c} (${t})`).join(', ');
  return [
    `${e.file}: checksum ok`,
    `  source            ${m.source} (${m.role}${m.duplicateFree ? ', duplicate-free' : ', persons may repeat'})`,
    `  rows              ${m.rowsIn} in, ${m.rowsRejected} rejected; ${m.persons} persons, ${m.payloadRows} payload rows`,
    `  field fill        ${fill}`,
    `  payload columns   ${payload || '(none)'}`,
    `  schema            ${m.schemaFingerprint}`,
    `  key check value   ${m.keyCheckValue}`,
    `  written by        credlink ${m.toolVersion}, format ${m.format} v${m.formatVersion}`,
    ...(e.leakage ? [formatLeakage(e.leakage)] : []),
  ].join('\n');
}

export async function runInspect(options: InspectOptions, io: CliIo): Promise<void> {
  if (options.files.length === 0) throw new UsageError('inspect needs at least one extract file');
  if (options.files.filter((f) => f === STDIO).length > 1) throw new UsageError("stdin ('-') can be read only once");
  const extracts: Inspected[] = [];
  for (const file of options.files) {
    let manifest: ExtractManifest;
    const persons: EncodedPerson[] = [];
    try {
      const visitor = options.leakage ? { person: (p: EncodedPerson) => persons.push(p) } : {};
      manifest = file === STDIO ? await readExtract('<stdin>', visitor, io.stdin) : await readExtract(file, visitor);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw unreadableFile(file, error);
      throw error;
    }
    extracts.push({ file: file === STDIO ? '<stdin>' : file, checksum: 'ok', manifest, ...(options.leakage ? { leakage: extractLeakage(persons) } : {}) });
  }
  const reasons = extracts.length > 1 ? linkabilityReasons(extracts) : [];
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ extracts, linkable: extracts.length > 1 ? reasons.length === 0 : null, reasons }, null, 2)}\n`);
  } else {
    const parts = extracts.map(manifestText);
    if (extracts.length > 1) {
      parts.push(reasons.length === 0
        ? `linkable: yes, ${extracts.length} extracts share the schema and the key`
        : ['linkable: no', ...reasons.map((r) => `  ${r.code}: ${r.files.join(' and ')} ${r.detail}`)].join('\n'));
    }
    io.stdout.write(`${parts.join('\n\n')}\n`);
  }
  // Exit 1 so that a script can check "inspect a b c && link a b c"; the report above says why.
  if (reasons.length > 0) throw new DataError(reasons.map((r) => ({ code: r.code, file: r.files.join(', ') })), `the extracts cannot be linked: ${[...new Set(reasons.map((r) => r.code))].join(', ')}`);
}
