import type { Job } from './job-schema.ts';

/*
 * The run manifest says exactly what produced a run folder: tool version, the job file and its
 * hash, each input's checksum, every parameter after defaults and overrides, counts at each
 * step and a checksum of each output. It holds nothing that varies between two runs of the
 * same job on the same inputs: timings and timestamps go to run-timings.json, so that
 * run-manifest.json itself is byte-identical across reruns.
 */

export const RUN_MANIFEST = 'run-manifest.json';
export const RUN_TIMINGS = 'run-timings.json';

export interface RunInput {
  /** As written in the job (relative to the job file). */
  path: string;
  sha256: string;
  source: string;
  role: string;
  persons: number;
  payloadRows: number;
  schemaFingerprint: string;
  keyCheckValue: string;
}

export interface RunOutput {
  path: string;
  sha256: string;
  bytes: number;
}

export interface RunManifest {
  credlinkRun: 1;
  toolVersion: string;
  job: { file: string; sha256: string; name: string; overrides: string[] };
  parameters: {
    linkage: Job['linkage'];
    /** The outcomes configuration after defaults, with the disclosure overrides applied. */
    outcomes: Record<string, unknown>;
    disclosure: Record<string, unknown>;
    output: Job['output'];
  };
  inputs: RunInput[];
  counts: Record<string, Record<string, number>>;
  outputs: RunOutput[];
}

export interface RunTimings {
  /** ISO time the run started; SOURCE_DATE_EPOCH is not applied here on purpose: it is a log. */
  startedAt: string;
  finishedAt: string;
  /** Milliseconds per step. */
  steps: Record<string, number>;
}

/** Outputs in a fixed order (by path), so that the manifest's bytes do not depend on the file system. */
export function sortOutputs(outputs: RunOutput[]): RunOutput[] {
  return [...outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A run folder name from the job and a hash of what it ran on: the same study gets the same folder. */
export function defaultRunFolder(jobName: string, runKey: string): string {
  return `runs/${jobName}-${runKey.slice(0, 10)}`;
}

/** Pretty JSON with a newline: stable because every object is built in a fixed key order. */
export function manifestJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
