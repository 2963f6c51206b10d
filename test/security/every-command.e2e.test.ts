import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runInProcess } from '../hash/in-process.ts';
import type { CliResult } from '../hash/run-cli.ts';
import { BIN } from '../job/spawn-cli.ts';
import { identifierNeedles, identifiersIn, pseudonymsOf, secretForms } from './needles.ts';

/*
 * Every subcommand that touches data, run once on a small synthetic world with a known secret.
 * Afterwards every file written, stdout and stderr are searched for the secret (raw, hex, base64,
 * base64url); the linker's outputs for plaintext identifiers and pseudonyms; and the files holding
 * identifiers or record-level links for owner-only modes. Most commands run in-process (fast);
 * one of each family (holder, linker, tools) runs as a real subprocess.
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-every-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...parts: string[]) => join(dir, ...parts);
const SOURCES = ['spine', 'nurseboard', 'techcert', 'education', 'wages'] as const;
// Known to the test only: no golden vector uses it, so a hit cannot be a coincidence.
const SECRET = createHash('sha256').update('credlink every-command safe-handling test').digest();

interface Run extends CliResult {
  args: string[];
  linkerSide: boolean;
}
const runs: Run[] = [];

async function cli(args: string[], { linkerSide = false, stdin }: { linkerSide?: boolean; stdin?: string } = {}): Promise<Run> {
  const r = { ...(await runInProcess(args, stdin)), args, linkerSide };
  runs.push(r);
  return r;
}

function spawn(args: string[], { linkerSide = false, stdin, env = {} }: { linkerSide?: boolean; stdin?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const p = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input: stdin, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const r = { code: p.status, stdout: p.stdout, stderr: p.stderr, args, linkerSide };
  runs.push(r);
  return r;
}

const ok = (r: Run) => expect(r.code, `credlink ${r.args.join(' ')}\n${r.stderr}`).toBe(0);

function filesUnder(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(d, e.name)) : [join(d, e.name)]));
}
function dirsUnder(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(d, e.name), ...dirsUnder(join(d, e.name))] : []));
}

const hashArgs = (source: string, input = at('world', `${source}.csv`)) => [
  'hash', input, '--schema', at('world', 'schema.json'), '--mapping', at('world', 'mappings', `${source}.json`),
];

beforeAll(async () => {
  mkdirSync(at('holder'));
  mkdirSync(at('linker'));
  ok(await cli(['synth', '--persons', '300', '--seed', '11', '-o', at('world')]));
  writeFileSync(at('holder', 'project.key'), `${SECRET.toString('hex')}\n`, { mode: 0o600 });
  ok(await cli(['keygen', '-o', at('holder', 'keygen.key')]));

  // A holder's file with one row the normalizer must set aside (no person id) and one invalid date.
  const bad = at('holder', 'techcert-bad.csv');
  copyFileSync(at('world', 'techcert.csv'), bad);
  appendFileSync(bad, 'TC999999991,Zebulon,,Quixtwelve,13/45/1981,zebulon.quixtwelve@example.org,6145550101,43240,DS-SUP,2020-02-21,pass,2020-02-25,2023-02-25\n');
  appendFileSync(bad, ',Yolanda,,Prattlewick,01/02/1983,yolanda.prattlewick@example.org,6145550102,43240,DS-SUP,2020-02-21,pass,2020-02-25,2023-02-25\n');
  const techMapping = at('world', 'mappings', 'techcert.json');
  expect((await cli(['normalize', bad, '--mapping', techMapping, '-o', at('holder', 'fail.csv')])).code).toBe(1);
  ok(await cli(['normalize', bad, '--mapping', techMapping, '-o', at('holder', 'techcert.normalized.csv'), '--rejects', at('holder', 'normalize.rejects.csv'), '--profile', at('holder', 'profile.json')]));
  expect((await cli([...hashArgs('techcert', bad), '--secret-file', at('holder', 'project.key'), '-o', at('holder', 'fail.extract')])).code).toBe(1);
  ok(await cli([...hashArgs('techcert', bad), '--secret-file', at('holder', 'project.key'), '--rejects', at('holder', 'hash.rejects.csv'), '-o', at('holder', 'techcert-bad.extract')]));

  mkdirSync(at('linker', 'ex'));
  const extract = (s: string) => at('linker', 'ex', `${s}.extract`);
  // The secret from stdin, through a real pipe into a real process.
  ok(spawn([...hashArgs('spine'), '--secret-file', '-', '--on-invalid', 'reject', '-o', extract('spine')], { stdin: `${SECRET.toString('hex')}\n` }));
  for (const s of SOURCES.filter((x) => x !== 'spine')) {
    ok(await cli([...hashArgs(s), '--secret-file', at('holder', 'project.key'), '--on-invalid', 'reject', '--rejects', at('holder', `${s}.rejects.csv`), '-o', extract(s)]));
  }
  ok(await cli(['sign', '--new-key', at('holder', 'holder.sign.key')]));
  ok(await cli(['sign', '--signing-key', at('holder', 'holder.sign.key'), ...SOURCES.map(extract)]));
  ok(await cli(['verify', '--public-key', at('holder', 'holder.sign.key.pub'), ...SOURCES.map(extract)], { linkerSide: true }));

  const extracts = SOURCES.map(extract);
  ok(spawn(['inspect', '--leakage', ...extracts], { linkerSide: true }));
  ok(await cli(['inspect', '--json', ...extracts], { linkerSide: true }));
  ok(await cli(['link', ...extracts, '--schema', at('world', 'schema.json'), '-o', at('linker', 'linkage')], { linkerSide: true }));
  ok(await cli(['link', ...extracts, '--schema', at('world', 'schema.json'), '--shard', '0/2', '-o', at('linker', 'parts', '0')], { linkerSide: true }));
  ok(await cli(['link', ...extracts, '--schema', at('world', 'schema.json'), '--shard', '1/2', '-o', at('linker', 'parts', '1')], { linkerSide: true }));
  ok(await cli(['merge', at('linker', 'parts', '0'), at('linker', 'parts', '1'), '-o', at('linker', 'merged')], { linkerSide: true }));
  // evaluate needs the secret (a holder or a synthetic test runs it), so its output is not linker-side.
  ok(await cli(['evaluate', at('linker', 'linkage'), '--truth', at('world', 'truth', 'persons.csv'), '--secret-file', '-', '--schema', at('world', 'schema.json'), '--write-truth-linkage', at('holder', 'truth-linkage')], { stdin: SECRET.toString('hex') }));

  writeFileSync(at('linker', 'outcomes.json'), JSON.stringify({ credlinkOutcomes: 1, catalog: '../world/catalog.json', employers: '../world/employers.csv', disclosure: { minCell: 5, minPercentileCell: 11 } }));
  ok(await cli(['outcomes', '--linkage', at('linker', 'linkage'), '--config', at('linker', 'outcomes.json'), '-o', at('linker', 'outcomes'), ...extracts], { linkerSide: true }));
  const job = { credlinkJob: 1, name: 'safe', extracts: SOURCES.map((s) => ({ path: `ex/${s}.extract`, role: s === 'nurseboard' || s === 'techcert' ? 'roster' : s })), linkage: { schema: '../world/schema.json' }, outcomes: 'outcomes.json' };
  writeFileSync(at('linker', 'job.json'), JSON.stringify(job, null, 2));
  ok(await cli(['validate', at('linker', 'job.json'), at('world', 'schema.json'), at('world', 'mappings', 'wages.json')], { linkerSide: true }));
  ok(spawn(['run', 'linker/job.json', '-o', 'linker/runs/a'], { linkerSide: true }));
  ok(await cli(['run', at('linker', 'job.json'), '--set', 'linkage.threshold=0.9', '-o', at('linker', 'runs', 'b')], { linkerSide: true }));
  ok(await cli(['diff', at('linker', 'runs', 'a'), at('linker', 'runs', 'b')], { linkerSide: true }));
  ok(await cli(['diff', '--json', at('linker', 'runs', 'a'), at('linker', 'runs', 'b')], { linkerSide: true }));
  ok(await cli(['readiness', at('world', 'techcert.csv'), '--mapping', techMapping, '--persons', '200']));
  ok(await cli(['init', 'linker', at('scaffold')]));
}, 120_000);

describe('every command, safe handling', () => {
  it('writes the secret nowhere but its key file: no file, stdout or stderr holds it raw, in hex, base64 or base64url', () => {
    const keygenSecret = Buffer.from(readFileSync(at('holder', 'keygen.key'), 'utf8').trim(), 'hex');
    expect(keygenSecret.length).toBe(32);
    const keyFiles = new Set([at('holder', 'project.key'), at('holder', 'keygen.key')]);
    const files = filesUnder(dir).filter((f) => !keyFiles.has(f));
    expect(files.length).toBeGreaterThan(40);
    for (const secret of [SECRET, keygenSecret]) {
      const forms = secretForms(secret);
      for (const file of files) {
        const bytes = readFileSync(file);
        expect(bytes.includes(secret), `raw secret in ${relative(dir, file)}`).toBe(false);
        const text = bytes.toString('latin1');
        for (const form of forms) expect(text.includes(form), `${form} in ${relative(dir, file)}`).toBe(false);
      }
      for (const r of runs) for (const form of forms) expect(r.stdout + r.stderr, r.args.join(' ')).not.toContain(form);
    }
  });

  it("leaves no plaintext identifier and no pseudonym in the linker's outputs (linkage folders aside)", () => {
    const needles = identifierNeedles(at('world'), SOURCES, { csv: at('holder', 'techcert-bad.csv'), source: 'techcert' });
    expect(needles.length).toBeGreaterThan(500);
    const pseudonyms = pseudonymsOf(at('linker', 'linkage', 'clusters.csv'));
    expect(pseudonyms.length).toBeGreaterThan(100);
    const linkage = /\/(linkage|merged|parts)(\/|$)/;
    const linkerFiles = filesUnder(at('linker')).filter((f) => !linkage.test(relative(dir, f)) && !f.endsWith('.extract'));
    expect(linkerFiles.some((f) => f.endsWith('report.html'))).toBe(true);
    expect(linkerFiles.some((f) => f.endsWith('run-manifest.json'))).toBe(true);
    const texts = [
      ...linkerFiles.map((f) => ({ where: relative(dir, f), text: readFileSync(f, 'utf8') })),
      ...runs.filter((r) => r.linkerSide).map((r) => ({ where: `output of credlink ${r.args[0]}`, text: r.stdout + r.stderr })),
    ];
    // Extracts cross to the linker too: identifiers must not be in them (pseudonyms are, by design).
    const extracts = filesUnder(at('linker', 'ex')).filter((f) => f.endsWith('.extract')).map((f) => ({ where: relative(dir, f), text: readFileSync(f, 'utf8') }));
    for (const { where, text } of [...texts, ...extracts]) {
      expect(identifiersIn(text, needles).map((n) => `${n.kind} ${n.value}`), where).toEqual([]);
    }
    for (const { where, text } of texts) for (const p of pseudonyms) expect(text.includes(p), `pseudonym ${p} in ${where}`).toBe(false);
  });

  it("keeps identifiers out of the errors of fail mode (a holder's stderr may be pasted into a ticket)", () => {
    const failed = runs.filter((r) => r.code === 1);
    expect(failed.length).toBe(2);
    for (const r of failed) {
      expect(r.stderr).toMatch(/PERSON_ID_MISSING/);
      for (const id of ['Yolanda', 'Prattlewick', 'yolanda.prattlewick', '6145550102', '01/02/1983', '1983-01-02']) expect(r.stderr).not.toContain(id);
    }
  });

  it('creates files with identifiers or record-level links owner-only, and their folders 0700', () => {
    const ownerOnly = [
      at('holder', 'keygen.key'), at('holder', 'holder.sign.key'),
      at('holder', 'techcert.normalized.csv'), at('holder', 'normalize.rejects.csv'), at('holder', 'hash.rejects.csv'),
      ...SOURCES.filter((s) => s !== 'spine').map((s) => at('holder', `${s}.rejects.csv`)),
      at('holder', 'techcert-bad.extract'), ...SOURCES.map((s) => at('linker', 'ex', `${s}.extract`)),
      ...SOURCES.map((s) => at('world', `${s}.csv`)), ...filesUnder(at('world', 'truth')),
    ];
    const linkageFolders = [at('linker', 'linkage'), at('linker', 'merged'), at('linker', 'parts', '0'), at('linker', 'parts', '1'), at('linker', 'runs', 'a', 'linkage'), at('linker', 'runs', 'b', 'linkage'), at('holder', 'truth-linkage')];
    for (const folder of linkageFolders) {
      ownerOnly.push(...filesUnder(folder));
      for (const d of [folder, ...dirsUnder(folder)]) expect(statSync(d).mode & 0o777, relative(dir, d)).toBe(0o700);
    }
    expect(ownerOnly.length).toBeGreaterThan(30);
    for (const file of ownerOnly) expect(statSync(file).mode & 0o777, relative(dir, file)).toBe(0o600);
  });

  it('takes the secret from neither argv nor the environment', async () => {
    const hex = SECRET.toString('hex');
    const flag = await cli([...hashArgs('techcert'), '--secret', hex, '-o', at('holder', 'argv.extract')]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--secret'/);
    const env = { CREDLINK_SECRET: hex, CREDLINK_SECRET_FILE: at('holder', 'project.key'), CREDLINK_KEY: hex, SECRET: hex };
    const fromEnv = spawn([...hashArgs('techcert'), '-o', 'holder/env.extract'], { env });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/--secret-file is required/);
    for (const r of [flag, fromEnv]) expect(r.stdout + r.stderr).not.toContain(hex);
    expect(readdirSync(at('holder')).filter((f) => f.startsWith('argv') || f.startsWith('env'))).toEqual([]);
  });
});
