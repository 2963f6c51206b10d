import { relative } from 'node:path';
import { DataError } from '../errors/errors.ts';
import { loadConfig } from '../io/config-file.ts';
import { readExtract } from '../io/extract-file.ts';
import { loadOutcomeInputs } from '../io/outcome-inputs.ts';
import { writeOutcomeOutputs } from '../io/outcome-outputs.ts';
import type { EncodedPerson, ExtractManifest } from '../extract/extract-types.ts';
import type { LinkageSettings } from '../job/job-schema.ts';
import { linkSources } from '../link/link-sources.ts';
import { defaultLinkSettings, type LinkSettings } from '../link/link-settings.ts';
import { summarizeLinkage, type LinkageSummary } from '../link/linkage-summary.ts';
import { candidatesCsv, clustersCsv, modelJson, pairsCsv } from '../link/linkage-tables.ts';
import type { LinkSource } from '../link/source-store.ts';
import { computeOutcomeTables, type OutcomeTables } from '../outcomes/compute-outcome-tables.ts';
import type { OutcomesConfig } from '../outcomes/outcomes-config.ts';
import { markdownSummary } from '../outcomes/render-outputs.ts';
import type { CatalogCredential } from '../outcomes/outcome-person.ts';
import { roundCount } from '../disclosure/rounding.ts';
import type { LinkageModelJson } from '../report/report-input.ts';
import { DEFAULT_SCHEMA } from '../schema/default-schema.ts';
import type { FieldName } from '../schema/field-names.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';
import { linkageSchemaSchema } from '../schema/linkage-schema.ts';
import { TOOL_VERSION } from '../version.ts';
import { checkInputs, writeLinkageFolder } from './link.ts';

/*
 * The steps of `credlink run`, composed from the same functions `credlink link` and
 * `credlink outcomes` use, so a run and the two commands by hand give the same tables. The run
 * calls the core directly (not runLink) because a job also sets the comparison levels.
 */

export interface RunExtract {
  /** As written in the job. */
  jobPath: string;
  /** Resolved against the job's folder. */
  path: string;
  manifest: ExtractManifest;
  sha256: string;
}

/** Blocking-key fields from the schema, so that EM can train on pairs that blocking did not select for them. */
async function keyFieldsFor(schemaPath: string | undefined, fingerprint: string): Promise<ReadonlyMap<string, FieldName[]> | undefined> {
  const schema = schemaPath ? await loadConfig(schemaPath, linkageSchemaSchema) : DEFAULT_SCHEMA;
  if (schemaFingerprint(schema) !== fingerprint) {
    if (schemaPath) throw new DataError({ code: 'SCHEMA_MISMATCH', file: schemaPath, detail: 'this schema is not the one the extracts were encoded with' });
    return undefined;
  }
  return new Map(schema.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)]));
}

export interface LinkStepResult {
  summary: LinkageSummary;
  model: LinkageModelJson;
}

export async function linkStep(extracts: RunExtract[], settings: LinkageSettings, schemaPath: string | undefined, linkageDir: string): Promise<LinkStepResult> {
  const spine = extracts.find((e) => e.manifest.role === 'spine');
  const findings = checkInputs(extracts, spine?.path);
  if (findings.length > 0) throw new DataError(findings);
  const seed = extracts[0].manifest.schemaFingerprint;
  const keyFields = await keyFieldsFor(schemaPath, seed);
  const linkSettings: LinkSettings = defaultLinkSettings(seed, {
    method: settings.method,
    threshold: settings.threshold,
    ...(settings.diceThreshold !== undefined ? { diceThreshold: settings.diceThreshold } : {}),
    ...(settings.levels ? { levelThresholds: settings.levels } : {}),
    keyFields,
    training: keyFields ? 'blocks' : 'all-pairs',
  });
  const sources: LinkSource[] = [];
  for (const e of extracts) {
    const persons: EncodedPerson[] = [];
    await readExtract(e.path, { person: (p) => persons.push(p) });
    sources.push({ name: e.manifest.source, role: e.manifest.role, duplicateFree: e.manifest.duplicateFree, persons });
  }
  const result = linkSources(sources, linkSettings);
  const summary = summarizeLinkage(result, linkSettings);
  const model = modelJson(result) as LinkageModelJson;
  await writeLinkageFolder(linkageDir, {
    'clusters.csv': clustersCsv(result),
    'pairs.csv': pairsCsv(result),
    'candidates.csv': candidatesCsv(result),
    'model.json': `${JSON.stringify(model, null, 2)}\n`,
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
  });
  return { summary, model };
}

export interface OutcomesStepResult {
  result: OutcomeTables;
  catalog: CatalogCredential[];
}

/**
 * Outcome tables into `tablesDir`, as `credlink outcomes` writes them. File paths in its manifest
 * are relative to the job's folder (inputs) or the run folder (linkage), so that they do not
 * depend on where the run was started or on the temporary folder it is built in.
 */
export async function outcomesStep(args: {
  extracts: RunExtract[];
  config: OutcomesConfig;
  configDir: string;
  jobDir: string;
  runDir: string;
  linkageDir: string;
  tablesDir: string;
}): Promise<OutcomesStepResult> {
  const withPayload = args.extracts.filter((e) => e.manifest.role !== 'spine');
  const loaded = await loadOutcomeInputs({ linkageDir: args.linkageDir, config: args.config, configDir: args.configDir, extracts: withPayload.map((e) => e.path) });
  const result = computeOutcomeTables(loaded.inputs, args.config);
  const credentials = [...new Set(result.tables.find((t) => t.name === 'roi')?.cells.map((c) => String(c.dims.credential)) ?? [])];
  const notes = [...result.notes];
  const skipped = loaded.skippedRows;
  if (skipped.roster + skipped.wages > 0) notes.push(`${skipped.roster} roster and ${skipped.wages} wage payload rows had unusable values and were skipped`);
  const summary = markdownSummary(result.tables, credentials, loaded.linkage, notes);
  const where = (file: string) => {
    const inRun = relative(args.runDir, file);
    return inRun.startsWith('..') ? relative(args.jobDir, file) : inRun;
  };
  const manifest = {
    credlinkOutcomesRun: 1,
    toolVersion: TOOL_VERSION,
    inputs: loaded.checksums.map((c) => ({ ...c, file: where(c.file).split('\\').join('/') })),
    config: args.config,
    linkageError: loaded.linkage ?? null,
    holders: roundCount(result.holders, args.config.disclosure.roundingBase),
    differentialPrivacy: null,
    tables: result.tables.map((t) => ({ name: t.name, cells: t.cells.length, suppressed: t.cells.filter((c) => c.status === 'suppressed').length })),
    notes,
  };
  await writeOutcomeOutputs(args.tablesDir, result, loaded.linkage, summary, manifest);
  return { result, catalog: loaded.inputs.catalog };
}
