import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { overlappingReleases, type ReleaseInputs, type ReleaseOverlap } from '../disclosure/release-overlap.ts';
import { RUN_MANIFEST } from '../job/run-manifest.ts';
import type { CliIo } from './cli-io.ts';
import type { RunExtract } from './run-steps.ts';

/** The earlier runs beside the new one (the run history: runs/<name>), as their manifests describe them. */
async function earlierReleases(runDir: string): Promise<ReleaseInputs[]> {
  const parent = dirname(runDir);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const releases: ReleaseInputs[] = [];
  for (const name of names.filter((n) => !n.startsWith('.') && n !== basename(runDir)).sort()) {
    try {
      const manifest = JSON.parse(await readFile(join(parent, name, RUN_MANIFEST), 'utf8')) as { inputs?: Array<{ source: string; role: string; keyCheckValue: string; sha256: string }>; outputs?: Array<{ path: string }> };
      releases.push({
        folder: join(parent, name),
        dp: (manifest.outputs ?? []).some((o) => o.path === 'tables/dp-budget.json'),
        rosters: (manifest.inputs ?? []).filter((i) => i.role === 'roster'),
      });
    } catch {
      // not a run folder
    }
  }
  return releases;
}

/** Warns (stderr) when this run, without DP, overlaps an earlier run of the history without DP. */
export async function warnOverlappingReleases(runDir: string, extracts: readonly RunExtract[], epsilon: number | undefined, io: CliIo): Promise<ReleaseOverlap[]> {
  const current: ReleaseInputs = {
    folder: runDir,
    dp: epsilon !== undefined,
    rosters: extracts.filter((e) => e.manifest.role === 'roster').map((e) => ({ source: e.manifest.source, keyCheckValue: e.manifest.keyCheckValue, sha256: e.sha256 })),
  };
  const overlaps = overlappingReleases(current, await earlierReleases(runDir));
  for (const o of overlaps) {
    io.logger.warn({ earlierRun: o.folder, rosterSources: o.sources }, `this release and ${o.folder} use different versions of the ${o.sources.join(', ')} roster without differential privacy: differencing the two can reveal the people who were added or removed (docs/disclosure.md); release with --set disclosure.epsilon=E or do not publish both`);
  }
  return overlaps;
}
