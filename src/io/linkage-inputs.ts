import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import type { ExtractManifest } from '../extract/extract-types.ts';
import { parseJson } from './config-file.ts';

/*
 * inputs.json in a linkage folder: what was linked, so that `credlink outcomes` can refuse
 * extracts that are not those (another key or schema gave exit 0 with every cell suppressed; an
 * extract substituted after link was used as it was). The checksum is the manifest's bodySha256,
 * which every reader verifies against the body as it streams, so no extra pass is needed.
 */

export const LINKAGE_INPUTS = 'inputs.json';

export interface LinkedExtract {
  source: string;
  role: string;
  bodySha256: string;
  keyCheckValue: string;
  schemaFingerprint: string;
  persons: number;
}

export function linkedExtractOf(manifest: ExtractManifest): LinkedExtract {
  const { source, role, bodySha256, keyCheckValue, schemaFingerprint, persons } = manifest;
  return { source, role, bodySha256, keyCheckValue, schemaFingerprint, persons };
}

/** The file's text: no paths (a run folder is the same bytes wherever it was built), sorted by source. */
export function linkageInputsJson(manifests: readonly ExtractManifest[]): string {
  const extracts = manifests.map(linkedExtractOf).sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return `${JSON.stringify({ credlinkLinkageInputs: 1, extracts }, null, 2)}\n`;
}

/** The extracts a linkage folder records, or undefined for a folder without inputs.json (merge of old parts, a truth linkage). */
export async function readLinkageInputs(linkageDir: string): Promise<LinkedExtract[] | undefined> {
  const file = join(linkageDir, LINKAGE_INPUTS);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const raw = parseJson(file, text, 'LINKAGE_INPUTS_NOT_JSON') as { extracts?: LinkedExtract[] };
  if (!Array.isArray(raw?.extracts)) throw new DataError({ code: 'LINKAGE_INPUTS_INVALID', file, detail: 'no extracts list; the linkage folder was edited' });
  return raw.extracts;
}

/** Findings for each extract that is not the one linked: unknown source, another key, schema or body. */
export function checkAgainstLinkage(recorded: readonly LinkedExtract[], given: ReadonlyArray<{ path: string; manifest: ExtractManifest }>, linkageDir: string): Finding[] {
  const bySource = new Map(recorded.map((r) => [r.source, r]));
  const findings: Finding[] = [];
  for (const { path, manifest } of given) {
    const linked = bySource.get(manifest.source);
    if (!linked) {
      findings.push({ code: 'EXTRACT_NOT_LINKED', file: path, value: manifest.source, detail: `source not in the linkage ${linkageDir} (it linked ${[...bySource.keys()].join(', ')})` });
      continue;
    }
    if (manifest.keyCheckValue !== linked.keyCheckValue) findings.push({ code: 'KEY_MISMATCH', file: path, detail: `encoded with another secret than the extract linked in ${linkageDir} (key check values differ)` });
    if (manifest.schemaFingerprint !== linked.schemaFingerprint) findings.push({ code: 'SCHEMA_MISMATCH', file: path, detail: `encoded with another schema than the extract linked in ${linkageDir}` });
    else if (manifest.bodySha256 !== linked.bodySha256) findings.push({ code: 'EXTRACT_CHANGED', file: path, detail: `not the extract of source ${manifest.source} that was linked in ${linkageDir} (checksums differ): re-run link, or give the extract that was linked` });
  }
  return findings;
}
