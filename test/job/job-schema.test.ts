import { describe, expect, it } from 'vitest';
import { jobSchema } from '../../src/job/job-schema.ts';
import { jobTemplate } from '../../src/init-templates/job-template.ts';

const minimal = {
  credlinkJob: 1,
  name: 'nursing-2019',
  extracts: [{ path: 'a.extract' }, { path: 'b.extract', role: 'spine' }],
  outcomes: 'outcomes.json',
};

describe('jobSchema', () => {
  it('fills the linkage, disclosure and output defaults', () => {
    const job = jobSchema.parse(minimal);
    expect(job.linkage).toEqual({ threshold: 'auto', method: 'fs' });
    expect(job.disclosure).toEqual({});
    expect(job.output).toEqual({ title: 'Credential outcomes', report: true, keepLinkage: true });
  });

  it('accepts the init template', () => {
    expect(jobSchema.safeParse(jobTemplate()).success).toBe(true);
  });

  it('accepts an inline outcomes configuration', () => {
    expect(jobSchema.safeParse({ ...minimal, outcomes: { credlinkOutcomes: 1 } }).success).toBe(true);
  });

  it.each([
    ['an unknown key', { ...minimal, treshold: 0.9 }, []],
    ['a threshold of 1', { ...minimal, linkage: { threshold: 1 } }, ['linkage', 'threshold']],
    ['decreasing levels', { ...minimal, linkage: { levels: [0.9, 0.75] } }, ['linkage', 'levels', 1]],
    ['two spines', { ...minimal, extracts: [{ path: 'a', role: 'spine' }, { path: 'b', role: 'spine' }] }, ['extracts', 1, 'role']],
    ['a listed-twice extract', { ...minimal, extracts: [{ path: 'a' }, { path: 'a' }] }, ['extracts', 1, 'path']],
    ['a malformed pinned checksum', { ...minimal, extracts: [{ path: 'a', sha256: 'abc' }, { path: 'b' }] }, ['extracts', 0, 'sha256']],
    ['an unknown disclosure key', { ...minimal, disclosure: { minCellSize: 5 } }, ['disclosure']],
    ['one extract', { ...minimal, extracts: [{ path: 'a' }] }, ['extracts']],
  ])('rejects %s at its path', (_name, input, path) => {
    const result = jobSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toContainEqual(path);
  });
});
