/**
 * The package as a user gets it: `npm pack` (prepack builds dist/), install the tarball into a
 * clean prefix without dev dependencies, then run the installed bin from another folder through
 * the whole pipeline on a small synthetic world. The repository is packed from a copy, so the
 * clone never gets a dist/ from a test run; the install prefers the npm cache (offline is enough).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
// Not copied to the staging folder: what a clone holds besides its sources.
const LOCAL_ONLY = new Set(['node_modules', '.git', 'dist', 'demo-out', 'bench-results', 'coverage', 'out']);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The user's environment: none of the test suite's switches, nor the outer npm's package variables. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CREDLINK_LOG_LEVEL: 'warn' };
  delete env.CREDLINK_FROM_SOURCE;
  delete env.INIT_CWD;
  for (const key of Object.keys(env)) if (key.startsWith('npm_package_') || key.startsWith('npm_lifecycle_')) delete env[key];
  return env;
}

function exec(file: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((done) => {
    execFile(file, args, { cwd, env: userEnv(), encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

async function ok(file: string, args: string[], cwd: string): Promise<string> {
  const ran = await exec(file, args, cwd);
  if (ran.code !== 0) throw new Error(`${basename(file)} ${args.join(' ')} exited ${ran.code}:\n${ran.stderr.slice(-3000)}`);
  return ran.stdout;
}

let root: string;
let tarball: string;
let prefix: string;
let bin: string;
let work: string;
let installError: string | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'credlink-pack-'));
  const stage = join(root, 'stage');
  await cp(REPO, stage, { recursive: true, filter: (source) => !LOCAL_ONLY.has(basename(source)) && !basename(source).endsWith('.tgz') });
  // The build tools come from the clone's own install.
  await symlink(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
  await mkdir(join(root, 'packed'));
  await ok('npm', ['pack', '--pack-destination', join(root, 'packed')], stage);
  tarball = join(root, 'packed', `credlink-${VERSION}.tgz`);
  prefix = join(root, 'prefix');
  work = join(root, 'elsewhere');
  await mkdir(prefix);
  await mkdir(work);
  const installed = await exec('npm', ['install', '--prefix', prefix, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], root);
  if (installed.code !== 0) installError = installed.stderr;
  bin = join(prefix, 'node_modules', '.bin', 'credlink');
}, 240_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** An install that failed for want of the network (nothing cached) says so and skips; any other failure fails. */
function requireInstall(skip: (note: string) => void): void {
  if (installError === undefined) return;
  if (/ENOTCACHED|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(installError)) {
    console.warn(`package test skipped: the runtime dependencies are neither in the npm cache nor reachable:\n${installError.slice(-500)}`);
    skip('no npm cache and no network');
  }
  throw new Error(`npm install of the tarball failed:\n${installError.slice(-3000)}`);
}

function listTar(file: string): Promise<string[]> {
  return ok('tar', ['-tzf', file], root).then((out) => out.split('\n').filter(Boolean));
}

describe('the npm package', () => {
  it('ships the build, the bin, types and docs, and no sources, tests, bench, CI or fixture truth', async () => {
    const files = await listTar(tarball);
    for (const wanted of ['package/dist/cli.js', 'package/dist/hash-worker-entry.js', 'package/bin/credlink.js', 'package/types/index.d.ts', 'package/README.md', 'package/LICENSE', 'package/docs/cli-reference.md']) {
      expect(files).toContain(wanted);
    }
    const unwanted = files.filter((f) => /^package\/(src|test|bench|scripts|fixtures|\.ci)\//.test(f) || /truth|\.test\.|bin\/bench/.test(f));
    expect(unwanted).toEqual([]);
  });

  it('installs without dev dependencies and carries the WebAssembly kernel in its build', (ctx) => {
    requireInstall((note) => ctx.skip(note));
    const modules = join(prefix, 'node_modules');
    expect(['tsx', 'esbuild', 'typescript', 'wabt', 'vitest'].filter((dev) => existsSync(join(modules, dev)))).toEqual([]);
    const dist = join(modules, 'credlink', 'dist');
    // "AGFzbQ" is the base64 of the WebAssembly magic number, \0asm.
    expect(readdirSync(dist).some((f) => readFileSync(join(dist, f), 'utf8').includes("'AGFzbQ") || readFileSync(join(dist, f), 'utf8').includes('"AGFzbQ'))).toBe(true);
  });

  it('runs --version, synth, keygen, hash and run from another folder', async (ctx) => {
    requireInstall((note) => ctx.skip(note));
    expect((await ok(bin, ['--version'], work)).trim()).toBe(VERSION);
    expect(await ok(bin, ['hash', '--help'], work)).toMatch(/--secret-file/);

    await ok(bin, ['synth', '--persons', '300', '--seed', '7', '-o', 'world'], work);
    expect(await ok(bin, ['keygen', '-o', 'project.key'], work)).toMatch(/check/i);
    const sources = readdirSync(join(work, 'world', 'mappings')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(sources).toContain('spine');
    await mkdir(join(work, 'extracts'));
    // The data holders hash at once, each on its own machine; wages on two threads, so the
    // build's worker entry (dist/hash-worker-entry.js) is exercised too.
    await Promise.all(sources.map((source) => {
      const threads = source === 'wages' ? ['--workers', '2'] : [];
      return ok(bin, ['hash', '--schema', 'world/schema.json', '--mapping', `world/mappings/${source}.json`, '--secret-file', 'project.key', ...threads, `world/${source}.csv`, '-o', `extracts/${source}.extract`], work);
    }));
    // The build encodes exactly as the sources do.
    const fromSources = await new Promise<Ran>((done) => {
      const args = [join(REPO, 'bin', 'credlink.js'), 'hash', '--schema', 'world/schema.json', '--mapping', 'world/mappings/techcert.json', '--secret-file', 'project.key', 'world/techcert.csv', '-o', 'techcert.sources.extract'];
      execFile(process.execPath, args, { cwd: work, env: { ...userEnv(), CREDLINK_FROM_SOURCE: '1' } }, (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }));
    });
    expect(fromSources.code, fromSources.stderr).toBe(0);
    expect(await readFile(join(work, 'techcert.sources.extract'))).toEqual(await readFile(join(work, 'extracts', 'techcert.extract')));

    const outcomes = JSON.parse(await readFile(join(REPO, 'fixtures', 'outcomes.json'), 'utf8'));
    await writeFile(join(work, 'outcomes.json'), JSON.stringify(outcomes));
    const job = {
      credlinkJob: 1,
      name: 'package-test',
      extracts: sources.map((s) => ({ path: `extracts/${s}.extract`, role: s === 'spine' ? 'spine' : undefined })),
      linkage: { schema: 'world/schema.json' },
      outcomes: 'outcomes.json',
    };
    await writeFile(join(work, 'job.json'), JSON.stringify(job));
    await ok(bin, ['run', 'job.json', '-o', 'run'], work);
    for (const made of ['run-manifest.json', 'report.html', 'tables/summary.md']) expect(existsSync(join(work, 'run', made)), made).toBe(true);
    expect(await readFile(join(work, 'run', 'report.html'), 'utf8')).toMatch(/<svg|<table/);
  }, 180_000);

  it('exposes the module entry to import', async (ctx) => {
    requireInstall((note) => ctx.skip(note));
    const script = "const m = await import('credlink'); console.log(JSON.stringify([m.version, typeof m.main, typeof m.UsageError]));";
    expect(JSON.parse(await ok(process.execPath, ['--input-type=module', '-e', script], prefix))).toEqual([VERSION, 'function', 'function']);
  });

  // skipLibCheck: checking @types/node itself would triple the cost; the consumer's own lines still
  // need every declaration to resolve.
  it('gives a TypeScript consumer its declarations through exports', async (ctx) => {
    requireInstall((note) => ctx.skip(note));
    const consumer = [
      "import { main, version, DataError, type CliIo, type Finding } from 'credlink';",
      'const code: Promise<number> = main([process.execPath, "credlink", "--version"]);',
      'const finding: Finding = { code: "DOB_UNPARSEABLE", line: 2 };',
      '// @ts-expect-error the logger is typed (pino, a runtime dependency), not any',
      "const notALogger: CliIo['logger'] = 42;",
      'export const checks = [code, version, new DataError(finding), notALogger];',
      '',
    ].join('\n');
    await writeFile(join(prefix, 'consumer.mts'), consumer);
    const tsconfig = {
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(REPO, 'node_modules', '@types')], types: ['node'] },
      files: ['consumer.mts'],
    };
    await writeFile(join(prefix, 'tsconfig.json'), JSON.stringify(tsconfig));
    await ok(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], prefix);
  }, 120_000);
});
