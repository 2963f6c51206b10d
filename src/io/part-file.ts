import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors/errors.ts';
import type { ShardPart } from '../link/link-shard.ts';

/*
 * A partial linkage folder (`credlink link --shard i/n`): part.json holds the structure, with every
 * typed array replaced by {"$array": type, "offset", "length"} into part.bin, whose SHA-256 it
 * records. Pseudonyms are written by shard 0 only (into part.bin, one per line); the others record their SHA-256, which merge
 * checks, so n shards do not store n copies of a 30M-person list.
 */

export const PART_FORMAT = 'credlink-part';
const ARRAYS = { Uint8Array, Uint32Array, Float32Array, Float64Array } as const;
type ArrayName = keyof typeof ARRAYS;

/** SHA-256 of the pseudonyms joined by newlines, fed one by one: 30M pseudonyms joined exceed V8's string limit. */
function pseudonymDigest(pseudonyms: readonly string[]): string {
  const hash = createHash('sha256');
  pseudonyms.forEach((p, i) => hash.update(i === 0 ? p : `\n${p}`));
  return hash.digest('hex');
}

/** The whole file into one buffer without readFile, which refuses files over 2 GiB. */
async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(buffer, at, Math.min(size - at, 1 << 30), at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? buffer : buffer.subarray(0, at);
  } finally {
    await handle.close();
  }
}

export function encodePart(part: ShardPart): { json: string; bin: Buffer } {
  const chunks: Buffer[] = [];
  let offset = 0;
  // Shard 0's pseudonyms go into part.bin as newline-separated bytes: in part.json, 30M of them
  // would exceed V8's string limit (~2^29 characters) inside JSON.stringify.
  const sources = part.sources.map(({ pseudonyms, ...s }) => ({
    ...s, pseudonymsSha256: pseudonymDigest(pseudonyms), pseudonyms: null, ...(part.shard.index === 0 ? { pseudonymBytes: pseudonymBytes(pseudonyms) } : {}),
  }));
  const json = JSON.stringify({ format: PART_FORMAT, version: 2, ...part, sources }, (_key, value: unknown) => {
    if (!ArrayBuffer.isView(value)) return value;
    const type = value.constructor.name as ArrayName;
    if (!(type in ARRAYS)) throw new TypeError(`cannot store a ${type} in a part`);
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const pad = (8 - (bytes.length % 8)) % 8; // keeps every array 8-byte aligned in part.bin
    chunks.push(bytes, Buffer.alloc(pad));
    const ref = { $array: type, offset, length: (value as Uint8Array).length };
    offset += bytes.length + pad;
    return ref;
  });
  const bin = Buffer.concat(chunks);
  const withSum = `${json.slice(0, -1)},"binSha256":"${createHash('sha256').update(bin).digest('hex')}"}`;
  return { json: withSum, bin };
}

/** Pseudonyms (ASCII: base64url or hex) one per line, as bytes. */
function pseudonymBytes(pseudonyms: readonly string[]): Uint8Array {
  const bytes = Buffer.allocUnsafe(pseudonyms.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of pseudonyms) {
    at += bytes.write(p, at, 'latin1');
    bytes[at++] = 0x0a;
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function pseudonymsFrom(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let start = 0, end = buffer.indexOf(0x0a); end >= 0; start = end + 1, end = buffer.indexOf(0x0a, start)) out.push(buffer.toString('latin1', start, end));
  return out;
}

export function decodePart(json: string, bin: Buffer, file: string): ShardPart {
  let parsed: { format?: string; binSha256?: string; sources?: Array<{ pseudonyms: string[] | null; pseudonymsSha256: string; pseudonymBytes?: Uint8Array }> };
  try {
    parsed = JSON.parse(json, (_key, value: { $array?: ArrayName; offset: number; length: number }) => {
      if (value === null || typeof value !== 'object' || value.$array === undefined) return value;
      const Type = ARRAYS[value.$array];
      const start = bin.byteOffset + value.offset;
      return new Type(bin.buffer.slice(start, start + value.length * Type.BYTES_PER_ELEMENT) as ArrayBuffer);
    });
  } catch {
    throw new DataError({ code: 'PART_CORRUPT', file, detail: 'part.json is not JSON: the part was edited or truncated' });
  }
  if (parsed.format !== PART_FORMAT) throw new DataError({ code: 'PART_FORMAT', file, detail: 'not a part folder written by credlink link --shard' });
  if (createHash('sha256').update(bin).digest('hex') !== parsed.binSha256) throw new DataError({ code: 'PART_CHECKSUM', file, detail: 'part.bin does not match its checksum: the part was edited or truncated' });
  for (const source of parsed.sources ?? []) {
    if (source.pseudonymBytes) source.pseudonyms = pseudonymsFrom(source.pseudonymBytes);
    delete source.pseudonymBytes;
  }
  return parsed as unknown as ShardPart;
}

export async function writePartFolder(dir: string, part: ShardPart, write: (dir: string, files: Record<string, string | Uint8Array>) => Promise<void>): Promise<void> {
  const { json, bin } = encodePart(part);
  await write(dir, { 'part.bin': bin, 'part.json': `${json}\n` });
}

/** Reads part folders; fills in the pseudonyms of shards other than 0 from shard 0, after checking their digest. */
export async function readPartFolders(dirs: readonly string[]): Promise<ShardPart[]> {
  const parts: ShardPart[] = [];
  for (const dir of dirs) {
    const file = join(dir, 'part.json');
    let json: string;
    let bin: Buffer;
    try {
      [json, bin] = await Promise.all([readFile(file, 'utf8'), readWhole(join(dir, 'part.bin'))]);
    } catch (error) {
      throw new DataError({ code: 'PART_MISSING', file, detail: `cannot read the part (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); is it a folder written by credlink link --shard?` });
    }
    parts.push(decodePart(json, bin, file));
  }
  const first = parts.find((p) => p.shard.index === 0);
  parts.forEach((part, p) => {
    part.sources.forEach((source, s) => {
      const stored = source as typeof source & { pseudonymsSha256: string; pseudonyms: string[] | null };
      const full = stored.pseudonyms ?? first?.sources[s]?.pseudonyms ?? null;
      if (full === null) return; // shard 0 missing: merge reports it
      if (pseudonymDigest(full) !== stored.pseudonymsSha256) throw new DataError({ code: 'MERGE_SOURCES', file: join(dirs[p], 'part.json'), detail: 'the parts were made from different extracts' });
      stored.pseudonyms = full;
      delete (stored as { pseudonymsSha256?: string }).pseudonymsSha256;
    });
  });
  return parts;
}
