#!/usr/bin/env node
// Outside check of deduplication: the public fake_1000 sample (first name, surname, birth date,
// e-mail; its `city` is not a schema field) through the real CLI (keygen, hash, link --dedupe,
// evaluate), scored against its `cluster` column. Usage:
//   node scripts/fake-1000-dedupe.mjs [fake_1000.csv] [--threshold P]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const thresholdAt = args.indexOf('--threshold');
const threshold = thresholdAt >= 0 ? args.splice(thresholdAt, 2)[1] : '0.85';
const input = args[0] ?? '/work/shared/data/fake_1000.csv';
const dir = mkdtempSync(join(tmpdir(), 'credlink-fake1000-'));

function credlink(...argv) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'credlink.js'), ...argv], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CREDLINK_LOG_LEVEL: 'error' },
  });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout}${run.stderr}credlink ${argv.join(' ')} failed (exit ${run.status})\n`);
    process.exit(run.status ?? 1);
  }
  return run.stdout;
}

try {
  // Truth in the form credlink evaluate reads: the cluster column is the person.
  const [header, ...lines] = readFileSync(input, 'utf8').trim().split('\n');
  const cols = header.split(',');
  const [id, cluster] = [cols.indexOf('unique_id'), cols.indexOf('cluster')];
  const truth = lines.map((line) => line.split(',')).map((f) => `fake1000,${f[id]},c${f[cluster]}`);
  writeFileSync(join(dir, 'persons.csv'), `source,local_id,person_id\n${truth.join('\n')}\n`);
  credlink('keygen', '-o', 'project.key');
  credlink('hash', '--schema', join(root, 'fixtures', 'world', 'schema.json'), '--mapping', join(root, 'test', 'link', 'fake-1000.mapping.json'), '--secret-file', 'project.key',
    '--on-invalid', 'reject', input, '-o', 'fake1000.extract');
  process.stdout.write(credlink('link', '--dedupe', 'fake1000.extract', '--threshold', threshold, '--schema', join(root, 'fixtures', 'world', 'schema.json'), '-o', 'dedupe'));
  process.stdout.write(credlink('evaluate', 'dedupe', '--truth', 'persons.csv', '--secret-file', 'project.key', '--schema', join(root, 'fixtures', 'world', 'schema.json')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
