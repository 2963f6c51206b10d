import { UsageError } from '../errors/errors.ts';
import { writePartFolder } from '../io/part-file.ts';
import { linkShard, type Shard } from '../link/link-shard.ts';
import type { CliIo } from './cli-io.ts';
import { linkKernel } from './link-engine.ts';
import { readLinkInputs, writeLinkageFolder, type LinkOptions } from './link.ts';
import { LINKAGE_INPUTS, linkageInputsJson } from '../io/linkage-inputs.ts';

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!(count >= 1 && index >= 0 && index < count)) throw new UsageError(`--shard must be i/n with 0 <= i < n (e.g. 0/16), got "${text}"`);
  return { index, count };
}

/** `credlink link --shard i/n`: blocking and comparison vectors of one shard's blocks, written as a part folder. */
export async function runLinkShard(options: LinkOptions, io: CliIo): Promise<void> {
  const shard = parseShard(options.shard ?? '');
  if (options.explain) throw new UsageError('--explain needs the fitted model: give it to credlink merge');
  const { settings, stores, manifests } = await readLinkInputs(options, io, linkKernel(io));
  const part = linkShard(stores, settings, shard);
  // Each part records what it linked, for merge to pass on to outcomes.
  await writePartFolder(options.output!, part, (dir, files) => writeLinkageFolder(dir, { ...files, [LINKAGE_INPUTS]: linkageInputsJson(manifests) }));
  const pairs = part.sourcePairs.reduce((n, p) => n + p.pairs.left.length, 0);
  const summary = { shard: `${shard.index}/${shard.count}`, output: options.output, candidatePairs: pairs };
  io.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `shard ${summary.shard}: ${pairs} candidate pairs scored into ${options.output}; combine all ${shard.count} parts with credlink merge\n`);
}
