import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { runHash } from '../../src/cli/hash.ts';
import { runSynth } from '../../src/cli/synth.ts';
import { createLogger } from '../../src/io/logger.ts';

/** An io that swallows output: the setup of an end-to-end test, not what it checks. */
export function quietIo(): CliIo {
  const sink = new PassThrough();
  sink.resume();
  return { stdin: new PassThrough(), stdout: sink, stderr: sink, logger: createLogger('silent'), stderrIsTTY: false, env: {} };
}

export const WORLD_SOURCES = ['spine', 'nurseboard', 'techcert', 'education', 'wages'] as const;

/**
 * A small synthetic world encoded as a linker would receive it: extracts in ex/, the catalog and
 * employers, an outcomes config and a job. A fixed secret keeps the extracts (and so the runs)
 * the same from one test run to the next.
 */
export async function buildEncodedWorld(dir: string, persons = 300): Promise<void> {
  const io = quietIo();
  await runSynth({ persons: String(persons), seed: '5', output: dir, startYear: '2018', years: '6', corruption: 'default' }, io);
  writeFileSync(join(dir, 'secret.key'), `${'3a'.repeat(32)}\n`, { mode: 0o600 });
  mkdirSync(join(dir, 'ex'));
  for (const source of WORLD_SOURCES) {
    await runHash(
      { input: join(dir, `${source}.csv`), schema: join(dir, 'schema.json'), mapping: join(dir, 'mappings', `${source}.json`), secretFile: join(dir, 'secret.key'), onInvalid: 'reject', output: join(dir, 'ex', `${source}.extract`) },
      io,
    );
  }
  writeFileSync(
    join(dir, 'outcomes.json'),
    JSON.stringify({ credlinkOutcomes: 1, catalog: 'catalog.json', employers: 'employers.csv', disclosure: { minCell: 5, minPercentileCell: 11 } }),
  );
  const extracts = WORLD_SOURCES.map((s) => ({ path: `ex/${s}.extract`, role: s === 'nurseboard' || s === 'techcert' ? 'roster' : s }));
  writeFileSync(join(dir, 'job.json'), JSON.stringify({ credlinkJob: 1, name: 'e2e', extracts, linkage: { schema: 'schema.json' }, outcomes: 'outcomes.json', output: { title: 'E2E study' } }, null, 2));
}
