import { Command } from 'commander';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { stageFolder } from '../io/output-target.ts';
import { configFindings, parseJson } from '../io/config-file.ts';
import { readExtractManifest } from '../io/extract-file.ts';
import { sha256File } from '../io/outcome-inputs.ts';
import { requireSignatures } from './verify.ts';
import { parsePublicKey } from '../signing/extract-signature.ts';
import { effectiveOutcomesConfig } from '../job/effective-outcomes.ts';
import { jobSchema, type Job } from '../job/job-schema.ts';
import { RUN_MANIFEST, RUN_TIMINGS, defaultRunFolder, manifestJson } from '../job/run-manifest.ts';
import { applyOverrides, parseOverride, type JobOverride } from '../job/set-override.ts';
import type { OutcomesConfig } from '../outcomes/outcomes-config.ts';
import { canonicalJson } from '../schema/canonical-json.ts';
import type { CliIo } from './cli-io.ts';
import { outAlias, outputOption, refuseStdout } from './output-path.ts';
import { executeRun } from './run-execute.ts';
import { checkDisclosureFloors } from './outcomes-release.ts';
import { warnOverlappingReleases } from './release-history.ts';
import type { RunExtract } from './run-steps.ts';
import { fileProblem, unreadableFile } from '../io/file-errors.ts';

export interface RunOptions {
  job: string;
  output?: string;
  set?: string[];
  force?: boolean;
  json?: boolean;
  unsafeDisclosure?: boolean;
}

export function defineRunCommand(io: CliIo): Command {
  return new Command('run')
    .description('Run a job file: link, outcome tables and report into one run folder with a manifest')
    .argument('<job>', 'job file (credlinkJob: 1); see docs/jobs.md')
    .addOption(outputOption('<dir>', 'run folder to create (default: runs/<job name>-<hash of job and inputs>)'))
    .addOption(outAlias('<dir>'))
    .option('--set <key=value>', 'override a job key before validation, e.g. linkage.threshold=0.9 (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--force', 'replace an existing run folder (only one holding run-manifest.json)')
    .option('--json', 'print {runFolder, job, counts, outputs} as JSON')
    .option('--unsafe-disclosure', 'allow disclosure.minCell under 5 or disclosure.roundingBase under 3 (test runs only)')
    .addHelpText(
      'after',
      `
Writes RUN/tables/ (CSV + JSON per table), RUN/report.html, RUN/linkage-model.json,
RUN/linkage/ (record-level, owner-only, unless output.keepLinkage is false),
RUN/run-manifest.json and RUN/run-timings.json. Same job + same inputs = byte-identical
files except run-timings.json.

Example:
  $ credlink run job.json -o runs/base
  $ credlink run job.json -o runs/strict --set linkage.threshold=0.95 --set disclosure.minCell=20
  $ credlink diff runs/base runs/strict`,
    )
    .action(async (job: string, flags: Omit<RunOptions, 'job'>) => runRun({ ...flags, job }, io));
}

export interface LoadedJob {
  job: Job;
  jobFile: string;
  jobDir: string;
  jobSha256: string;
  overrides: JobOverride[];
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw unreadableFile(path, error);
  }
}

/** Reads the job, applies --set overrides to the raw JSON and validates the result. */
export async function loadJob(jobFile: string, sets: string[]): Promise<LoadedJob> {
  const text = await readText(jobFile);
  const overrides = sets.map(parseOverride);
  const raw = applyOverrides(parseJson(jobFile, text), overrides);
  const parsed = jobSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(configFindings(jobFile, parsed.error.issues));
  const jobSha256 = createHash('sha256').update(text).digest('hex');
  return { job: parsed.data, jobFile, jobDir: dirname(resolve(jobFile)), jobSha256, overrides };
}

/** Checksums and manifests of the extracts, checked against the roles and pins of the job. */
async function resolveExtracts(loaded: LoadedJob): Promise<RunExtract[]> {
  const findings: Finding[] = [];
  const extracts: RunExtract[] = [];
  for (const [i, entry] of loaded.job.extracts.entries()) {
    const path = resolve(loaded.jobDir, entry.path);
    try {
      await stat(path);
    } catch (error) {
      throw new UsageError(`${loaded.jobFile}: extracts[${i}]: ${fileProblem(entry.path, error)} (resolved to ${path})`);
    }
    const manifest = await readExtractManifest(path);
    const sha256 = await sha256File(path);
    if (entry.role && entry.role !== manifest.role) findings.push({ code: 'EXTRACT_ROLE', file: entry.path, value: manifest.role, detail: `the job expects role ${entry.role}, the extract's manifest says ${manifest.role}` });
    if (entry.sha256 && entry.sha256 !== sha256) findings.push({ code: 'EXTRACT_CHANGED', file: entry.path, detail: `SHA-256 ${sha256.slice(0, 12)}... differs from the job's pinned ${entry.sha256.slice(0, 12)}...: the input is not the one this job was written for` });
    extracts.push({ jobPath: entry.path, path, manifest, sha256 });
  }
  if (findings.length > 0) throw new DataError(findings);
  if (loaded.job.publicKeys) await requireSignatures(extracts.map((e) => e.path), loaded.job.publicKeys.map((key) => trustedKeyPath(loaded.jobDir, key)));
  return extracts;
}

/** A key given as hex stays as it is; a file name resolves from the job's folder. */
const trustedKeyPath = (jobDir: string, key: string) => (parsePublicKey(key) ? key : resolve(jobDir, key));

/** The outcomes configuration (file or inline) with the job's disclosure overrides; paths in it resolve from configDir. */
async function resolveOutcomes(loaded: LoadedJob): Promise<{ config: OutcomesConfig; configDir: string }> {
  const { outcomes } = loaded.job;
  let raw: unknown = outcomes;
  let file = `${loaded.jobFile} (outcomes)`;
  let configDir = loaded.jobDir;
  if (typeof outcomes === 'string') {
    file = resolve(loaded.jobDir, outcomes);
    raw = parseJson(outcomes, await readText(file));
    configDir = dirname(file);
  }
  const parsed = effectiveOutcomesConfig(raw, loaded.job.disclosure);
  if (!parsed.success) throw new DataError(configFindings(typeof outcomes === 'string' ? outcomes : file, parsed.error.issues));
  return { config: parsed.data, configDir };
}

/** --force replaces only a previous run. */
const previousRunOnly = (entries: string[]) => (entries.includes(RUN_MANIFEST) ? undefined : `not a run folder (no ${RUN_MANIFEST}); --force only replaces previous runs`);

export async function runRun(options: RunOptions, io: CliIo): Promise<void> {
  refuseStdout(options.output, '-o', 'run writes a run folder');
  const startedAt = new Date();
  const loaded = await loadJob(options.job, options.set ?? []);
  const outcomes = await resolveOutcomes(loaded);
  checkDisclosureFloors(outcomes.config, options.unsafeDisclosure, io.logger);
  const extracts = await resolveExtracts(loaded);
  const runKey = createHash('sha256').update(canonicalJson({ job: loaded.job, inputs: extracts.map((e) => e.sha256) })).digest('hex');
  const runDir = resolve(options.output ?? defaultRunFolder(loaded.job.name, runKey));
  await warnOverlappingReleases(runDir, extracts, loaded.job.disclosure.epsilon, io);
  // Built beside the target under a lock and renamed at the end: a failed run leaves no half-written folder.
  const staged = await stageFolder(runDir, { force: options.force, replaceable: previousRunOnly, notice: (line) => io.logger.warn(line) });
  const staging = staged.dir;
  try {
    const { manifest, timings, summaryLine } = await executeRun({ loaded, extracts, outcomes, staging, io, startedAt });
    await writeFileAtomic(join(staging, RUN_MANIFEST), manifestJson(manifest));
    await writeFileAtomic(join(staging, RUN_TIMINGS), manifestJson(timings));
    await staged.commit();
    const runFolder = options.output ?? runDir;
    if (options.json) io.stdout.write(`${JSON.stringify({ runFolder, job: manifest.job, counts: manifest.counts, outputs: manifest.outputs.map((o) => o.path) }, null, 2)}\n`);
    else io.stdout.write(`${summaryLine}\nrun folder: ${runFolder}\n`);
  } catch (error) {
    await staged.abort();
    throw error;
  }
}
