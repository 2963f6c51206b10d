import { ed25519 } from '@noble/curves/ed25519.js';

/*
 * Detached Ed25519 signatures of extracts. The body checksum in a manifest stops accidents but not
 * a forger, who can rewrite the manifest too; a signature by the data holder's own key (never the
 * project secret, which the linker must not hold) stops a substituted or edited extract.
 * Pure functions: the CLI reads and writes the files.
 */

export const SIGNATURE_FORMAT = 'credlink-extract-signature';
export const SIGNATURE_ALGORITHM = 'Ed25519';
export const SIGNING_KEY_LABEL = 'credlink-ed25519-signing-key';
export const PUBLIC_KEY_LABEL = 'credlink-ed25519-public-key';
export const PUBLIC_KEY_BYTES = 32;

/** What a signature vouches for: the whole extract's bytes and the manifest fields a linker acts on. */
export interface SignedClaims {
  extractSha256: string;
  source: string;
  schemaFingerprint: string;
}

export interface ExtractSignature extends SignedClaims {
  format: typeof SIGNATURE_FORMAT;
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** Hex of the signer's 32-byte public key. */
  publicKey: string;
  /** Hex of the 64-byte signature over signedMessage(claims). */
  signature: string;
}

const HEX = (n: number) => new RegExp(`^[0-9a-f]{${n}}$`);
const toHex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

/** The signed bytes: a domain tag (so the signature cannot be replayed as anything else) and the claims in a fixed order. */
export function signedMessage(claims: SignedClaims): Uint8Array {
  const body = JSON.stringify({ extractSha256: claims.extractSha256, source: claims.source, schemaFingerprint: claims.schemaFingerprint });
  return new TextEncoder().encode(`${SIGNATURE_FORMAT}:1\n${body}`);
}

export function newSigningKey(): { secretKey: Uint8Array; publicKey: Uint8Array } {
  return ed25519.keygen();
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function signClaims(secretKey: Uint8Array, claims: SignedClaims): ExtractSignature {
  const publicKey = ed25519.getPublicKey(secretKey);
  const signature = ed25519.sign(signedMessage(claims), secretKey);
  return {
    format: SIGNATURE_FORMAT,
    algorithm: SIGNATURE_ALGORITHM,
    publicKey: toHex(publicKey),
    extractSha256: claims.extractSha256,
    source: claims.source,
    schemaFingerprint: claims.schemaFingerprint,
    signature: toHex(signature),
  };
}

/** The key file: a label line, so that it cannot be mistaken for (or read as) the project secret. */
export function formatSigningKey(secretKey: Uint8Array): string {
  return `${SIGNING_KEY_LABEL} ${toHex(secretKey)}\n`;
}

export function parseSigningKey(text: string): Uint8Array | undefined {
  const match = /^credlink-ed25519-signing-key ([0-9a-f]{64})\s*$/.exec(text);
  return match ? fromHex(match[1]) : undefined;
}

export function formatPublicKey(publicKey: Uint8Array): string {
  return `${PUBLIC_KEY_LABEL} ${toHex(publicKey)}\n`;
}

/**
 * A public key as given on the command line or in a file: 64 hex characters, alone or after the
 * public-key label. A signing-key file never parses, so a private key given by mistake is refused.
 */
export function parsePublicKey(text: string): string | undefined {
  const match = /^(?:credlink-ed25519-public-key\s+)?([0-9a-fA-F]{64})$/.exec(text.trim());
  return match ? match[1].toLowerCase() : undefined;
}

export function looksLikeSigningKey(text: string): boolean {
  return text.trimStart().startsWith(SIGNING_KEY_LABEL);
}

export type SignatureVerdict =
  | { ok: true; publicKey: string }
  | { ok: false; reason: 'malformed' | 'untrusted-key' | 'claims-differ' | 'bad-signature'; publicKey?: string };

/**
 * Checks a parsed .sig file against the extract as it is now (claims recomputed from its bytes) and
 * the public keys the linker trusts. Never throws on bad input: a forged file is a verdict, not a bug.
 */
export function verifySignature(sig: unknown, actual: SignedClaims, trustedKeys: readonly string[]): SignatureVerdict {
  const s = sig as Partial<ExtractSignature> | null;
  if (
    !s || typeof s !== 'object' || s.format !== SIGNATURE_FORMAT || s.algorithm !== SIGNATURE_ALGORITHM ||
    typeof s.publicKey !== 'string' || !HEX(64).test(s.publicKey) || typeof s.signature !== 'string' || !HEX(128).test(s.signature)
  ) return { ok: false, reason: 'malformed' };
  if (!trustedKeys.includes(s.publicKey)) return { ok: false, reason: 'untrusted-key', publicKey: s.publicKey };
  if (s.extractSha256 !== actual.extractSha256 || s.source !== actual.source || s.schemaFingerprint !== actual.schemaFingerprint) {
    return { ok: false, reason: 'claims-differ', publicKey: s.publicKey };
  }
  let valid = false;
  try {
    valid = ed25519.verify(fromHex(s.signature), signedMessage(actual), fromHex(s.publicKey));
  } catch {
    valid = false;
  }
  return valid ? { ok: true, publicKey: s.publicKey } : { ok: false, reason: 'bad-signature', publicKey: s.publicKey };
}
