import { Command } from 'commander';
import { open, writeFile } from 'node:fs/promises';
import { UsageError } from '../errors/errors.ts';
import { readExtract } from '../io/extract-file.ts';
import { sha256File } from '../io/outcome-inputs.ts';
import { OWNER_ONLY, writeFileAtomic } from '../io/atomic-write.ts';
import { formatPublicKey, formatSigningKey, newSigningKey, parseSigningKey, signClaims } from '../signing/extract-signature.ts';
import type { CliIo } from './cli-io.ts';
import { refuseStdout } from './output-path.ts';
import { unreadableFile } from '../io/file-errors.ts';

export interface SignOptions {
  extracts: string[];
  signingKey?: string;
  newKey?: string;
  json?: boolean;
}

const HELP_AFTER = `
Signs extracts with the data holder's own Ed25519 key, so that the linker can tell that an extract
is the one the holder wrote (credlink verify). The manifest checksum stops accidents; only a
signature stops a forger, who can rewrite the manifest too. The signing key is not the project
secret: it is the holder's alone, and only its public key is shared (with the linker).

--new-key FILE creates the signing key (owner-only; never overwritten), writes its public key to
FILE.pub and prints it.
Signing writes EXTRACT.sig beside each extract: JSON with the algorithm, the public key and a
signature over the SHA-256 of the extract's bytes, its source and its schema fingerprint.

Examples:
  credlink sign --new-key techcert.sign.key
  credlink sign --signing-key techcert.sign.key techcert.extract
`;

export function defineSignCommand(io: CliIo): Command {
  return new Command('sign')
    .description("sign extracts with the data holder's Ed25519 key (writes EXTRACT.sig), or create that key")
    .argument('[extracts...]', 'extract files written by credlink hash')
    .option('--signing-key <file>', 'the Ed25519 signing key (from credlink sign --new-key)')
    .option('--new-key <file>', 'create a signing key in this new owner-only file and print its public key')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', HELP_AFTER)
    .action(async (extracts: string[], options: Omit<SignOptions, 'extracts'>) => {
      await runSign({ ...options, extracts }, io);
    });
}

async function createSigningKey(file: string, io: CliIo, json: boolean): Promise<void> {
  const { secretKey, publicKey } = newSigningKey();
  try {
    // 'wx' fails if the file exists: a lost signing key means re-registering a public key with every linker.
    await writeFile(file, formatSigningKey(secretKey), { mode: OWNER_ONLY, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists; credlink sign --new-key never overwrites a key`);
    throw new UsageError(`cannot create ${file}: ${code ?? (error as Error).message}`);
  } finally {
    secretKey.fill(0);
  }
  const hex = Buffer.from(publicKey).toString('hex');
  await writeFileAtomic(`${file}.pub`, formatPublicKey(publicKey));
  io.stdout.write(json ? `${JSON.stringify({ file, publicKeyFile: `${file}.pub`, publicKey: hex })}\n` : `wrote ${file} (owner-only) and ${file}.pub\npublic key: ${hex}\n`);
}

async function readSigningKey(file: string, io: CliIo): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadableFile(file, error, ' (the signing key)');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UsageError(`the signing key ${file} is not a regular file`);
    if ((stat.mode & 0o077) !== 0) io.logger.warn({ file, mode: (stat.mode & 0o777).toString(8) }, 'the signing key is readable by other users; restrict it with chmod 600');
    const buffer = Buffer.alloc(Math.min(stat.size, 4096));
    await handle.read(buffer, 0, buffer.length, 0);
    const key = parseSigningKey(buffer.toString('latin1'));
    buffer.fill(0);
    // Sizes only: the file may be the project secret given by mistake, which must not be echoed.
    if (!key) throw new UsageError(`${file} is not a credlink signing key (${stat.size} bytes); create one with "credlink sign --new-key FILE"`);
    return key;
  } finally {
    await handle.close();
  }
}

export async function runSign(options: SignOptions, io: CliIo): Promise<void> {
  refuseStdout(options.newKey, '--new-key', 'a signing key is written only to a new owner-only file');
  if (options.newKey) {
    if (options.signingKey || options.extracts.length > 0) throw new UsageError('--new-key only creates a key; sign extracts in a second run with --signing-key');
    await createSigningKey(options.newKey, io, Boolean(options.json));
    return;
  }
  if (!options.signingKey) throw new UsageError('sign needs --signing-key FILE (create one with credlink sign --new-key FILE)');
  if (options.extracts.length === 0) throw new UsageError('sign needs at least one extract');
  const secretKey = await readSigningKey(options.signingKey, io);
  const signed = [];
  try {
    for (const file of options.extracts) {
      // Checks the body against its manifest first: a damaged extract must not get a signature.
      const manifest = await readExtract(file);
      const signature = signClaims(secretKey, { extractSha256: await sha256File(file), source: manifest.source, schemaFingerprint: manifest.schemaFingerprint });
      await writeFileAtomic(`${file}.sig`, `${JSON.stringify(signature, null, 2)}\n`);
      signed.push({ extract: file, signature: `${file}.sig`, publicKey: signature.publicKey, source: signature.source });
    }
  } finally {
    secretKey.fill(0);
  }
  if (options.json) io.stdout.write(`${JSON.stringify({ signed }, null, 2)}\n`);
  else for (const s of signed) io.stdout.write(`signed ${s.extract} -> ${s.signature} (source ${s.source}, public key ${s.publicKey})\n`);
}
