import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runInProcess } from '../hash/in-process.ts';
import { runCli } from '../hash/run-cli.ts';
import { newSigningKey, signClaims, verifySignature } from '../../src/signing/extract-signature.ts';

/*
 * Ed25519 signatures of extracts (credlink sign / credlink verify): the manifest checksum stops
 * accidents, the signature stops a forger who rewrites the manifest as well.
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...parts: string[]) => join(dir, ...parts);
const SECRET_HEX = 'c4'.repeat(32);
let publicKey = '';

const verify = (...args: string[]) => runInProcess(['verify', '--public-key', publicKey, ...args]);

/** A copy of the signed extract (and its signature) under a new name, for one test to damage. */
function copySigned(name: string): string {
  copyFileSync(at('techcert.extract'), at(name));
  copyFileSync(at('techcert.extract.sig'), at(`${name}.sig`));
  return at(name);
}

beforeAll(async () => {
  expect((await runInProcess(['synth', '--persons', '120', '--seed', '4', '-o', at('world')])).code).toBe(0);
  writeFileSync(at('project.key'), `${SECRET_HEX}\n`, { mode: 0o600 });
  const hash = await runInProcess(['hash', at('world', 'techcert.csv'), '--schema', at('world', 'schema.json'), '--mapping', at('world', 'mappings', 'techcert.json'), '--secret-file', at('project.key'), '--on-invalid', 'reject', '-o', at('techcert.extract')]);
  expect(hash.code, hash.stderr).toBe(0);
  const created = await runInProcess(['sign', '--new-key', at('holder.sign.key'), '--json']);
  expect(created.code, created.stderr).toBe(0);
  publicKey = JSON.parse(created.stdout).publicKey;
  const signed = await runInProcess(['sign', '--signing-key', at('holder.sign.key'), at('techcert.extract')]);
  expect(signed.code, signed.stderr).toBe(0);
}, 60_000);

describe('credlink sign and verify', () => {
  it('creates an owner-only signing key, never overwrites it, and prints only the public key', async () => {
    expect(statSync(at('holder.sign.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(at('holder.sign.key.pub'), 'utf8')).toContain(publicKey);
    const again = await runInProcess(['sign', '--new-key', at('holder.sign.key')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const privateHex = readFileSync(at('holder.sign.key'), 'utf8').trim().split(' ')[1];
    expect(privateHex).toMatch(/^[0-9a-f]{64}$/);
    expect(again.stdout + again.stderr).not.toContain(privateHex);
  });

  it('writes a detached JSON signature over the extract SHA-256, source and schema fingerprint', () => {
    const sig = JSON.parse(readFileSync(at('techcert.extract.sig'), 'utf8'));
    expect(sig).toMatchObject({ format: 'credlink-extract-signature', algorithm: 'Ed25519', publicKey, source: 'techcert' });
    expect(sig.extractSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sig.schemaFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(sig.signature).toMatch(/^[0-9a-f]{128}$/);
  });

  it('verifies a signed extract, in a real process too', async () => {
    const r = await verify(at('techcert.extract'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`ok ${at('techcert.extract')}`);
    const spawned = runCli(dir, ['verify', '--public-key', at('holder.sign.key.pub'), 'techcert.extract']);
    expect(spawned.code, spawned.stderr).toBe(0);
  });

  it('fails an extract with one flipped byte, in the body or in the manifest', async () => {
    const bytes = readFileSync(at('techcert.extract'));
    for (const [name, offset] of [['body.extract', Math.floor(bytes.length / 3)], ['manifest.extract', bytes.length - 40]] as const) {
      const file = copySigned(name);
      const flipped = Buffer.from(bytes);
      flipped[offset] ^= 0x01;
      writeFileSync(file, flipped);
      const r = await verify(file);
      expect(r.code, name).toBe(1);
      expect(r.stderr).toMatch(/EXTRACT_SIGNATURE_INVALID/);
    }
  });

  it('fails a signature made with another key, also when the signature file claims the trusted key', async () => {
    const other = copySigned('other.extract');
    expect((await runInProcess(['sign', '--new-key', at('other.sign.key')])).code).toBe(0);
    expect((await runInProcess(['sign', '--signing-key', at('other.sign.key'), other])).code).toBe(0);
    const untrusted = await verify(other);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/EXTRACT_SIGNATURE_INVALID: signed by a key that is not among/);
    const forged = { ...JSON.parse(readFileSync(`${other}.sig`, 'utf8')), publicKey };
    writeFileSync(`${other}.sig`, JSON.stringify(forged));
    const bad = await verify(other);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/EXTRACT_SIGNATURE_INVALID: the signature does not match/);
  });

  it('fails an unsigned extract and a signature whose claims were edited', async () => {
    copyFileSync(at('techcert.extract'), at('unsigned.extract'));
    const unsigned = await verify(at('unsigned.extract'));
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/EXTRACT_UNSIGNED/);
    const edited = copySigned('claims.extract');
    writeFileSync(`${edited}.sig`, readFileSync(`${edited}.sig`, 'utf8').replace('"techcert"', '"wages"'));
    const r = await verify(edited);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/EXTRACT_SIGNATURE_INVALID/);
  });

  it('reports every extract and fails if any one fails', async () => {
    const r = await runInProcess(['verify', '--json', '--public-key', publicKey, at('techcert.extract'), at('unsigned.extract')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.extracts.map((e: { ok: boolean }) => e.ok)).toEqual([true, false]);
    expect(report.extracts[1].finding.code).toBe('EXTRACT_UNSIGNED');
  });

  it('refuses to sign with the project secret or to sign a damaged extract, and to trust a private key', async () => {
    const withSecret = await runInProcess(['sign', '--signing-key', at('project.key'), at('techcert.extract')]);
    expect(withSecret.code).toBe(2);
    expect(withSecret.stdout + withSecret.stderr).not.toContain(SECRET_HEX);
    const damaged = at('damaged.extract');
    writeFileSync(damaged, readFileSync(at('techcert.extract'), 'utf8').replace('"t":"p"', '"t":"p" '));
    const signDamaged = await runInProcess(['sign', '--signing-key', at('holder.sign.key'), damaged]);
    expect(signDamaged.code).toBe(1);
    expect(signDamaged.stderr).toMatch(/EXTRACT_CHECKSUM/);
    const privateAsPublic = await runInProcess(['verify', '--public-key', at('holder.sign.key'), at('techcert.extract')]);
    expect(privateAsPublic.code).toBe(2);
    expect(privateAsPublic.stderr).toMatch(/private signing key/);
    expect(privateAsPublic.stderr).not.toContain(readFileSync(at('holder.sign.key'), 'utf8').trim().split(' ')[1]);
  });

  it('never throws on a malformed signature file: any JSON is a verdict', () => {
    const { secretKey, publicKey: pk } = newSigningKey();
    const claims = { extractSha256: 'ab'.repeat(32), source: 's', schemaFingerprint: 'cd'.repeat(32) };
    const good = signClaims(secretKey, claims);
    const trusted = [Buffer.from(pk).toString('hex')];
    expect(verifySignature(good, claims, trusted)).toEqual({ ok: true, publicKey: trusted[0] });
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 128, maxLength: 128 }), (junk, signature) => {
        expect(verifySignature(junk, claims, trusted).ok).toBe(false);
        expect(verifySignature({ ...good, signature }, claims, trusted).ok).toBe(signature === good.signature);
      }),
      { numRuns: 200 },
    );
  });
});

describe('credlink link --public-key', () => {
  it('links signed extracts and refuses, writing nothing, when one is unsigned', async () => {
    const hash = await runInProcess(['hash', at('world', 'spine.csv'), '--schema', at('world', 'schema.json'), '--mapping', at('world', 'mappings', 'spine.json'), '--secret-file', at('project.key'), '--on-invalid', 'reject', '-o', at('spine.extract')]);
    expect(hash.code, hash.stderr).toBe(0);
    const link = (out: string) => runInProcess(['link', at('techcert.extract'), '--spine', at('spine.extract'), '--public-key', publicKey, '-o', at(out)]);
    const unsigned = await link('refused');
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('EXTRACT_UNSIGNED');
    expect(() => statSync(at('refused'))).toThrow();
    expect((await runInProcess(['sign', '--signing-key', at('holder.sign.key'), at('spine.extract')])).code).toBe(0);
    const signed = await link('linkage');
    expect(signed.code, signed.stderr).toBe(0);
    expect(statSync(at('linkage', 'clusters.csv')).isFile()).toBe(true);
  });
});
