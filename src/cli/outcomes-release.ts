import { loadOutcomeInputs } from '../io/outcome-inputs.ts';
import { writeOutcomeOutputs } from '../io/outcome-outputs.ts';
import { roundCount } from '../disclosure/rounding.ts';
import { computeOutcomeTables, type OutcomeTables } from '../outcomes/compute-outcome-tables.ts';
import type { OutcomesConfig } from '../outcomes/outcomes-config.ts';
import type { CatalogCredential } from '../outcomes/outcome-person.ts';
import { createDeflator } from '../outcomes/real-dollars.ts';
import { markdownSummary } from '../outcomes/render-outputs.ts';
import type { Progress } from '../io/progress.ts';
import { TOOL_VERSION } from '../version.ts';
import { loadLpSolver } from '../io/lp-solver.ts';
import { settingsUnderFloors } from '../disclosure/disclosure-floors.ts';
import { UsageError } from '../errors/errors.ts';
import type { Logger } from '../io/logger.ts';

/*
 * Computing and writing the outcome tables, shared by `credlink outcomes` and `credlink run` so
 * that both give the same tables, summary and manifest for the same inputs.
 */

export interface OutcomesRelease {
  result: OutcomeTables;
  summary: string;
  manifest: Record<string, unknown> & { tables: Array<{ name: string; cells: number; suppressed: number }>; notes: string[] };
  catalog: CatalogCredential[];
}

/**
 * Refuses a disclosure policy under the floors unless the user said `--unsafe-disclosure`; with
 * it, warns on stderr and returns the fixed-form notes for the manifest.
 */
export function checkDisclosureFloors(config: OutcomesConfig, allowUnsafe: boolean | undefined, logger: Logger): string[] {
  const under = settingsUnderFloors(config.disclosure);
  if (under.length === 0) return [];
  if (!allowUnsafe) throw new UsageError(`${under.join('; ')}: such tables protect no one. Add --unsafe-disclosure to publish them anyway (test runs only)`);
  logger.warn({ unsafeDisclosure: under }, 'UNSAFE DISCLOSURE SETTINGS: these tables may identify people; do not release them');
  return under.map((u) => `UNSAFE: ${u} (--unsafe-disclosure)`);
}

export async function releaseOutcomes(args: {
  linkageDir: string;
  config: OutcomesConfig;
  configDir: string;
  extracts: string[];
  out: string;
  dp?: { epsilon: number; random: () => number };
  /** How an input file is named in the manifest (relative to the folder the manifest describes). */
  fileName: (file: string) => string;
  /** Inputs named before the extracts (the config file, when there is one) and keys added to the manifest. */
  extraInputs?: Array<{ role: string; file: string; sha256: string }>;
  extraManifest?: Record<string, unknown>;
  progress?: Progress;
  /** Notes from checkDisclosureFloors (settings under the floors, allowed with --unsafe-disclosure). */
  unsafeNotes?: string[];
}): Promise<OutcomesRelease> {
  const { config, progress } = args;
  progress?.stage('outcomes', 3);
  progress?.update(0, `reading the linkage and ${args.extracts.length} extracts`);
  const loaded = await loadOutcomeInputs({ linkageDir: args.linkageDir, config, configDir: args.configDir, extracts: args.extracts });
  progress?.update(1, `computing tables for ${loaded.inputs.persons.length.toLocaleString('en-US')} persons`);
  // The margin audit needs exact published intervals, so it runs without DP only.
  const solve = args.dp ? undefined : await loadLpSolver();
  const result = computeOutcomeTables(loaded.inputs, config, { dp: args.dp, solve });
  progress?.update(2, `writing ${result.tables.length} tables`);
  const credentials = [...new Set(result.tables.find((t) => t.name === 'roi')?.cells.map((c) => String(c.dims.credential)) ?? [])];
  const notes = [...(args.unsafeNotes ?? []), ...result.notes];
  const skipped = loaded.skippedRows;
  if (skipped.roster + skipped.wages > 0) notes.push(`${skipped.roster} roster and ${skipped.wages} wage payload rows had unusable values and were skipped`);
  const unchecked = loaded.linkage?.uncheckedPairs ?? [];
  // The published error is the model's own estimate; where the model failed its check it is not one.
  if (unchecked.length > 0) notes.push(`the linkage of ${unchecked.join(', ')} failed its calibration check (the model expected more than 10% more or fewer matches than it linked): the expected false-match share there is unchecked and may understate the error; inspect with credlink link --explain and relink before release`);
  const summary = markdownSummary(result.tables, credentials, loaded.linkage, notes, result.dollars);
  const manifest = {
    credlinkOutcomesRun: 1,
    toolVersion: TOOL_VERSION,
    ...args.extraManifest,
    inputs: [...(args.extraInputs ?? []), ...loaded.checksums.map((c) => ({ ...c, file: args.fileName(c.file) }))],
    config,
    cpi: config.dollars === 'nominal' ? null : config.cpi ? config.cpi.name : createDeflator(config.baseYear).series.name,
    dollars: result.dollars,
    linkageError: loaded.linkage ?? null,
    holders: roundCount(result.holders, config.disclosure.roundingBase),
    populationSpine: loaded.spine ?? null,
    shareOfHoldersFound: result.shareFound,
    holdersFoundBy: { spine: roundCount(result.holdersByPath.spine, config.disclosure.roundingBase), directWageLink: roundCount(result.holdersByPath.direct, config.disclosure.roundingBase), notFound: roundCount(result.holdersByPath.notFound, config.disclosure.roundingBase) },
    uncataloguedCredentials: result.uncatalogued,
    differentialPrivacy: result.budget ?? null,
    marginAudit: result.audit ? { solver: 'HiGHS (highs npm package)', ...result.audit } : null,
    tables: result.tables.map((t) => ({ name: t.name, cells: t.cells.length, suppressed: t.cells.filter((c) => c.status === 'suppressed').length })),
    notes,
  };
  await writeOutcomeOutputs(args.out, result, loaded.linkage, summary, manifest);
  return { result, summary, manifest, catalog: loaded.inputs.catalog };
}
