import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credlink, type CliResult } from '../job/spawn-cli.ts';

/*
 * Safe handling end to end: a real project run (keygen, synth, hash, inspect, link), then every
 * file and every stdout/stderr is searched for the secret (raw, hex, base64) and for the plaintext
 * identifiers of the synthetic persons.
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-safe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const outputs: CliResult[] = [];
const run = (...args: string[]) => {
  const r = credlink(dir, ...args);
  outputs.push(r);
  return r;
};
const SOURCES = ['techcert', 'wages'];

function filesUnder(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(d, e.name)) : [join(d, e.name)]));
}

beforeAll(() => {
  expect(run('keygen', '-o', 'project.key').code).toBe(0);
  expect(run('synth', '--persons', '300', '--seed', '3', '-o', 'world').code).toBe(0);
  for (const s of SOURCES) {
    const r = run('hash', `world/${s}.csv`, '--schema', 'world/schema.json', '--mapping', `world/mappings/${s}.json`, '--secret-file', 'project.key', '--on-invalid', 'reject', '-o', `${s}.extract`);
    expect(r.code, r.stderr).toBe(0);
  }
  expect(run('inspect', '--leakage', ...SOURCES.map((s) => `${s}.extract`)).code).toBe(0);
  const link = run('link', ...SOURCES.map((s) => `${s}.extract`), '--schema', 'world/schema.json', '-o', 'linkage');
  expect(link.code, link.stderr).toBe(0);
}, 120_000);

describe('safe handling', () => {
  it('never writes the secret outside its key file, in raw, hex or base64 form', () => {
    const keyText = readFileSync(join(dir, 'project.key'), 'utf8').trim();
    const raw = Buffer.from(keyText.replace(/^.*?([A-Za-z0-9+/=_-]{40,}).*$/s, '$1'), /^[0-9a-f]{64}$/i.test(keyText) ? 'hex' : 'base64');
    expect(raw.length).toBe(32);
    const forms = [raw.toString('hex'), raw.toString('base64'), raw.toString('base64url').replace(/=+$/, ''), raw.toString('hex').toUpperCase()];
    const produced = filesUnder(dir).filter((f) => !f.endsWith('project.key') && !f.includes('/world/'));
    expect(produced.length).toBeGreaterThan(3);
    for (const file of produced) {
      const bytes = readFileSync(file);
      expect(bytes.includes(raw), file).toBe(false);
      for (const form of forms) expect(bytes.toString('latin1').includes(form), file).toBe(false);
    }
    for (const out of outputs) for (const form of forms) expect(out.stdout + out.stderr).not.toContain(form);
  });

  it('puts no plaintext identifier of the synthetic persons into extracts, linkage or output', () => {
    const people = readFileSync(join(dir, 'world/truth/people.csv'), 'utf8').split('\n');
    const header = people[0].split(',');
    const cols = ['ssn', 'email', 'dob', 'last_name'].map((c) => header.indexOf(c)).filter((i) => i >= 0);
    const identifiers = new Set<string>();
    for (const line of people.slice(1, 150)) for (const i of cols) {
      const v = line.split(',')[i];
      if (v && v.length >= 8) identifiers.add(v.toLowerCase());
    }
    expect(identifiers.size).toBeGreaterThan(20);
    const produced = filesUnder(dir).filter((f) => f.endsWith('.extract') || f.includes('/linkage/'));
    const text = [...produced.map((f) => readFileSync(f, 'utf8')), ...outputs.map((o) => o.stdout + o.stderr)].join('\n').toLowerCase();
    for (const id of identifiers) expect(text.includes(id), id).toBe(false);
  });

  it('creates key, extracts and linkage owner-only', () => {
    for (const f of ['project.key', ...SOURCES.map((s) => `${s}.extract`), 'linkage/clusters.csv', 'linkage/pairs.csv']) {
      expect(statSync(join(dir, f)).mode & 0o077, f).toBe(0);
    }
    expect(statSync(join(dir, 'linkage')).mode & 0o077).toBe(0);
  });

  it('refuses edited and truncated extracts', () => {
    const original = readFileSync(join(dir, 'wages.extract'), 'utf8');
    const lines = original.split('\n');
    const edited = [lines[0].replace(/"id":"[0-9a-f]/, '"id":"0'), ...lines.slice(1)].join('\n');
    writeFileSync(join(dir, 'edited.extract'), edited === original ? original.replace('"p"', '"p" ') : edited);
    writeFileSync(join(dir, 'truncated.extract'), lines.slice(0, 5).join('\n'));
    writeFileSync(join(dir, 'dropped.extract'), [...lines.slice(1)].join('\n'));
    for (const bad of ['edited.extract', 'truncated.extract', 'dropped.extract']) {
      const r = credlink(dir, 'link', 'techcert.extract', bad, '-o', `linkage-${bad}`);
      expect(r.code, bad).toBe(1);
      expect(r.stderr).toMatch(/EXTRACT_|checksum|manifest/i);
      expect(existsSync(join(dir, `linkage-${bad}`, 'clusters.csv'))).toBe(false);
    }
  });

  it('shows the leakage of each filter to the data holder', () => {
    const r = credlink(dir, 'inspect', '--leakage', '--json', 'wages.extract');
    const report = JSON.parse(r.stdout);
    const leakage = report.extracts[0].leakage;
    expect(Object.keys(leakage.filters)).toContain('last_name');
    expect(leakage.filters.last_name.repeats.shareRepeated).toBeGreaterThan(0);
    expect(leakage.warnings.some((w: { code: string; filter: string }) => w.code === 'FREQUENCY_LEAK' && w.filter === 'last_name')).toBe(true);
  });
});
