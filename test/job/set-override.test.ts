import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOverrides, parseOverride } from '../../src/job/set-override.ts';
import { UsageError } from '../../src/errors/errors.ts';

describe('parseOverride', () => {
  it.each([
    ['linkage.threshold=0.9', ['linkage', 'threshold'], 0.9],
    ['output.report=false', ['output', 'report'], false],
    ['linkage.levels=[0.8,1]', ['linkage', 'levels'], [0.8, 1]],
    ['output.title=Nursing 2019', ['output', 'title'], 'Nursing 2019'],
    ['output.title="42"', ['output', 'title'], '42'],
    ['extracts.0.path=x=y', ['extracts', '0', 'path'], 'x=y'],
  ])('reads %s', (text, path, value) => {
    expect(parseOverride(text)).toEqual({ path, value, text });
  });

  it.each(['threshold', '=1', 'a..b=1', '__proto__.x=1', 'a.constructor=1'])('refuses %s as a usage error', (text) => {
    expect(() => parseOverride(text)).toThrow(UsageError);
  });
});

describe('applyOverrides', () => {
  const job = { linkage: { threshold: 0.85 }, extracts: [{ path: 'a' }] };

  it('sets nested keys, creates missing objects and leaves the input untouched', () => {
    const out = applyOverrides(job, ['linkage.threshold=0.9', 'disclosure.minCell=11', 'extracts.0.role=spine'].map(parseOverride));
    expect(out).toEqual({ linkage: { threshold: 0.9 }, disclosure: { minCell: 11 }, extracts: [{ path: 'a', role: 'spine' }] });
    expect(job.linkage.threshold).toBe(0.85);
  });

  it('refuses to descend into a scalar or past the end of a list', () => {
    expect(() => applyOverrides(job, [parseOverride('linkage.threshold.x=1')])).toThrow(UsageError);
    expect(() => applyOverrides(job, [parseOverride('extracts.5.path=b')])).toThrow(UsageError);
  });

  it('round-trips any JSON value given on the command line', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = applyOverrides({}, [parseOverride(`a.b=${JSON.stringify(value)}`)]) as { a: { b: unknown } };
        expect(JSON.stringify(out.a.b)).toBe(JSON.stringify(value));
      }),
    );
  });
});
