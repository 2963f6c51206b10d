import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, credlink } from '../job/spawn-cli.ts';
import { buildEncodedWorld } from '../job/run-world.ts';

/*
 * Crashes, signals and full disks (issue #16): an interrupted command removes what it began and
 * exits 128 + the signal; a full disk is one sentence and exit 1, with nothing left behind; a
 * FIFO is refused instead of hanging; a missing input is a usage error, not a stack trace.
 * The disk fills through the CREDLINK_TEST_DISK_BYTES hook (src/io/write-failure.ts).
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-crashes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...parts: string[]) => join(dir, ...parts);

beforeAll(async () => {
  await buildEncodedWorld(dir, 200);
  const link = credlink(dir, 'link', 'ex/techcert.extract', 'ex/wages.extract', 'ex/spine.extract', '--schema', 'schema.json', '-o', 'linkage');
  expect(link.code, link.stderr).toBe(0);
}, 120_000);

/** Every file and folder under `d`, hidden ones included. */
function everything(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => [e.name, ...(e.isDirectory() ? everything(join(d, e.name)).map((n) => `${e.name}/${n}`) : [])]);
}
const hidden = () => everything(dir).filter((p) => /(^|\/)\.[^/]+\.(tmp|partial|old)-|\.lock$/.test(p));

function fullDisk(bytes: number, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CREDLINK_TEST_DISK_BYTES: String(bytes) } });
  return { code: r.status, stderr: r.stderr };
}
const hashArgs = (...more: string[]) => ['hash', 'wages.csv', '--schema', 'schema.json', '--mapping', 'mappings/wages.json', '--secret-file', 'secret.key', '--on-invalid', 'reject', ...more];

describe.concurrent('a full disk', () => {
  it.each([
    ['hash', 'full.extract', hashArgs('-o', 'full.extract', '--rejects', 'full.rejects.csv')],
    ['normalize', 'full.csv', ['normalize', '--mapping', 'mappings/wages.json', 'wages.csv', '--on-invalid', 'reject', '-o', 'full.csv']],
    ['synth', 'full-world', ['synth', '--persons', '2000', '-o', 'full-world']],
    ['outcomes', 'full-tables', ['outcomes', '--linkage', 'linkage', '--config', 'outcomes.json', 'ex/techcert.extract', 'ex/wages.extract', '-o', 'full-tables']],
  ])('%s says "no space left on device writing %s", removes what it began and exits 1', (_name, target, args) => {
    const r = fullDisk(20_000, ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`no space left on device writing \\S*${target.replace('.', '\\.')}`));
    expect(r.stderr).not.toContain('internal error');
    if (target.includes('.')) expect(existsSync(at(target))).toBe(false);
    else expect(existsSync(at(target)) ? everything(at(target)).filter((n) => !n.endsWith('/') && !n.match(/^(mappings|truth)$/)) : []).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp-/)]));
    expect(hidden()).toEqual([]);
  });

  it('hash -o - onto a full disk says so and exits 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...hashArgs('-o', '-')], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('no space left on device writing stdout');
    } finally {
      closeSync(full);
    }
  });
});

describe.concurrent('inputs that are not there or not files', () => {
  it('outcomes with a missing extract is a usage error', () => {
    const r = credlink(dir, 'outcomes', '--linkage', 'linkage', '--config', 'outcomes.json', 'ex/techcert.extract', 'ex/nothere.extract', '-o', 'tables-missing');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ex/nothere.extract: it does not exist');
    expect(r.stderr).not.toContain('internal error');
  });

  it('a FIFO as an extract or a CSV is refused, not waited on', () => {
    execFileSync('mkfifo', [at('pipe.extract')]);
    for (const args of [['inspect', 'pipe.extract'], ['link', 'pipe.extract', 'ex/wages.extract', '-o', 'fifo-linkage'], hashArgs('-o', 'x.extract').map((a) => (a === 'wages.csv' ? 'pipe.extract' : a))]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(r.signal, args.join(' ')).toBeNull();
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('not a regular file');
    }
  });
});

function interrupt(signal: NodeJS.Signals, args: string[], watch: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const poll = setInterval(() => {
      if (existsSync(at(watch)) && everything(at(watch)).some((n) => n.includes('.tmp-'))) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr });
    });
  });
}

describe('signals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s removes the partial outputs and exits %i with one line', async (signal, code) => {
    const out = `big-${signal}`;
    const r = await interrupt(signal, ['synth', '--persons', '400000', '-o', out], out);
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^credlink: interrupted \\(${signal}\\); removed \\d+ partial outputs?$`))]);
    expect(everything(at(out)).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }, 120_000);
});
