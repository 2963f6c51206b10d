import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { externalReferences } from '../report/external-references.ts';
import { buildEncodedWorld } from './run-world.ts';
import { credlink } from './spawn-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'credlink-run-'));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function filesUnder(root: string, sub = ''): string[] {
  return readdirSync(join(root, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, join(sub, e.name)) : [relative(root, join(root, sub, e.name))],
  );
}

let first: ReturnType<typeof credlink>;
beforeAll(async () => {
  await buildEncodedWorld(dir);
  first = credlink(dir, 'run', 'job.json', '-o', 'runs/a');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credlink run', () => {
  it('writes tables, report, model summary, linkage and manifest into the run folder', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/linked 5 extracts: \d+ links/);
    const files = filesUnder(join(dir, 'runs/a'));
    for (const f of ['run-manifest.json', 'run-timings.json', 'report.html', 'linkage-model.json', 'tables/employment.json', 'tables/trajectory.csv', 'linkage/clusters.csv']) expect(files).toContain(f);
    expect(statSync(join(dir, 'runs/a/linkage/clusters.csv')).mode & 0o077).toBe(0);
  });

  it('records the job hash, input checksums, parameters after defaults and every output', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'runs/a/run-manifest.json'), 'utf8'));
    expect(manifest.job).toEqual({ file: 'job.json', sha256: sha256(join(dir, 'job.json')), name: 'e2e', overrides: [] });
    expect(manifest.inputs.map((i: { path: string; sha256: string }) => [i.path, i.sha256])).toEqual(
      ['spine', 'nurseboard', 'techcert', 'education', 'wages'].map((s) => [`ex/${s}.extract`, sha256(join(dir, 'ex', `${s}.extract`))]),
    );
    expect(manifest.parameters.linkage).toMatchObject({ method: 'fs', threshold: 'auto' });
    expect(manifest.parameters.disclosure).toMatchObject({ minCell: 5, minPercentileCell: 11, roundingBase: 5 });
    expect(manifest.counts.link.links).toBeGreaterThan(0);
    const report = manifest.outputs.find((o: { path: string }) => o.path === 'report.html');
    expect(report.sha256).toBe(sha256(join(dir, 'runs/a/report.html')));
    const timings = JSON.parse(readFileSync(join(dir, 'runs/a/run-timings.json'), 'utf8'));
    expect(Object.keys(timings.steps)).toEqual(['link', 'outcomes', 'report']);
  });

  it('gives byte-identical files on a rerun, except run-timings.json', () => {
    const again = credlink(dir, 'run', 'job.json', '-o', 'runs/b');
    expect(again.code).toBe(0);
    const files = filesUnder(join(dir, 'runs/a')).filter((f) => f !== 'run-timings.json').sort();
    expect(filesUnder(join(dir, 'runs/b')).filter((f) => f !== 'run-timings.json').sort()).toEqual(files);
    for (const f of files) expect(sha256(join(dir, 'runs/b', f)), f).toBe(sha256(join(dir, 'runs/a', f)));
  });

  it('builds a self-contained report with no pseudonym in it', () => {
    const html = readFileSync(join(dir, 'runs/a/report.html'), 'utf8');
    expect(externalReferences(html)).toEqual([]);
    expect(html).toMatch(/<figure data-chart="weights-spine-wages">\n<h4>[^<]*<\/h4>\n<svg [^>]*role="img"/);
    const pseudonyms = readFileSync(join(dir, 'runs/a/linkage/clusters.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2]);
    expect(pseudonyms.length).toBeGreaterThan(100);
    const released = ['report.html', 'run-manifest.json', 'linkage-model.json', ...readdirSync(join(dir, 'runs/a/tables')).map((f) => `tables/${f}`)];
    for (const file of released) {
      const text = readFileSync(join(dir, 'runs/a', file), 'utf8');
      expect(pseudonyms.filter((p) => text.includes(p)), file).toEqual([]);
    }
  });

  it('applies --set overrides, records them, and diff shows what changed', () => {
    const strict = credlink(dir, 'run', 'job.json', '-o', 'runs/strict', '--set', 'linkage.threshold=0.99', '--set', 'disclosure.minCell=20');
    expect(strict.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'runs/strict/run-manifest.json'), 'utf8'));
    expect(manifest.job.overrides).toEqual(['linkage.threshold=0.99', 'disclosure.minCell=20']);
    const diff = credlink(dir, 'diff', 'runs/a', 'runs/strict');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('parameters.linkage.threshold: "auto" -> 0.99');
    expect(diff.stdout).toContain('parameters.disclosure.minCell: 5 -> 20');
    expect(diff.stdout).toMatch(/table employment: [1-9]\d* of \d+ cells changed/);
    const json = JSON.parse(credlink(dir, 'diff', '--json', 'runs/a', 'runs/b').stdout);
    expect(json.parameters).toEqual([]);
    expect(json.tables.every((t: { changed: unknown[] }) => t.changed.length === 0)).toBe(true);
  });

  it('adds differential-privacy noise when the job sets disclosure.epsilon, and says so', () => {
    const noisy = credlink(dir, 'run', 'job.json', '-o', 'runs/dp', '--set', 'disclosure.epsilon=50');
    expect(noisy.code).toBe(0);
    const tables = JSON.parse(readFileSync(join(dir, 'runs/dp/tables/manifest.json'), 'utf8'));
    expect(tables.differentialPrivacy.epsilon).toBe(50);
    const employment = JSON.parse(readFileSync(join(dir, 'runs/dp/tables/employment.json'), 'utf8'));
    expect(JSON.stringify(employment)).toContain('"noisy"');
    expect(readFileSync(join(dir, 'runs/dp/report.html'), 'utf8')).toContain('epsilon = 50');
  });

  it('refuses bad overrides, a used run folder, a changed input and a missing one', () => {
    const bad = credlink(dir, 'run', 'job.json', '-o', 'runs/x', '--set', 'linkage.threshold=2');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('$.linkage.threshold');
    expect(credlink(dir, 'run', 'job.json', '-o', 'runs/a').code).toBe(2);
    const pinned = credlink(dir, 'run', 'job.json', '-o', 'runs/x', '--set', `extracts.1.sha256="${'0'.repeat(64)}"`);
    expect(pinned.code).toBe(1);
    expect(pinned.stderr).toContain('EXTRACT_CHANGED');
    writeFileSync(join(dir, 'job2.json'), readFileSync(join(dir, 'job.json'), 'utf8').replace('ex/wages.extract', 'ex/missing.extract'));
    expect(credlink(dir, 'run', 'job2.json', '-o', 'runs/x').code).toBe(2);
    expect(readdirSync(join(dir, 'runs')).sort()).toEqual(['a', 'b', 'dp', 'strict']);
  });
});

describe('credlink run with trusted public keys in the job', () => {
  it('refuses unsigned or tampered extracts and runs once every extract is signed by a trusted holder', () => {
    const created = credlink(dir, 'sign', '--new-key', 'holder.sign.key', '--json');
    expect(created.code, created.stderr).toBe(0);
    const job = JSON.parse(readFileSync(join(dir, 'job.json'), 'utf8'));
    writeFileSync(join(dir, 'job-signed.json'), JSON.stringify({ ...job, publicKeys: ['holder.sign.key.pub'] }));

    const unsigned = credlink(dir, 'run', 'job-signed.json', '-o', 'runs/signed');
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('EXTRACT_UNSIGNED');

    for (const s of ['spine', 'nurseboard', 'techcert', 'education', 'wages']) {
      expect(credlink(dir, 'sign', '--signing-key', 'holder.sign.key', `ex/${s}.extract`).code).toBe(0);
    }
    const signed = credlink(dir, 'run', 'job-signed.json', '-o', 'runs/signed');
    expect(signed.code, signed.stderr).toBe(0);
    expect(readFileSync(join(dir, 'runs/signed/tables/employment.json'), 'utf8')).toBe(readFileSync(join(dir, 'runs/a/tables/employment.json'), 'utf8'));

    const other = JSON.parse(credlink(dir, 'sign', '--new-key', 'stranger.sign.key', '--json').stdout).publicKey;
    writeFileSync(join(dir, 'job-stranger.json'), JSON.stringify({ ...job, publicKeys: [other] }));
    const untrusted = credlink(dir, 'run', 'job-stranger.json', '-o', 'runs/stranger');
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toContain('EXTRACT_SIGNATURE_INVALID');
    expect(readdirSync(join(dir, 'runs'))).not.toContain('stranger');
  });
});
