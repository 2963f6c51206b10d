import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from '../hash/in-process.ts';
import { buildEncodedWorld } from '../job/run-world.ts';
import { BIN, credlink } from '../job/spawn-cli.ts';

/*
 * The conventions of docs/cli.md, each checked on the real CLI as a subprocess on a small
 * synthetic world (300 persons, encoded in-process to keep the setup fast).
 */

const dir = mkdtempSync(join(tmpdir(), 'credlink-cli-'));
const at = (...parts: string[]) => join(dir, ...parts);
const hashArgs = (source: string) => ['hash', '--schema', 'schema.json', '--mapping', `mappings/${source}.json`, '--secret-file', 'secret.key', '--on-invalid', 'reject', `${source}.csv`];

function withStdin(input: string | Buffer, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await buildEncodedWorld(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('-o -', () => {
  it('streams the normalized CSV of normalize to stdout and writes no file named -', () => {
    const run = credlink(dir, 'normalize', '--mapping', 'mappings/techcert.json', '--on-invalid', 'reject', 'techcert.csv', '-o', '-');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^person_id,/);
    expect(run.stdout.split('\n').length).toBeGreaterThan(50);
    expect(run.stderr).toMatch(/normalize techcert\.csv: \d+ rows in = \d+ out \+ \d+ rejected/);
    expect(existsSync(at('-'))).toBe(false);
  });

  it('refuses keygen -o - without printing or writing the secret', () => {
    const run = credlink(dir, 'keygen', '-o', '-');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('-o - is not possible here');
    expect(run.stdout).toBe('');
    expect(existsSync(at('-'))).toBe(false);
  });

  it('refuses every folder output and identifier side file given as -', async () => {
    const refused: string[][] = [
      ['link', at('ex/techcert.extract'), at('ex/spine.extract'), '-o', '-'],
      ['merge', at('part0'), '-o', '-'],
      ['synth', '--persons', '10', '-o', '-'],
      ['outcomes', '--linkage', at('linkage'), '--config', at('outcomes.json'), at('ex/techcert.extract'), '-o', '-'],
      ['run', at('job.json'), '-o', '-'],
      ['evaluate', at('linkage'), '--truth', at('truth/persons.csv'), '--secret-file', at('secret.key'), '--write-truth-linkage', '-'],
      ['normalize', '--mapping', at('mappings/techcert.json'), '--rejects', '-', at('techcert.csv'), '-o', at('n.csv')],
      [...hashArgs('techcert').map((a) => (a.endsWith('.json') || a.endsWith('.csv') || a.endsWith('.key') ? at(a) : a)), '--rejects', '-', '-o', at('t.extract')],
      ['sign', '--new-key', '-'],
      ['init', 'issuer', '-'],
    ];
    for (const args of refused) {
      const run = await runInProcess(args);
      expect(run.stderr, args.join(' ')).toMatch(/ - is not possible here/);
      expect(run.code, args.join(' ')).toBe(2);
    }
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
  });
});

describe('flags', () => {
  it('reports an unknown flag before a missing required one', () => {
    const run = credlink(dir, 'hash', '--jsn', 'x.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--jsn'");
    expect(run.stderr).not.toContain('required option');
  });

  it('still reports a missing required option when every flag is known', async () => {
    const run = await runInProcess(['hash', at('techcert.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--schema <file>' not specified");
  });

  it('names the output -o/--output on every command and keeps --out as a hidden alias', async () => {
    const help = credlink(dir, 'synth', '--help');
    expect(help.stdout).toContain('-o, --output <dir>');
    expect(help.stdout).not.toContain('--out ');
    expect(help.stdout).toMatch(/Global Options:[\s\S]*--log-format[\s\S]*--quiet/);
    const viaAlias = await runInProcess(['synth', '--persons', '20', '--out', at('alias-world')]);
    expect(viaAlias.code).toBe(0);
    expect(existsSync(at('alias-world', 'spine.csv'))).toBe(true);
  });
});

describe('files', () => {
  it('says which file does not exist, with exit 2', () => {
    const inspect = credlink(dir, 'inspect', 'nope.extract');
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toMatch(/^credlink: .*nope\.extract.* does not exist\n$/);
    const hash = credlink(dir, 'hash', '--schema', 'missing-schema.json', '--mapping', 'mappings/techcert.json', '--secret-file', 'secret.key', 'techcert.csv', '-o', 'x.extract');
    expect(hash.code).toBe(2);
    expect(hash.stderr).toContain('missing-schema.json does not exist');
    expect(hash.stderr).not.toContain('ENOENT');
  });

  it('reads stdin for inspect - and validate -', () => {
    const inspect = withStdin(readFileSync(at('ex/techcert.extract')), 'inspect', '-', '--json');
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.stdout).extracts[0]).toMatchObject({ file: '<stdin>', checksum: 'ok', manifest: { source: 'techcert' } });
    const validate = withStdin(readFileSync(at('job.json')), 'validate', '-');
    expect(validate.stdout).toBe('<stdin>: ok (job)\n');
    expect(validate.code).toBe(0);
  });

  it('gives line and column of a JSON syntax error and never quotes the file', () => {
    writeFileSync(at('broken-job.json'), '{\n  "credlinkJob": 1,\n  "name": "s3cr3t-token-value" "x"\n}\n');
    for (const args of [['run', 'broken-job.json'], ['validate', 'broken-job.json']]) {
      const run = credlink(dir, ...args);
      expect(run.code, args[0]).toBe(1);
      expect(run.stderr, args[0]).toMatch(/broken-job\.json: .*not valid JSON at line 3, column 32/);
      expect(run.stderr, args[0]).not.toContain('s3cr3t');
    }
  });
});

describe('--json and exit codes', () => {
  it('run --json prints the run folder and counts; the manifest records the Dice threshold and levels', () => {
    const run = credlink(dir, 'run', 'job.json', '-o', 'runs/a', '--json');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.runFolder).toBe('runs/a');
    expect(summary.counts.link.links).toBeGreaterThan(100);
    expect(summary.outputs).toContain('report.html');
    const manifest = JSON.parse(readFileSync(at('runs/a/run-manifest.json'), 'utf8'));
    expect(manifest.parameters.linkage).toMatchObject({ method: 'fs', diceThreshold: 0.5, levels: [0.6, 0.75, 0.9, 1] });
  }, 120_000);

  it('diff --exit-code is 0 for identical runs and 1 when they differ', () => {
    const same = credlink(dir, 'diff', '--exit-code', 'runs/a', 'runs/a');
    expect(same.code).toBe(0);
    expect(credlink(dir, 'run', 'job.json', '-o', 'runs/threshold', '--set', 'linkage.method=threshold').code).toBe(0);
    const differ = credlink(dir, 'diff', '--exit-code', '--json', 'runs/a', 'runs/threshold');
    expect(differ.code).toBe(1);
    expect(JSON.parse(differ.stdout).differ).toBe(true);
    expect(differ.stderr).toContain('RUNS_DIFFER');
    expect(credlink(dir, 'diff', 'runs/a', 'runs/threshold').code).toBe(0);
  }, 180_000);

  it('links about as many pairs with the Dice baseline as with Fellegi-Sunter (not a fifth as at 0.85)', () => {
    const fs = JSON.parse(readFileSync(at('runs/a/run-manifest.json'), 'utf8'));
    const threshold = JSON.parse(readFileSync(at('runs/threshold/run-manifest.json'), 'utf8'));
    expect(threshold.parameters.linkage).toMatchObject({ method: 'threshold', diceThreshold: 0.5 });
    expect(threshold.counts.link.links).toBeGreaterThan(0.85 * fs.counts.link.links);
  });

  it('validate --json lists each file with its findings and keeps exit 1 for a problem', () => {
    writeFileSync(at('bad-outcomes.json'), JSON.stringify({ credlinkOutcomes: 1, catalog: 'c.json', employers: 'e.csv', disclosure: { minCell: 0 } }));
    const run = credlink(dir, 'validate', '--json', 'job.json', 'bad-outcomes.json');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(false);
    expect(out.files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([['job.json', true], ['bad-outcomes.json', false]]);
    expect(out.files[1].findings[0]).toMatchObject({ code: 'CONFIG_INVALID', field: '$.disclosure.minCell' });
  });

  it('init --json lists the files it created', async () => {
    const run = await runInProcess(['init', 'issuer', at('issuer-folder'), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ role: 'issuer', dir: at('issuer-folder') });
    expect(out.files).toContain(at('issuer-folder', 'mapping.json'));
  });
});

describe('logs', () => {
  beforeAll(() => {
    writeFileSync(at('open.key'), `${'3a'.repeat(32)}\n`);
    chmodSync(at('open.key'), 0o644);
  });
  const openKeyHash = (...extra: string[]) => credlink(dir, ...hashArgs('techcert').map((a) => (a === 'secret.key' ? 'open.key' : a)), ...extra);

  it('prints warnings as readable lines by default', () => {
    const run = openKeyHash('-o', 'w1.extract');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('credlink: warning: the secret file is readable by other users; restrict it with chmod 600 (file=open.key, mode=644)');
    expect(run.stderr).not.toContain('"level"');
  });

  it('prints JSON lines with --log-format json', () => {
    const run = openKeyHash('-o', 'w2.extract', '--log-format', 'json');
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stderr.trim().split('\n')[0]);
    expect(line).toMatchObject({ level: 40, file: 'open.key', mode: '644' });
  });

  it('--quiet leaves only the data: no warning, no summary on stderr', () => {
    const run = openKeyHash('-o', '-', '--quiet');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n').at(-1)).toContain('"t":"m"');
  });

  it('--verbose adds debug messages; with --quiet it is a usage error', () => {
    const run = credlink(dir, '--verbose', ...hashArgs('wages'), '-o', 'w3.extract');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('credlink: debug: rows repeating a person id');
    expect(credlink(dir, 'inspect', 'w3.extract', '--quiet', '--verbose').code).toBe(2);
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('progress on a terminal', () => {
  /** Runs the CLI under script(1), which gives it a pseudo-terminal as stderr. */
  function onTty(...args: string[]): string {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;
  }

  it('shows hash rows and link stages with counts on a terminal, and nothing when piped', () => {
    const hash = onTty(...hashArgs('wages'), '-o', 'tty.extract');
    expect(hash).toMatch(/\r\x1b\[Khash wages\.csv [\d,]+ rows/);
    const link = onTty('link', 'ex/techcert.extract', '--spine', 'ex/spine.extract', '--schema', 'schema.json', '-o', 'tty-linkage');
    expect(link).toMatch(/link: reading ex\/spine\.extract \[[#-]+\] \d+% [\d,]+\/[\d,]+ persons of spine/);
    expect(link).toMatch(/link \(source pairs\) \[[#-]+\] 0% 0\/1 spine ~ techcert: fitting m and u on [\d,]+ candidate pairs/);
    const piped = credlink(dir, 'link', 'ex/techcert.extract', '--spine', 'ex/spine.extract', '--schema', 'schema.json', '-o', 'piped-linkage');
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('\r');
  });
});
