import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createHash, type Hash } from 'node:crypto';
import { DataError } from '../errors/errors.ts';
import { requireRegularFile } from './input-file.ts';
import { openAtomic, OWNER_ONLY, type AtomicFile } from './atomic-write.ts';
import {
  EXTRACT_FORMAT,
  type EncodedPerson,
  type ExtractManifest,
  type PayloadRow,
} from '../extract/extract-types.ts';

/*
 * An extract is NDJSON: person lines {"t":"p",...}, payload lines {"t":"r",...} in any order,
 * and a last line {"t":"m",...} holding the manifest with the SHA-256 of every byte before it.
 * The manifest goes last so that a single streaming pass can write any size of file.
 * See docs/extract-format.md.
 */

const toB64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromB64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export function personLine(person: EncodedPerson): string {
  const fields: Record<string, string> = {};
  for (const [name, filter] of Object.entries(person.fields)) if (filter) fields[name] = toB64(filter);
  return `${JSON.stringify({ t: 'p', id: person.pseudonym, f: fields, clk: toB64(person.clk), bk: person.blockingKeys })}\n`;
}

export function payloadLine(row: PayloadRow): string {
  return `${JSON.stringify({ t: 'r', id: row.pseudonym, v: row.values })}\n`;
}

/** Lines are written in chunks of about this many characters: one write per line cost more than the encoding. */
const WRITE_CHUNK_CHARS = 1 << 16;

function streamTarget(stream: NodeJS.WritableStream): AtomicFile {
  return {
    stream: stream as AtomicFile['stream'],
    commit: () => new Promise<void>((resolve, reject) => stream.write('', (error) => (error ? reject(error) : resolve()))),
    abort: async () => {},
    drained: () =>
      new Promise<void>((resolve, reject) => {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }),
  };
}

export class ExtractWriter {
  private readonly file: AtomicFile;
  private readonly hash: Hash = createHash('sha256');
  private pending = '';

  /**
   * A path is written atomically (temp file + rename, owner-only). A stream (stdout for `-o -`)
   * cannot be: a run that dies mid-way leaves no manifest line, which every reader refuses.
   */
  constructor(target: string | NodeJS.WritableStream) {
    this.file = typeof target === 'string' ? openAtomic(target, OWNER_ONLY) : streamTarget(target);
  }

  /** Resolves when the stream can take more (backpressure). */
  private async write(line: string): Promise<void> {
    this.pending += line;
    if (this.pending.length >= WRITE_CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    // One UTF-8 conversion for both the checksum and the file.
    const chunk = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    this.hash.update(chunk);
    if (!this.file.stream.write(chunk)) await this.file.drained();
  }

  writePerson(person: EncodedPerson): Promise<void> {
    return this.write(personLine(person));
  }

  writePayload(row: PayloadRow): Promise<void> {
    return this.write(payloadLine(row));
  }

  /** Whole lines already encoded as UTF-8 (ExtractLineBuilder); the caller must not change them afterwards. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    if (this.pending !== '') await this.flush();
    if (bytes.length === 0) return;
    this.hash.update(bytes);
    if (!this.file.stream.write(bytes)) await this.file.drained();
  }

  async commit(manifest: Omit<ExtractManifest, 'bodySha256' | 'format'>): Promise<ExtractManifest> {
    await this.flush();
    const full: ExtractManifest = { format: EXTRACT_FORMAT, ...manifest, bodySha256: this.hash.digest('hex') };
    this.file.stream.write(`${JSON.stringify({ t: 'm', ...full })}\n`);
    await this.file.commit();
    return full;
  }

  abort(): Promise<void> {
    return this.file.abort();
  }
}

/** Reads the manifest from the last line without reading the body. */
export async function readExtractManifest(path: string): Promise<ExtractManifest> {
  await requireRegularFile(path, 'the extract');
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new DataError({ code: 'EXTRACT_EMPTY', file: path, detail: 'the file is empty; is it an extract written by credlink hash?' });
    const tailSize = Math.min(size, 1 << 20);
    const buffer = Buffer.alloc(tailSize);
    await handle.read(buffer, 0, tailSize, size - tailSize);
    const text = buffer.toString('utf8').replace(/\n+$/, '');
    const lastLine = text.slice(text.lastIndexOf('\n') + 1);
    let parsed: { t?: string } & Partial<ExtractManifest>;
    try {
      parsed = JSON.parse(lastLine);
    } catch {
      throw new DataError({ code: 'EXTRACT_NO_MANIFEST', file: path, detail: 'the last line is not a manifest: the file is truncated or not an extract' });
    }
    if (parsed.t !== 'm' || parsed.format !== EXTRACT_FORMAT) {
      throw new DataError({ code: 'EXTRACT_NO_MANIFEST', file: path, detail: 'the last line is not a credlink manifest: the file is truncated or not an extract' });
    }
    const { t: _t, ...manifest } = parsed;
    return manifest as ExtractManifest;
  } finally {
    await handle.close();
  }
}

export interface ExtractVisitor {
  person?(person: EncodedPerson): void;
  payload?(row: PayloadRow): void;
}

/**
 * Streams an extract once, calling the visitor per line, and verifies the body checksum against
 * the manifest at the end; a mismatch (edited or truncated file) throws EXTRACT_CHECKSUM.
 */
export async function readExtract(path: string, visitor: ExtractVisitor = {}): Promise<ExtractManifest> {
  await requireRegularFile(path, 'the extract');
  const hash = createHash('sha256');
  let manifest: ExtractManifest | undefined;
  let lineNo = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo += 1;
    if (manifest) throw new DataError({ code: 'EXTRACT_TRAILING_DATA', file: path, line: lineNo, detail: 'data after the manifest line' });
    let obj: { t: string; id: string; f: Record<string, string>; clk: string; bk: Record<string, string>; v: PayloadRow['values'] };
    try {
      obj = JSON.parse(line);
    } catch {
      throw new DataError({ code: 'EXTRACT_CORRUPT', file: path, line: lineNo, detail: 'not a JSON line: the extract was edited or truncated' });
    }
    if (obj.t === 'm') {
      const { t: _t, ...rest } = obj as unknown as { t: string } & ExtractManifest;
      manifest = rest as ExtractManifest;
      continue;
    }
    hash.update(`${line}\n`);
    if (obj.t === 'p' && visitor.person) {
      const fields: EncodedPerson['fields'] = {};
      for (const [name, b64] of Object.entries(obj.f)) fields[name as keyof EncodedPerson['fields']] = fromB64(b64);
      visitor.person({ pseudonym: obj.id, fields, clk: fromB64(obj.clk), blockingKeys: obj.bk });
    } else if (obj.t === 'r' && visitor.payload) {
      visitor.payload({ pseudonym: obj.id, values: obj.v });
    }
  }
  if (!manifest) throw new DataError({ code: 'EXTRACT_NO_MANIFEST', file: path, detail: 'no manifest line: the file is truncated or not an extract' });
  if (hash.digest('hex') !== manifest.bodySha256) {
    throw new DataError({ code: 'EXTRACT_CHECKSUM', file: path, detail: 'the body does not match the checksum in its manifest: the extract was edited or truncated' });
  }
  return manifest;
}
