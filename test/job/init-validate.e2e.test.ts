import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credlink } from './spawn-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'credlink-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credlink init', () => {
  it('scaffolds data-holder folders whose files validate', () => {
    const roles = ['issuer', 'education', 'wages', 'spine'];
    for (const role of roles) {
      expect(credlink(dir, 'init', role, role).code).toBe(0);
      expect(readdirSync(join(dir, role)).sort()).toEqual(['README.md', 'mapping.json', 'mapping.md', 'schema.json']);
    }
    const files = roles.flatMap((r) => [`${r}/mapping.json`, `${r}/schema.json`]);
    const check = credlink(dir, 'validate', ...files);
    expect(check.stdout).toBe(files.map((f) => `${f}: ok (${f.endsWith('mapping.json') ? 'mapping' : 'schema'})\n`).join(''));
    expect(check.code).toBe(0);
  });

  it('scaffolds a linker folder with a valid job', () => {
    expect(credlink(dir, 'init', 'linker', 'linker').code).toBe(0);
    expect(readdirSync(join(dir, 'linker')).sort()).toEqual(['README.md', 'extracts', 'job.json', 'outcomes.json']);
    const check = credlink(join(dir, 'linker'), 'validate', 'job.json', 'outcomes.json');
    expect(check.stdout).toBe('job.json: ok (job)\noutcomes.json: ok (outcomes)\n');
  });

  it('refuses a non-empty folder and an unknown role with exit 2', () => {
    const again = credlink(dir, 'init', 'issuer', 'issuer');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
    expect(credlink(dir, 'init', 'auditor', 'x').code).toBe(2);
  });
});

describe('credlink validate', () => {
  it('prints every problem with its JSON path and a fix, exit 1', () => {
    const mapping = JSON.parse(readFileSync(join(dir, 'issuer', 'mapping.json'), 'utf8'));
    mapping.role = 'registry';
    mapping.fields.birth_day = { column: 'dob' };
    delete mapping.personId;
    writeFileSync(join(dir, 'bad-mapping.json'), JSON.stringify(mapping));
    const result = credlink(dir, 'validate', 'bad-mapping.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('3 problems in 1 file');
    expect(result.stderr).toContain('bad-mapping.json: $.role: ');
    expect(result.stderr).toContain('use one of "roster", "education", "wages", "spine"');
    expect(result.stderr).toContain('$.fields: Unrecognized key: "birth_day"; remove "birth_day" or check its spelling');
    expect(result.stderr).toContain('$.personId');
  });

  it('names a file that is not JSON or has no format key', () => {
    writeFileSync(join(dir, 'notes.json'), '{ "name": "x" }');
    writeFileSync(join(dir, 'broken.json'), '{ "credlinkJob": 1,');
    const result = credlink(dir, 'validate', 'notes.json', 'broken.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/notes\.json: \$: no format key; a credlink config has one of credlinkSchema/);
    expect(result.stderr).toMatch(/broken\.json: \$: .*a credlink config is one JSON object/);
  });

  it('checks the job schema, with exit 2 for a missing file', () => {
    writeFileSync(join(dir, 'job.json'), JSON.stringify({ credlinkJob: 1, name: 'x', extracts: [{ path: 'a' }, { path: 'b' }], outcomes: 'o.json', linkage: { threshold: 1.5 } }));
    const result = credlink(dir, 'validate', 'job.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('job.json: $.linkage.threshold: Too big');
    expect(credlink(dir, 'validate', 'missing.json').code).toBe(2);
  });
});
