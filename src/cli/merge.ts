import { Command } from 'commander';
import { UsageError } from '../errors/errors.ts';
import { readPartFolders } from '../io/part-file.ts';
import { summarizeLinkage } from '../link/linkage-summary.ts';
import { candidatesCsv, clustersCsv, modelJson, pairsCsv } from '../link/linkage-tables.ts';
import { explainModel, formatSummary } from '../link/linkage-report.ts';
import { mergeParts } from '../link/merge-parts.ts';
import type { CliIo } from './cli-io.ts';
import { writeLinkageFolder } from './link.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LINKAGE_INPUTS } from '../io/linkage-inputs.ts';

export interface MergeOptions {
  parts: string[];
  output?: string;
  explain?: boolean;
  json?: boolean;
}

export function defineMergeCommand(io: CliIo): Command {
  return new Command('merge')
    .description('Combine the part folders of credlink link --shard i/n into the linkage folder a single run would write')
    .argument('<parts...>', 'part folders, one per shard (all n of them)')
    .requiredOption('-o, --output <dir>', 'linkage folder to write (created owner-only)')
    .option('--explain', 'print the fitted model (m, u and match weight per comparison level)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Example:
  for i in 0 1 2; do credlink link roster.extract wages.extract --shard $i/3 -o parts/$i; done
  credlink merge parts/0 parts/1 parts/2 -o linkage/

The model is fitted once on the union of the shards' comparison vectors, then links are assigned
and clustered: the folder is byte for byte what credlink link without --shard writes (docs/scaling.md).`,
    )
    .action(async (parts: string[], options: Omit<MergeOptions, 'parts'>) => {
      await runMerge({ ...options, parts }, io);
    });
}

/** inputs.json of the parts (all the same: readPartFolders checks they linked the same extracts). */
async function partInputs(parts: string[]): Promise<Record<string, string>> {
  const text = await readFile(join(parts[0], LINKAGE_INPUTS), 'utf8').catch(() => undefined);
  return text === undefined ? {} : { [LINKAGE_INPUTS]: text };
}

export async function runMerge(options: MergeOptions, io: CliIo): Promise<void> {
  if (!options.output) throw new UsageError('give the linkage folder with -o');
  const { result, settings } = mergeParts(await readPartFolders(options.parts));
  const summary = summarizeLinkage(result, settings);
  await writeLinkageFolder(options.output, {
    'clusters.csv': clustersCsv(result),
    'pairs.csv': pairsCsv(result),
    'candidates.csv': candidatesCsv(result),
    'model.json': `${JSON.stringify(modelJson(result), null, 2)}\n`,
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    ...(await partInputs(options.parts)),
  });
  if (options.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(formatSummary(summary));
  if (options.explain) io.stdout.write(explainModel(result));
}
