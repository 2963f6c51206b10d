#!/usr/bin/env node
// The whole pipeline on the bundled synthetic world, as the three parties would run it:
// each data holder hashes its own file with the shared secret, the linker links the extracts
// (no secret) and publishes outcome tables with disclosure control.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const world = join(root, 'fixtures', 'world');
const out = join(root, 'demo-out');
const cli = join(root, 'bin', 'credlink.js');

function credlink(args, { show = false } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CREDLINK_LOG_LEVEL: process.env.CREDLINK_LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(`\ndemo: credlink ${args.join(' ')} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
  if (show) process.stdout.write(result.stdout);
  return result.stdout;
}

const step = (text) => process.stderr.write(`\n== ${text}\n`);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'extracts'), { recursive: true });

step('data holders: one shared secret (only its key check value is shown)');
credlink(['keygen', '-o', join(out, 'project.key')], { show: true });

const sources = readdirSync(join(world, 'mappings')).map((f) => f.replace(/\.json$/, '')).sort();
step(`data holders: hash ${sources.join(', ')} on their own machines`);
for (const source of sources) {
  const summary = JSON.parse(
    credlink([
      'hash', '--schema', join(world, 'schema.json'), '--mapping', join(world, 'mappings', `${source}.json`),
      '--secret-file', join(out, 'project.key'), '--rejects', join(out, `${source}.rejects.csv`), '--json',
      join(world, `${source}.csv`), '-o', join(out, 'extracts', `${source}.extract`),
    ]),
  );
  const m = summary.manifest;
  process.stderr.write(`   ${source.padEnd(10)} rows in ${m.rowsIn}, encoded ${summary.rowsEncoded}, rejected ${m.rowsRejected}; persons ${m.persons}\n`);
}

step('linker: credlink run = link (Fellegi-Sunter, no secret) + outcome tables + report');
const job = {
  credlinkJob: 1,
  name: 'demo',
  description: 'The bundled synthetic world: three certification rosters, education and wage records, through a spine.',
  extracts: sources.map((s) => ({ path: `extracts/${s}.extract`, role: s === 'spine' ? 'spine' : undefined })),
  linkage: { schema: '../fixtures/world/schema.json' },
  outcomes: '../fixtures/outcomes.json',
};
writeFileSync(join(out, 'job.json'), `${JSON.stringify(job, null, 2)}\n`);
credlink(['run', join(out, 'job.json'), '-o', join(out, 'run')]);
process.stdout.write(readFileSync(join(out, 'run', 'tables', 'summary.md'), 'utf8'));

process.stderr.write(`\nRun folder: demo-out/run (tables/, report.html, run-manifest.json). Open demo-out/run/report.html in a browser.\n`);
