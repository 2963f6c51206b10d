import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { looksLikeSecret, safePath } from '../errors/redact.ts';
import type { Logger } from './logger.ts';
import { SECRET_BYTES } from '../encode/key-derivation.ts';

/** A key file is a few bytes; reading stops here so that pointing at a data file fails fast. */
const MAX_SECRET_FILE_BYTES = 4096;

export interface SecretSource {
  stdin: NodeJS.ReadableStream;
  logger: Logger;
}

const HEX_SECRET = /^[0-9a-fA-F]{64}$/;

/** A path that looks like a secret itself (pasted by mistake, as ./<hex> too) is not echoed back. */
function printablePath(path: string): string {
  return looksLikeSecret(basename(path)) ? '(the value given, which looks like a secret, not a path: pass the key file instead)' : safePath(path);
}

/**
 * The project secret from its file: exactly 32 raw bytes, or 64 hex characters (whitespace around
 * them allowed, as `credlink keygen` writes). Errors say what was wrong in sizes, never in bytes.
 */
export function parseSecret(bytes: Uint8Array, label: string): Uint8Array {
  if (bytes.length === SECRET_BYTES) return Uint8Array.from(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').trim();
  if (HEX_SECRET.test(text)) return new Uint8Array(Buffer.from(text, 'hex'));
  throw new UsageError(
    `${label} does not hold a credlink secret: expected 32 raw bytes or 64 hex characters, found ${bytes.length} bytes; create one with "credlink keygen -o project.key"`,
  );
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_SECRET_FILE_BYTES) break;
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Reads the secret from `path`, or from stdin for '-'. Secrets come only from a file or a pipe:
 * argv and the environment are visible to other users (ps, /proc) and end up in shell history.
 */
export async function readSecretFile(path: string | undefined, source: SecretSource): Promise<Uint8Array> {
  if (path === undefined || path === '') throw new UsageError('--secret-file is required: the file holding the project secret (see credlink keygen), or - for stdin');
  if (path === '-') return parseSecret(await readAll(source.stdin), 'the secret on stdin');
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UsageError(`cannot read the secret file ${printablePath(path)}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    const stat = await handle.stat();
    // A pipe, as from --secret-file <(gpg -d project.key.gpg), is read to its end.
    if (stat.isFIFO()) return parseSecret(await readAll(handle.createReadStream({ autoClose: false })), `the secret pipe ${printablePath(path)}`);
    if (!stat.isFile()) throw new UsageError(`the secret file ${printablePath(path)} is not a regular file or a pipe`);
    if ((stat.mode & 0o077) !== 0) {
      source.logger.warn({ file: printablePath(path), mode: (stat.mode & 0o777).toString(8) }, 'the secret file is readable by other users; restrict it with chmod 600');
    }
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_SECRET_FILE_BYTES + 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = new Uint8Array(buffer.subarray(0, bytesRead));
    try {
      return parseSecret(bytes, `the secret file ${printablePath(path)}`);
    } finally {
      buffer.fill(0);
    }
  } finally {
    await handle.close();
  }
}
