import { Command } from 'commander';
import { relative } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { loadConfig } from '../io/config-file.ts';
import { writeStagedFolder } from '../io/output-target.ts';
import { configDirOf, sha256File } from '../io/outcome-inputs.ts';
import { outcomesConfigSchema } from '../outcomes/outcomes-config.ts';
import { noiseSource } from '../io/noise-source.ts';
import type { CliIo } from './cli-io.ts';
import { createProgress } from '../io/progress.ts';
import { outAlias, outputOption, refuseStdout } from './output-path.ts';
import { releaseOutcomes } from './outcomes-release.ts';
import { checkDisclosureFloors } from './outcomes-release.ts';
import { terminalSafe } from '../disclosure/safe-text.ts';
import { requireSignatures } from './verify.ts';

export interface OutcomesOptions {
  linkage: string;
  config: string;
  extracts: string[];
  output: string;
  epsilon?: string;
  noiseSeed?: string;
  json?: boolean;
  unsafeDisclosure?: boolean;
  /** Replace a non-empty -o folder. */
  force?: boolean;
  /** Trusted Ed25519 public keys: every extract must carry a valid signature by one, as for link. */
  publicKey?: string[];
}

export function defineOutcomesCommand(io: CliIo): Command {
  return new Command('outcomes')
    .description('Outcome tables per credential and award cohort from a linkage, with disclosure control (no pseudonym or record leaves)')
    .argument('<extract...>', 'the extracts that were linked (rosters, education, wages)')
    .requiredOption('--linkage <dir>', 'linkage folder written by credlink link (clusters.csv, summary.json)')
    .requiredOption('--config <file>', 'outcomes configuration (credlinkOutcomes: 1); see docs/outcomes.md')
    .addOption(outputOption('<dir>', 'folder for the tables, the summary and the run manifest').default('outcomes'))
    .addOption(outAlias('<dir>'))
    .option('--epsilon <e>', 'differential privacy: total epsilon over all noisy counts and histograms (off by default)')
    .option('--noise-seed <n>', 'seed the noise (reproducible test runs only: a known seed voids the privacy guarantee)')
    .option('--json', 'print a JSON summary to stdout instead of Markdown')
    .option('--unsafe-disclosure', 'allow disclosure.minCell under 5 or disclosure.roundingBase under 3 (test runs only; noted in the manifest)')
    .option('--force', 'replace a non-empty -o folder')
    .option('--public-key <hex|file...>', "use only extracts signed (credlink sign) by one of these data holders' keys")
    .addHelpText(
      'after',
      `
Tables (CSV + JSON each): earnings_quarterly, earnings_annual, trajectory, comparison,
event_study, pretrend, roi, employment, retention, industry, pathways, stacking_pairs,
stacking_next, stacking_related, education, value-verdicts. The summary names each
credential's comparison design (failed candidates, later holders, matched non-holders) and why. Every cell has a count of people and a status (ok / suppressed / noisy); the
expected false-match share of the linkage is written beside every table.

Example:
  $ credlink outcomes --linkage run/linkage --config outcomes.json \\
      techcert.ndjson nurseboard.ndjson wages.ndjson education.ndjson -o run/outcomes
  $ credlink outcomes --linkage run/linkage --config outcomes.json *.ndjson --epsilon 5`,
    )
    .action(async (extracts: string[], options: Omit<OutcomesOptions, 'extracts'>) => runOutcomes({ ...options, extracts }, io));
}

function parseEpsilon(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const epsilon = Number(text);
  if (!Number.isFinite(epsilon) || epsilon <= 0) throw new UsageError(`--epsilon must be a positive number, got "${text}"`);
  return epsilon;
}

export async function runOutcomes(options: OutcomesOptions, io: CliIo): Promise<void> {
  refuseStdout(options.output, '-o', 'outcomes writes a folder of tables');
  const epsilon = parseEpsilon(options.epsilon);
  const config = await loadConfig(options.config, outcomesConfigSchema);
  const unsafeNotes = checkDisclosureFloors(config, options.unsafeDisclosure, io.logger);
  if (options.publicKey) await requireSignatures(options.extracts, options.publicKey);
  const cwd = process.cwd();
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const progress = createProgress(io, 'outcomes');
  const { summary, manifest } = await writeStagedFolder(options.output, { force: options.force, notice: (line) => io.logger.warn(line) }, async (out) => releaseOutcomes({
    progress,
    linkageDir: options.linkage,
    config,
    configDir: configDirOf(options.config),
    extracts: options.extracts,
    out,
    dp: epsilon === undefined ? undefined : { epsilon, random: noiseSource(options.noiseSeed) },
    fileName: (file) => relative(cwd, file),
    extraInputs: [{ role: 'config', file: relative(cwd, options.config), sha256: await sha256File(options.config) }],
    unsafeNotes,
    extraManifest: epoch && /^\d+$/.test(epoch) ? { createdAt: new Date(Number(epoch) * 1000).toISOString() } : {},
  }));
  progress.finish(`${manifest.tables.length} tables`);
  if (options.json) io.stdout.write(`${JSON.stringify({ out: options.output, linkageError: manifest.linkageError, differentialPrivacy: manifest.differentialPrivacy, tables: manifest.tables, notes: manifest.notes }, null, 2)}\n`);
  else io.stdout.write(terminalSafe(summary));
}
