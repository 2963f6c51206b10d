import { relative } from 'node:path';
import { DataError } from '../errors/errors.ts';
import type { ExtractManifest } from '../extract/extract-types.ts';
import type { LinkageSummary } from '../link/linkage-summary.ts';
import type { LinkageSettings } from '../job/job-schema.ts';
import { linkStores, sortStores } from '../link/link-sources.ts';
import { defaultLinkSettings, type LinkSettings } from '../link/link-settings.ts';
import type { OutcomeTables } from '../outcomes/compute-outcome-tables.ts';
import type { OutcomesConfig } from '../outcomes/outcomes-config.ts';
import type { CatalogCredential } from '../outcomes/outcome-person.ts';
import type { LinkageModelJson } from '../report/report-input.ts';
import { checkInputs, keyFieldsFor, readStore, writeLinkage, writeLinkageFolder } from './link.ts';
import { LINKAGE_INPUTS, linkageInputsJson } from '../io/linkage-inputs.ts';
import { linkKernel } from './link-engine.ts';
import type { CliIo } from './cli-io.ts';
import { releaseOutcomes } from './outcomes-release.ts';

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

export interface LinkStepResult {
  summary: LinkageSummary;
  model: LinkageModelJson;
}

export async function linkStep(extracts: RunExtract[], settings: LinkageSettings, schemaPath: string | undefined, linkageDir: string, io: CliIo): Promise<LinkStepResult> {
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
  // The same streaming stores and kernel as `credlink link`, so a run and the command give the same bytes.
  const kernel = linkKernel(io);
  const stores = [];
  for (const e of extracts) stores.push(await readStore(e, kernel));
  const { summary, model } = await writeLinkage(linkageDir, linkStores(sortStores(stores), linkSettings), linkSettings);
  await writeLinkageFolder(linkageDir, { [LINKAGE_INPUTS]: linkageInputsJson(extracts.map((e) => e.manifest)) });
  return { summary, model: model as LinkageModelJson };
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
  dp?: { epsilon: number; random: () => number };
}): Promise<OutcomesStepResult> {
  const where = (file: string) => {
    const inRun = relative(args.runDir, file);
    return (inRun.startsWith('..') ? relative(args.jobDir, file) : inRun).split('\\').join('/');
  };
  const { result, catalog } = await releaseOutcomes({
    linkageDir: args.linkageDir,
    config: args.config,
    configDir: args.configDir,
    extracts: args.extracts.filter((e) => e.manifest.role !== 'spine').map((e) => e.path),
    out: args.tablesDir,
    dp: args.dp,
    fileName: where,
  });
  return { result, catalog };
}
