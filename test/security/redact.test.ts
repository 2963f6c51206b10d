import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksLikeHeaderName, safePath, scrubSecrets } from '../../src/errors/redact.ts';
import { jsonErrorOffset, jsonSyntaxDetail } from '../../src/errors/json-syntax.ts';

describe('scrubSecrets', () => {
  it('removes a 32-byte secret in hex, base64 and base64url from any sentence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string({ maxLength: 20 }), (bytes, around) => {
        const key = Buffer.from(bytes);
        for (const form of [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64'), key.toString('base64url')]) {
          const text = scrubSecrets(`cannot read ${around} ${form}: ENOENT`);
          // base64 of all-lowercase letters is indistinguishable from a word; fast-check makes it vanishingly rare.
          if (/[0-9]/.test(form) && /[a-z]/.test(form) && /[A-Z]/.test(form) || /^[0-9a-fA-F]+$/.test(form)) expect(text).not.toContain(form);
        }
      }),
    );
  });

  it('keeps ordinary messages, short checksums and paths as they are', () => {
    for (const text of ['roster.csv:line 4:dob: DOB_UNPARSEABLE', 'SHA-256 3fa4b2c1d0e9... differs', '/tmp/credlink-safe-Ab3xYz/world/mappings/techcert.json']) {
      expect(scrubSecrets(text)).toBe(text);
    }
  });
});

describe('safePath and header names', () => {
  it('hides a path whose last part is a hex secret', () => {
    expect(safePath(`./${'ab'.repeat(32)}`)).not.toContain('abab');
    expect(safePath('keys/project.key')).toBe('keys/project.key');
  });

  it.each([
    ['CandidateID', true], ['first name', true], ['Date of Birth (MM/DD/YYYY)', true], ['_line', true],
    ['123-45-6789', false], ['1988-04-17', false], ['ana.silva@example.org', false], ['ab'.repeat(32), false], ['SMITH 123456789', false],
  ])('%s looks like a header name: %s', (name, expected) => {
    expect(looksLikeHeaderName(name)).toBe(expected);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on which texts are JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === undefined).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['{"a": 1,}', 'line 1, column 9'],
    ['{\n  "a": tru\n}', 'line 2, column 8'],
    ['{"a": 1} x', 'line 1, column 10'],
  ])('places the fault in %j at %s', (text, where) => {
    expect(jsonSyntaxDetail(text)).toBe(`not valid JSON at ${where}`);
  });

  it('says a truncated file ends early, without any of its text', () => {
    expect(jsonSyntaxDetail('{"secret": "0123')).toBe('not valid JSON: the text ends before the JSON does');
  });
});
