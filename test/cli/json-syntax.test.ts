import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSyntaxProblem } from '../../src/io/json-syntax.ts';
import { parseJsonConfig } from '../../src/io/config-file.ts';
import { DataError } from '../../src/errors/errors.ts';

describe('jsonSyntaxProblem', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'trailing commas'],
    ['[1, 2,]', 1, 7, 'trailing commas'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ["{'a': 1}", 1, 2, 'expected a key in double quotes'],
    ['{"a": \'x\'}', 1, 7, 'double quotes'],
    ['{"a": "x\n"}', 1, 9, 'line break inside a string'],
    ['{"a": 01}', 1, 8, 'malformed number'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": 1} // note', 1, 10, 'comments are not allowed'],
    ['{"a": [1, 2', 1, 12, 'the file ends'],
    ['{"a": "\\q"}', 1, 8, 'unknown escape'],
    ['{"a": 1} {"b": 2}', 1, 10, 'more text after the end'],
    ['', 1, 1, 'the file ends'],
  ])('locates %j at line %i, column %i', (text, line, column, words) => {
    const problem = jsonSyntaxProblem(text);
    expect(problem).toMatchObject({ line, column });
    expect(problem!.problem).toContain(words);
  });

  it('finds no problem in any JSON that JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        expect(jsonSyntaxProblem(JSON.stringify(value, null, indent ? 2 : undefined))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on whether a truncated document is valid, and points inside it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const full = JSON.stringify(value, null, 2);
        const text = full.slice(0, cut % (full.length + 1));
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const problem = jsonSyntaxProblem(text);
        expect(problem === undefined).toBe(parses);
        if (problem) expect(problem.line).toBeLessThanOrEqual(text.split('\n').length);
      }),
    );
  });
});

describe('parseJsonConfig', () => {
  it('gives a CONFIG_NOT_JSON finding with line and column and no text of the file', () => {
    const secret = 'c2VjcmV0LWtleS1tYXRlcmlhbA';
    try {
      parseJsonConfig('job.json', `{\n  "key": "${secret}",\n  "x": }`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      const finding = (error as DataError).findings[0];
      expect(finding).toMatchObject({ code: 'CONFIG_NOT_JSON', file: 'job.json', line: 3, field: 'column 8' });
      expect((error as Error).message).toContain('job.json:line 3:column 8');
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseJsonConfig('a.json', '\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });
});
