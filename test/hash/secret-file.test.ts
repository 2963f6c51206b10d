import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import pino from 'pino';
import { parseSecret, readSecretFile } from '../../src/io/secret-file.ts';
import { UsageError } from '../../src/errors/errors.ts';

const HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
let dir: string;
const warnings: string[] = [];
const source = (input: Uint8Array | string = '') => ({
  stdin: Readable.from([Buffer.from(input)]),
  logger: pino({ level: 'warn', base: undefined }, { write: (line: string) => warnings.push(line) }),
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-secret-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the secret file', () => {
  it('accepts 32 raw bytes and 64 hex characters (with a newline or CRLF) as the same secret', async () => {
    const raw = Buffer.from(HEX, 'hex');
    writeFileSync(join(dir, 'raw.key'), raw, { mode: 0o600 });
    writeFileSync(join(dir, 'hex.key'), `${HEX.toUpperCase()}\r\n`, { mode: 0o600 });
    expect(Buffer.from(await readSecretFile(join(dir, 'raw.key'), source())).toString('hex')).toBe(HEX);
    expect(Buffer.from(await readSecretFile(join(dir, 'hex.key'), source())).toString('hex')).toBe(HEX);
    expect(Buffer.from(await readSecretFile('-', source(raw))).toString('hex')).toBe(HEX);
  });

  it.each([
    ['16 raw bytes', new Uint8Array(16), /found 16 bytes/],
    ['63 hex characters', HEX.slice(1), /found 63 bytes/],
    ['a passphrase', 'correct horse battery staple', /found 28 bytes/],
  ])('refuses %s with a usage error that does not echo it', (_label, content, message) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    expect(() => parseSecret(bytes, 'the secret file k')).toThrow(UsageError);
    expect(() => parseSecret(bytes, 'the secret file k')).toThrow(message);
    try {
      parseSecret(bytes, 'k');
    } catch (error) {
      if (typeof content === 'string') expect((error as Error).message).not.toContain(content);
    }
  });

  it('refuses a missing flag and a missing file with usage errors', async () => {
    await expect(readSecretFile(undefined, source())).rejects.toThrow(/--secret-file is required/);
    await expect(readSecretFile(join(dir, 'absent.key'), source())).rejects.toThrow(/cannot read the secret file .*ENOENT/);
  });

  it('warns, without the secret, when others can read the file', async () => {
    writeFileSync(join(dir, 'open.key'), HEX, { mode: 0o640 });
    warnings.length = 0;
    await readSecretFile(join(dir, 'open.key'), source());
    expect(warnings.join('')).toMatch(/readable by other users/);
    expect(warnings.join('')).toMatch(/"mode":"640"/);
    expect(warnings.join('')).not.toContain(HEX);
  });
});

describe('the secret from a pipe', () => {
  it('reads a named pipe to its end, as process substitution <(gpg -d ...) gives', async () => {
    const fifo = join(dir, 'secret.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '%s\\n' ${HEX} > '${fifo}'`], { stdio: 'ignore' });
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    const secret = await readSecretFile(fifo, source());
    expect(Buffer.from(secret).toString('hex')).toBe(HEX);
    await exited;
  }, 20_000);
});

describe('a secret pasted where its file belongs', () => {
  it('is not echoed in the error', async () => {
    const { readSecretFile } = await import('../../src/io/secret-file.ts');
    const secret = 'ab'.repeat(32);
    const logger = { warn() {}, info() {}, error() {}, debug() {} } as never;
    const error = await readSecretFile(secret, { stdin: process.stdin, logger }).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain(secret);
    expect(String((error as Error).message)).toContain('looks like a secret');
  });
});
