import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, credlink } from '../job/spawn-cli.ts';
import { buildEncodedWorld } from '../job/run-world.ts';

/*
 * Outputs that overwrite or mix (issue #16): an existing file or a non-empty folder is replaced
 * only with --force, a symbolic link is never written through, two runs into one folder cannot
 * both succeed, and the leftovers of a killed run are removed by the next one.
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...parts: string[]) => join(dir, ...parts);
const KEY = `${'3a'.repeat(32)}\n`;

beforeAll(async () => {
  await buildEncodedWorld(dir, 200);
  writeFileSync(at('project.key'), KEY, { mode: 0o600 });
  mkdirSync(at('busy'));
  writeFileSync(at('busy', 'notes.txt'), 'mine\n');
}, 120_000);

const hashArgs = (...more: string[]) => ['hash', 'techcert.csv', '--schema', 'schema.json', '--mapping', 'mappings/techcert.json', '--secret-file', 'secret.key', '--on-invalid', 'reject', ...more];
const linkArgs = (...more: string[]) => ['link', 'ex/techcert.extract', 'ex/wages.extract', '--schema', 'schema.json', ...more];

describe.concurrent('files are not overwritten without --force', () => {
  it('normalize -o an existing key file refuses and leaves the key as it was', () => {
    const r = credlink(dir, 'normalize', '--mapping', 'mappings/techcert.json', 'techcert.csv', '-o', 'project.key');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists; choose another path or add --force');
    expect(readFileSync(at('project.key'), 'utf8')).toBe(KEY);
  });

  it('hash -o and --rejects an existing file refuse; --force replaces', () => {
    writeFileSync(at('old.extract'), 'old\n');
    writeFileSync(at('old.rejects.csv'), 'old\n');
    expect(credlink(dir, ...hashArgs('-o', 'old.extract')).code).toBe(2);
    const rejects = credlink(dir, ...hashArgs('-o', 'new.extract', '--rejects', 'old.rejects.csv'));
    expect(rejects.code).toBe(2);
    expect(rejects.stderr).toContain('--rejects old.rejects.csv exists');
    expect(readFileSync(at('old.extract'), 'utf8')).toBe('old\n');
    expect(existsSync(at('new.extract'))).toBe(false);
    const forced = credlink(dir, ...hashArgs('-o', 'old.extract', '--force'));
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(at('old.extract'), 'utf8')).toContain('"t":"m"');
  });

  it('hash -o into a missing folder is a usage error, without a stack trace', () => {
    const r = credlink(dir, ...hashArgs('-o', 'no/such/folder/x.extract'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a symbolic link as -o is refused, and nothing is written where it points', () => {
    writeFileSync(at('victim.csv'), 'victim\n');
    symlinkSync(at('victim.csv'), at('link-to-victim.csv'));
    const r = credlink(dir, 'normalize', '--mapping', 'mappings/techcert.json', 'techcert.csv', '-o', 'link-to-victim.csv', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('symbolic link');
    expect(readFileSync(at('victim.csv'), 'utf8')).toBe('victim\n');
  });
});

describe.concurrent('folders are not mixed', () => {
  it('link -o a non-empty folder refuses; the folder keeps only its own files', () => {
    const r = credlink(dir, ...linkArgs('-o', 'busy'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('busy is not empty');
    expect(readdirSync(at('busy'))).toEqual(['notes.txt']);
  });

  it('link -o a symbolic link to a folder refuses and writes nothing through it', () => {
    mkdirSync(at('elsewhere'));
    symlinkSync(at('elsewhere'), at('linkage-link'));
    const r = credlink(dir, ...linkArgs('-o', 'linkage-link'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('symbolic link');
    expect(readdirSync(at('elsewhere'))).toEqual([]);
  });

  it('link --force replaces a folder whole: no file of the old one is left', () => {
    mkdirSync(at('relink'));
    writeFileSync(at('relink', 'stale.csv'), 'x\n');
    const r = credlink(dir, ...linkArgs('-o', 'relink', '--force'));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(at('relink'))).not.toContain('stale.csv');
    expect(readdirSync(at('relink'))).toContain('clusters.csv');
    expect(readdirSync(dir).filter((n) => n.startsWith('.relink.'))).toEqual([]);
  });

  it('outcomes and evaluate refuse a non-empty folder', () => {
    const link = credlink(dir, ...linkArgs('-o', 'linkage-a'));
    expect(link.code, link.stderr).toBe(0);
    const outcomes = credlink(dir, 'outcomes', '--linkage', 'linkage-a', '--config', 'outcomes.json', 'ex/techcert.extract', 'ex/wages.extract', '-o', 'busy');
    expect(outcomes.code).toBe(2);
    expect(outcomes.stderr).toContain('busy is not empty');
    const evaluate = credlink(dir, 'evaluate', 'linkage-a', '--truth', 'truth/persons.csv', '--secret-file', 'secret.key', '--schema', 'schema.json', '--write-truth-linkage', 'busy');
    expect(evaluate.code).toBe(2);
    expect(evaluate.stderr).toContain('busy is not empty');
    expect(readdirSync(at('busy'))).toEqual(['notes.txt']);
  });
});

function runAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('concurrent runs and the leftovers of killed ones', () => {
  it('two runs into one folder: one succeeds, the other fails on the lock', async () => {
    const [a, b] = await Promise.all([runAsync(['run', 'job.json', '-o', 'runs/same', '--force']), runAsync(['run', 'job.json', '-o', 'runs/same', '--force'])]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    expect((a.code === 1 ? a : b).stderr).toMatch(/being written by another credlink \(pid \d+\)/);
    expect(existsSync(at('runs', 'same', 'run-manifest.json'))).toBe(true);
    expect(readdirSync(at('runs')).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('stale temp files and partial folders of a dead pid on this host are removed, and said so', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const host = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
    mkdirSync(at('stale'));
    writeFileSync(at('stale', `.x.extract.tmp-${host}-${dead}-0badc0de`), 'partial encodings');
    mkdirSync(at('stale', `.run.partial-${host}-${dead}-0badc0de`));
    writeFileSync(at('stale', `.y.extract.tmp-${host}-${process.pid}-0badc0de`), 'a live run');
    const r = credlink(dir, ...hashArgs('-o', 'stale/x.extract'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('removed 2 partial outputs');
    expect(readdirSync(at('stale')).sort()).toEqual([`.y.extract.tmp-${host}-${process.pid}-0badc0de`, 'x.extract']);
  });
});
