import { roundCount } from '../disclosure/rounding.ts';
import { noiseSource } from '../io/noise-source.ts';
import { createProgress } from '../io/progress.ts';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { fileDigest } from '../io/file-digest.ts';
import type { RunManifest, RunOutput, RunTimings } from '../job/run-manifest.ts';
import { RUN_MANIFEST, RUN_TIMINGS, manifestJson, sortOutputs } from '../job/run-manifest.ts';
import type { OutcomesConfig } from '../outcomes/outcomes-config.ts';
import { buildReport } from '../report/build-report.ts';
import { countCells } from '../report/published-lookup.ts';
import { TOOL_VERSION } from '../version.ts';
import type { CliIo } from './cli-io.ts';
import type { LoadedJob } from './run.ts';
import { linkStep, outcomesStep, type RunExtract } from './run-steps.ts';

/*
 * The body of `credlink run`: the steps in order inside the staging folder, then the manifest.
 * Everything written here is a function of the job and the inputs; the clock only reaches
 * run-timings.json.
 */

interface ExecuteArgs {
  loaded: LoadedJob;
  extracts: RunExtract[];
  outcomes: { config: OutcomesConfig; configDir: string };
  staging: string;
  io: CliIo;
  startedAt: Date;
}

/** Every file under `dir` with its checksum, by `/`-separated relative path. */
async function listOutputs(dir: string, prefix = ''): Promise<RunOutput[]> {
  const outputs: RunOutput[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) outputs.push(...(await listOutputs(join(dir, entry.name), rel)));
    else if (rel !== RUN_MANIFEST && rel !== RUN_TIMINGS) {
      outputs.push({ path: rel, ...(await fileDigest(join(dir, entry.name))) });
    }
  }
  return outputs;
}

export async function executeRun(args: ExecuteArgs): Promise<{ manifest: RunManifest; timings: RunTimings; summaryLine: string }> {
  const { loaded, extracts, outcomes, staging, io } = args;
  const { job } = loaded;
  const steps: Record<string, number> = {};
  const stepCount = job.output.report ? 3 : 2;
  const progress = createProgress(io, 'credlink run', stepCount);
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    progress.stage('credlink run', stepCount);
    progress.update(Object.keys(steps).length, name);
    const result = await fn();
    steps[name] = Math.round(performance.now() - t0);
    progress.update(Object.keys(steps).length, name);
    return result;
  };

  const linkageDir = join(staging, 'linkage');
  const schemaPath = job.linkage.schema ? join(loaded.jobDir, job.linkage.schema) : undefined;
  const link = await timed('link', () => linkStep(extracts, job.linkage, schemaPath, linkageDir, io, progress));
  await writeFileAtomic(join(staging, 'linkage-model.json'), manifestJson({ summary: link.summary, model: link.model }));
  // The Dice threshold and levels are recorded as used, defaults included: a job that leaves them out still says what it ran with.
  const linkage = { ...job.linkage, diceThreshold: link.settings.diceThreshold, levels: [...link.settings.levelThresholds] };
  const tablesDir = join(staging, 'tables');
  const out = await timed('outcomes', () =>
    outcomesStep({ extracts, config: outcomes.config, configDir: outcomes.configDir, jobDir: loaded.jobDir, runDir: staging, linkageDir, tablesDir, dp: job.disclosure.epsilon === undefined ? undefined : { epsilon: job.disclosure.epsilon, random: noiseSource(undefined) } }),
  );
  const tables = out.result.tables;
  const round = (n: number) => roundCount(n, outcomes.config.disclosure.roundingBase);
  if (job.output.report) {
    const html = await timed('report', () =>
      buildReport({
        title: job.output.title,
        jobName: job.name,
        description: job.description,
        toolVersion: TOOL_VERSION,
        jobSha256: loaded.jobSha256,
        extracts: extracts.map((e) => ({ source: e.manifest.source, role: e.manifest.role, persons: e.manifest.persons, payloadRows: e.manifest.payloadRows, sha256: e.sha256 })),
        tables,
        linkage: link,
        parameters: { linkage, outcomes: { ...outcomes.config }, disclosure: { ...outcomes.config.disclosure, epsilon: job.disclosure.epsilon } },
        credentialNames: Object.fromEntries(out.catalog.map((c) => [c.code, c.name])),
        population: { holders: out.result.holders, shareFound: out.result.shareFound, foundBy: { spine: round(out.result.holdersByPath.spine), direct: round(out.result.holdersByPath.direct), notFound: round(out.result.holdersByPath.notFound) } },
      }),
    );
    await writeFileAtomic(join(staging, 'report.html'), html);
  }
  if (!job.output.keepLinkage) await rm(linkageDir, { recursive: true, force: true });

  const cells = countCells(tables);
  const links = link.summary.sourcePairs.reduce((n, p) => n + p.links, 0);
  const manifest: RunManifest = {
    credlinkRun: 1,
    toolVersion: TOOL_VERSION,
    job: { file: loaded.jobFile.split(/[\\/]/).pop()!, sha256: loaded.jobSha256, name: job.name, overrides: loaded.overrides.map((o) => o.text) },
    parameters: {
      linkage,
      outcomes: outcomes.config as unknown as Record<string, unknown>,
      disclosure: outcomes.config.disclosure,
      output: job.output,
    },
    inputs: extracts.map((e) => ({
      path: e.jobPath,
      sha256: e.sha256,
      source: e.manifest.source,
      role: e.manifest.role,
      persons: e.manifest.persons,
      payloadRows: e.manifest.payloadRows,
      schemaFingerprint: e.manifest.schemaFingerprint,
      keyCheckValue: e.manifest.keyCheckValue,
    })),
    counts: {
      link: {
        candidatePairs: link.summary.sourcePairs.reduce((n, p) => n + p.candidatePairs, 0),
        links,
        expectedFalseMatches: Math.round(link.summary.sourcePairs.reduce((n, p) => n + p.expectedFalseMatches, 0) * 100) / 100,
        clusters: link.summary.clusters,
      },
      linkedPerSource: Object.fromEntries(link.summary.sources.map((s) => [s.name, s.linked])),
      outcomes: { tables: tables.length, cells: cells.cells, suppressedCells: cells.suppressed },
    },
    outputs: sortOutputs(await listOutputs(staging)),
  };
  const finishedAt = new Date();
  const timings: RunTimings = { startedAt: args.startedAt.toISOString(), finishedAt: finishedAt.toISOString(), steps };
  const summaryLine = `linked ${extracts.length} extracts: ${links} links, ${link.summary.clusters} clusters; ${tables.length} tables, ${cells.cells} cells (${cells.suppressed} suppressed)${job.output.report ? '; report.html written' : ''}`;
  progress.finish();
  return { manifest, timings, summaryLine };
}
