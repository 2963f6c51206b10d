import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/*
 * Partial outputs: the hidden temp files and staging folders a command writes before renaming them
 * into place. Their names carry the owner (a tag of the host and the pid), so that a later run can
 * tell the leftovers of a killed run (same host, pid gone) from those of a run still going; those
 * of this process are removed on SIGINT/SIGTERM before it exits.
 */

const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const OWNER = `${HOST_TAG}-${process.pid}`;
const PARTIAL_NAME = /^\..+\.(tmp|partial|old)-([0-9a-f]{8})-(\d+)-[0-9a-f]{8}$/;

/** `.NAME.tmp-<host>-<pid>-<random>` beside `target` (kind partial for folders). */
export function partialPathFor(target: string, kind: 'tmp' | 'partial' | 'old'): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${OWNER}-${randomBytes(4).toString('hex')}`);
}

const live = new Set<string>();

export function trackPartial(path: string): void {
  live.add(path);
}

export function untrackPartial(path: string): void {
  live.delete(path);
}

/** Removes every partial output of this process now (synchronously: the process is about to exit). */
export function removeLivePartials(): number {
  const count = live.size;
  for (const path of live) rmSync(path, { recursive: true, force: true });
  live.clear();
  return count;
}

/** Whether `pid` on this host still runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const ownerOf = () => ({ host: HOST_TAG, pid: process.pid });

/** Leftovers in `folder` of runs on this host whose process is gone; removes them and returns their names. */
export async function removeStalePartials(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = PARTIAL_NAME.exec(name);
    if (!match || match[2] !== HOST_TAG) continue;
    const pid = Number(match[3]);
    if (pid === process.pid || processAlive(pid)) continue;
    await rm(join(folder, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
let installed = false;

/**
 * On SIGINT or SIGTERM: remove this run's partial outputs, say so in one line, exit 130 or 143
 * (128 + the signal number, as shells report it). Installed once, by the CLI entry point only.
 */
export function installSignalCleanup(stderr: NodeJS.WritableStream = process.stderr): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
    process.on(signal, () => {
      const removed = removeLivePartials();
      stderr.write(`credlink: interrupted (${signal}); ${removed === 0 ? 'nothing was written' : `removed ${removed} partial output${removed === 1 ? '' : 's'}`}\n`);
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}
