import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { readExtractManifest } from '../io/extract-file.ts';
import { sha256File } from '../io/outcome-inputs.ts';
import { looksLikeSigningKey, parsePublicKey, verifySignature, type SignatureVerdict } from '../signing/extract-signature.ts';
import type { CliIo } from './cli-io.ts';
import { unreadableFile } from '../io/file-errors.ts';

export interface VerifyOptions {
  extracts: string[];
  publicKey: string[];
  json?: boolean;
}

const HELP_AFTER = `
Checks EXTRACT.sig (from credlink sign) beside each extract against the public keys of the data
holders, given as 64 hex characters or as a file holding them. Run it before credlink link: an
extract that is unsigned, signed by a key not given, or changed after signing fails with
EXTRACT_UNSIGNED or EXTRACT_SIGNATURE_INVALID and exit code 1.

Get each holder's public key out of band (in the project plan, read over the phone), never from
the same channel as the extract: a forger who sends the extract can send a key too.

Examples:
  credlink verify --public-key 3b6a27bc...  techcert.extract
  credlink verify --public-key keys/techcert.pub --public-key keys/wages.pub *.extract
`;

export function defineVerifyCommand(io: CliIo): Command {
  return new Command('verify')
    .description("check the data holders' Ed25519 signatures of extracts before linking them")
    .argument('<extracts...>', 'extract files, each with EXTRACT.sig beside it')
    .option('--public-key <hex|file>', 'a trusted public key, or a file holding one (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--json', 'print {extracts: [{file, ok, publicKey, finding}]} as JSON')
    .addHelpText('after', HELP_AFTER)
    .action(async (extracts: string[], options: Omit<VerifyOptions, 'extracts'>) => {
      await runVerify({ ...options, extracts }, io);
    });
}

export async function trustedKeys(values: readonly string[]): Promise<string[]> {
  if (values.length === 0) throw new UsageError('verify needs --public-key HEX|FILE: the public key of each data holder whose extracts you link');
  const keys: string[] = [];
  for (const value of values) {
    const direct = parsePublicKey(value);
    if (direct) {
      keys.push(direct);
      continue;
    }
    let text: string;
    try {
      text = await readFile(value, 'utf8');
    } catch (error) {
      throw new UsageError(`--public-key ${value} is neither 64 hex characters nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
    // Named, not echoed: the file holds a private key that must not reach a terminal log.
    if (looksLikeSigningKey(text)) throw new UsageError(`${value} is a private signing key; give the public key (${value}.pub, or the hex that credlink sign --new-key printed)`);
    const fromFile = parsePublicKey(text);
    if (!fromFile) throw new UsageError(`${value} does not hold an Ed25519 public key (64 hex characters)`);
    keys.push(fromFile);
  }
  return keys;
}

const REASONS: Record<Exclude<SignatureVerdict, { ok: true }>['reason'], string> = {
  malformed: 'the signature file is not a credlink Ed25519 signature',
  'untrusted-key': 'signed by a key that is not among the --public-key values',
  'claims-differ': 'the extract changed after signing (its SHA-256, source or schema fingerprint differs from the signed ones)',
  'bad-signature': 'the signature does not match the extract and the public key',
};

export async function verifyOne(file: string, keys: readonly string[]): Promise<{ file: string; ok: boolean; publicKey?: string; finding?: Finding }> {
  const extractSha256 = await sha256File(file).catch((error: NodeJS.ErrnoException) => {
    throw unreadableFile(file, error);
  });
  let sigText: string;
  try {
    sigText = await readFile(`${file}.sig`, 'utf8');
  } catch {
    return { file, ok: false, finding: { code: 'EXTRACT_UNSIGNED', file, detail: `no signature ${file}.sig beside it; the data holder signs with credlink sign` } };
  }
  let sig: unknown;
  try {
    sig = JSON.parse(sigText);
  } catch {
    sig = undefined;
  }
  let claims = { extractSha256, source: '', schemaFingerprint: '' };
  try {
    const manifest = await readExtractManifest(file);
    claims = { ...claims, source: manifest.source, schemaFingerprint: manifest.schemaFingerprint };
  } catch (error) {
    // A damaged manifest leaves empty claims, so the signature check below fails as it should.
    if (!(error instanceof DataError)) throw error;
  }
  const verdict = verifySignature(sig, claims, keys);
  if (verdict.ok) return { file, ok: true, publicKey: verdict.publicKey };
  return { file, ok: false, publicKey: verdict.publicKey, finding: { code: 'EXTRACT_SIGNATURE_INVALID', file, detail: REASONS[verdict.reason] } };
}

/** Every extract carries a valid signature by one of the trusted keys, or a DataError lists those that do not. */
export async function requireSignatures(files: readonly string[], publicKeys: readonly string[]): Promise<void> {
  const keys = await trustedKeys(publicKeys);
  const findings: Finding[] = [];
  for (const file of files) {
    const result = await verifyOne(file, keys);
    if (result.finding) findings.push(result.finding);
  }
  if (findings.length > 0) throw new DataError(findings);
}

export async function runVerify(options: VerifyOptions, io: CliIo): Promise<void> {
  const keys = await trustedKeys(options.publicKey);
  const results = [];
  for (const file of options.extracts) results.push(await verifyOne(file, keys));
  if (options.json) io.stdout.write(`${JSON.stringify({ extracts: results }, null, 2)}\n`);
  else for (const r of results) if (r.ok) io.stdout.write(`ok ${r.file} (signed by ${r.publicKey})\n`);
  const findings = results.flatMap((r) => (r.finding ? [r.finding] : []));
  if (findings.length > 0) throw new DataError(findings);
}
