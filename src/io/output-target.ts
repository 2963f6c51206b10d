import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataError, UsageError } from '../errors/errors.ts';
import { safePath } from '../errors/redact.ts';
import { ownerOf, partialPathFor, processAlive, removeStalePartials, trackPartial, untrackPartial } from './partial-outputs.ts';
import { writeFailure } from './write-failure.ts';

/*
 * Where a command may write. An existing file or a non-empty folder is replaced only with --force
 * (normalize -o project.key used to overwrite the key); a symbolic link is never written through;
 * a folder is built in a hidden staging folder and renamed into place, under a lock file naming
 * the pid that holds it, so two runs into one folder cannot mix or silently replace each other.
 */

export interface TargetOptions {
  force?: boolean;
  /** The flag that named the target, for messages (-o, --rejects, ...). */
  flag?: string;
  /** Told about leftovers of killed runs removed beside the target. */
  notice?: (line: string) => void;
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot use ${safePath(path)}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

async function requireParentFolder(target: string, flag: string): Promise<void> {
  const parent = dirname(target);
  const info = await stat(parent).catch(() => undefined);
  if (!info) throw new UsageError(`${flag} ${safePath(target)}: the folder ${safePath(parent)} does not exist; create it first`);
  if (!info.isDirectory()) throw new UsageError(`${flag} ${safePath(target)}: ${safePath(parent)} is not a folder`);
}

async function cleanStale(folder: string, notice: TargetOptions['notice']): Promise<void> {
  const removed = await removeStalePartials(folder);
  if (removed.length > 0) notice?.(`removed ${removed.length} partial output${removed.length === 1 ? '' : 's'} left in ${safePath(folder)} by killed runs (${removed.join(', ')})`);
}

/** Checks a file output before any work starts; '-' (stdout) always passes. */
export async function claimFileTarget(target: string, options: TargetOptions = {}): Promise<void> {
  if (target === '-') return;
  const flag = options.flag ?? '-o';
  await requireParentFolder(target, flag);
  const info = await lstatOrUndefined(target);
  if (info?.isSymbolicLink()) throw new UsageError(`${flag} ${safePath(target)} is a symbolic link; credlink never writes through one: remove it or choose another path`);
  if (info && !info.isFile()) throw new UsageError(`${flag} ${safePath(target)} exists and is not a regular file`);
  if (info && !options.force) throw new UsageError(`${flag} ${safePath(target)} exists; choose another path or add --force to replace it`);
  await cleanStale(dirname(target), options.notice);
}

const lockPathOf = (target: string) => join(dirname(target), `.${basename(target)}.lock`);

/** Takes `.NAME.lock` beside the target (host and pid inside); a lock left by a dead pid on this host is taken over. */
async function takeLock(target: string, notice: TargetOptions['notice']): Promise<string> {
  const path = lockPathOf(target);
  const me = ownerOf();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx', mode: 0o600 });
      trackPartial(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(error, path);
    }
    const holder = await readFile(path, 'utf8').then((t) => JSON.parse(t) as { host?: string; pid?: number }, () => ({}) as { host?: string; pid?: number });
    const sameHost = holder.host === me.host;
    if (sameHost && typeof holder.pid === 'number' && !processAlive(holder.pid)) {
      await rm(path, { force: true });
      notice?.(`removed the lock ${safePath(path)} of a killed run (pid ${holder.pid})`);
      continue;
    }
    const who = typeof holder.pid === 'number' ? `pid ${holder.pid}${sameHost ? '' : ' on another host'}` : 'another process';
    throw new DataError({ code: 'OUTPUT_LOCKED', file: target }, `${safePath(target)} is being written by another credlink (${who}); wait for it to finish, or remove ${safePath(path)} if that run is gone`);
  }
  throw new DataError({ code: 'OUTPUT_LOCKED', file: target }, `cannot take the lock ${safePath(path)}`);
}

export interface StagedFolder {
  /** Where to write: a hidden folder beside the target until commit(). */
  dir: string;
  /** Renames the staging folder into place (replacing the old target under --force) and releases the lock. */
  commit(): Promise<void>;
  /** Removes the staging folder and the lock; the target is left as it was. */
  abort(): Promise<void>;
}

export interface FolderOptions extends TargetOptions {
  /** Mode of the folder (0700 for anything holding identifiers or links). */
  mode?: number;
  /** With --force, refuses to replace a folder this says is not one of ours (returns why). */
  replaceable?: (entries: string[]) => string | undefined;
}

/** Claims a folder output and opens its staging folder. */
export async function stageFolder(target: string, options: FolderOptions = {}): Promise<StagedFolder> {
  const flag = options.flag ?? '-o';
  const info = await lstatOrUndefined(target);
  if (info?.isSymbolicLink()) throw new UsageError(`${flag} ${safePath(target)} is a symbolic link; credlink never writes through one: remove it or choose another folder`);
  if (info && !info.isDirectory()) throw new UsageError(`${flag} ${safePath(target)} exists and is not a folder`);
  const entries = info ? await readdir(target) : [];
  if (entries.length > 0) {
    if (!options.force) throw new UsageError(`${flag} ${safePath(target)} is not empty; choose another folder or add --force to replace it`);
    const why = options.replaceable?.(entries);
    if (why) throw new UsageError(`${flag} ${safePath(target)}: ${why}`);
  }
  await mkdir(dirname(target), { recursive: true });
  const lock = await takeLock(target, options.notice);
  const dir = partialPathFor(target, 'partial');
  try {
    await cleanStale(dirname(target), options.notice);
    trackPartial(dir);
    await mkdir(dir, { mode: options.mode ?? 0o755 });
  } catch (error) {
    await releaseLock(lock);
    throw writeFailure(error, target);
  }
  return {
    dir,
    async commit() {
      try {
        const old = partialPathFor(target, 'old');
        const replacing = (await lstatOrUndefined(target)) !== undefined;
        if (replacing) {
          trackPartial(old);
          await rename(target, old);
        }
        await rename(dir, target);
        untrackPartial(dir);
        if (replacing) await rm(old, { recursive: true, force: true });
        untrackPartial(old);
      } finally {
        await releaseLock(lock);
      }
    },
    async abort() {
      await rm(dir, { recursive: true, force: true });
      untrackPartial(dir);
      await releaseLock(lock);
    },
  };
}

async function releaseLock(path: string): Promise<void> {
  await rm(path, { force: true });
  untrackPartial(path);
}

/** Runs `write` into a staged folder: committed when it succeeds, removed when it throws. */
export async function writeStagedFolder<T>(target: string, options: FolderOptions, write: (dir: string) => Promise<T>): Promise<T> {
  const staged = await stageFolder(target, options);
  try {
    const result = await write(staged.dir);
    await staged.commit();
    return result;
  } catch (error) {
    await staged.abort();
    throw error;
  }
}
