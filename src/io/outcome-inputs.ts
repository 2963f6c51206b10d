import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../errors/errors.ts';
import { readExtract, readExtractManifest } from './extract-file.ts';
import { openCsv } from './csv-rows.ts';
import { catalogFileSchema, type EmployerFile, type OutcomesConfig } from '../outcomes/outcomes-config.ts';
import { configFindings, parseJson } from './config-file.ts';
import { checkAgainstLinkage, readLinkageInputs } from './linkage-inputs.ts';
import type { OutcomeInputs } from '../outcomes/outcome-context.ts';
import type { CatalogCredential, Employer } from '../outcomes/outcome-person.ts';
import { PersonAssembler, type ClusterMember } from '../outcomes/person-assembler.ts';
import type { LinkageError } from '../outcomes/render-outputs.ts';
import { unreadableFile } from './file-errors.ts';

/** Files read by `credlink outcomes`, with their SHA-256 for the run manifest. */
export interface InputChecksum {
  role: string;
  file: string;
  sha256: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readJson(path: string, code: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadableFile(path, error);
  }
  return parseJson(path, text, code);
}

/** catalog.json as synth writes it ({ credentials: [...] }) or a bare list. */
export async function loadCatalog(path: string): Promise<CatalogCredential[]> {
  const raw = await readJson(path, 'CATALOG_NOT_JSON');
  const parsed = catalogFileSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(configFindings(path, parsed.error.issues, catalogFileSchema).map((f) => ({ ...f, code: 'CATALOG_INVALID' })));
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.credentials;
}

/**
 * employers.csv (QCEW-like, no person data): employer_id,naics,county, or the columns a mapping
 * names (`columns`: credlink field -> the file's column).
 */
export async function loadEmployers(path: string, mapping: Omit<EmployerFile, 'file'> = { delimiter: ',', columns: { employer_id: 'employer_id', naics: 'naics', county: 'county' } }): Promise<Employer[]> {
  const csv = await openCsv(path, { delimiter: mapping.delimiter });
  const col = (name: string | undefined) => (name === undefined ? -1 : csv.header.indexOf(name));
  const { employer_id: idColumn, naics: naicsColumn, county: countyColumn } = mapping.columns;
  for (const [field, column] of [['employer_id', idColumn], ['naics', naicsColumn]] as const) {
    if (col(column) < 0) throw new DataError({ code: 'MISSING_COLUMN', file: path, line: 1, field, detail: `no column "${column}" for ${field} in the header (${csv.header.join(', ')}); map it with "employers": { "file", "columns": { "${field}": "..." } }` });
  }
  const employers: Employer[] = [];
  for await (const row of csv.rows) {
    if (row.problem) throw new DataError(row.problem);
    employers.push({ employerId: row.fields[col(idColumn)], naics: row.fields[col(naicsColumn)], county: col(countyColumn) >= 0 ? row.fields[col(countyColumn)] : undefined });
  }
  return employers;
}

export async function readClusters(path: string): Promise<ClusterMember[]> {
  const csv = await openCsv(path);
  const [c, s, p] = ['cluster_id', 'source', 'pseudonym'].map((n) => csv.header.indexOf(n));
  if (c < 0 || s < 0 || p < 0) throw new DataError({ code: 'MISSING_COLUMN', file: path, detail: 'clusters.csv needs cluster_id,source,pseudonym' });
  const members: ClusterMember[] = [];
  for await (const row of csv.rows) {
    if (row.problem) throw new DataError(row.problem);
    members.push({ clusterId: row.fields[c], source: row.fields[s], pseudonym: row.fields[p] });
  }
  return members;
}

/** The source pairs summary.json marks as direct roster-wage pairs (path direct-outside-spine). */
export function directPairsOf(summary: unknown): Array<[string, string]> {
  const pairs = (summary as { sourcePairs?: Array<{ sourceA: string; sourceB: string; path?: string }> })?.sourcePairs;
  return Array.isArray(pairs) ? pairs.filter((p) => p.path === 'direct-outside-spine').map((p) => [p.sourceA, p.sourceB]) : [];
}

/** Roster records (source NUL pseudonym) that a direct roster-wage pair linked, from pairs.csv. */
export async function readDirectlyLinked(path: string, directPairs: ReadonlyArray<[string, string]>, rosterSources: ReadonlySet<string>): Promise<Set<string>> {
  const linked = new Set<string>();
  const csv = await openCsv(path);
  const [sa, pa, sb, pb] = ['source_a', 'pseudonym_a', 'source_b', 'pseudonym_b'].map((n) => csv.header.indexOf(n));
  if (Math.min(sa, pa, sb, pb) < 0) throw new DataError({ code: 'MISSING_COLUMN', file: path, detail: 'pairs.csv needs source_a,pseudonym_a,source_b,pseudonym_b' });
  const direct = new Set(directPairs.map(([a, b]) => `${a}\u0000${b}`));
  for await (const row of csv.rows) {
    if (row.problem) throw new DataError(row.problem);
    const f = row.fields;
    if (!direct.has(`${f[sa]}\u0000${f[sb]}`)) continue;
    linked.add(rosterSources.has(f[sa]) ? `${f[sa]}\u0000${f[pa]}` : `${f[sb]}\u0000${f[pb]}`);
  }
  return linked;
}

/** Expected false-match share from summary.json: sum of expected false matches over all links. */
export function linkageErrorOf(summary: unknown): LinkageError | undefined {
  const pairs = (summary as { sourcePairs?: Array<{ sourceA: string; sourceB: string; links: number; expectedFalseMatches: number; calibration?: { ok?: boolean } }> })?.sourcePairs;
  if (!Array.isArray(pairs)) return undefined;
  const links = pairs.reduce((a, p) => a + (p.links ?? 0), 0);
  const expected = pairs.reduce((a, p) => a + (p.expectedFalseMatches ?? 0), 0);
  const share = (e: number, n: number) => Math.round((n > 0 ? e / n : 0) * 1e4) / 1e4;
  return {
    expectedFalseMatchShare: links > 0 ? share(expected, links) : null,
    bySourcePair: pairs.map((p) => ({ sourceA: p.sourceA, sourceB: p.sourceB, links: p.links, expectedFalseMatchShare: share(p.expectedFalseMatches, p.links), calibrated: p.calibration?.ok !== false })),
    uncheckedPairs: pairs.filter((p) => p.calibration?.ok === false && p.links > 0).map((p) => `${p.sourceA} ~ ${p.sourceB}`),
  };
}

export interface LoadedOutcomeInputs {
  inputs: OutcomeInputs;
  linkage?: LinkageError;
  /** The population spine whose records define who is found (from summary.json or a spine extract). */
  spine?: string;
  checksums: InputChecksum[];
  skippedRows: { roster: number; wages: number; education: number };
}

/**
 * Reads everything `computeOutcomeTables` needs: the catalog and employers named by the config
 * (paths relative to `configDir`), the linkage folder's clusters and summary, and the extracts'
 * payloads joined to the clusters. Pseudonyms stop inside PersonAssembler.
 */
export async function loadOutcomeInputs(args: { linkageDir: string; config: OutcomesConfig; configDir: string; extracts: string[] }): Promise<LoadedOutcomeInputs> {
  const checksums: InputChecksum[] = [];
  const track = async (role: string, file: string) => checksums.push({ role, file, sha256: await sha256File(file) });
  let catalog: CatalogCredential[];
  if (typeof args.config.catalog === 'string') {
    const path = resolve(args.configDir, args.config.catalog);
    catalog = await loadCatalog(path);
    await track('catalog', path);
  } else catalog = args.config.catalog;
  let employers: Employer[] = [];
  if (args.config.employers) {
    const spec = args.config.employers;
    const path = resolve(args.configDir, typeof spec === 'string' ? spec : spec.file);
    employers = await loadEmployers(path, typeof spec === 'string' ? undefined : spec);
    await track('employers', path);
  }
  const clustersPath = join(args.linkageDir, 'clusters.csv');
  const members = await readClusters(clustersPath);
  await track('clusters', clustersPath);
  let linkage: LinkageError | undefined;
  let spine: string | undefined;
  let directPairs: Array<[string, string]> = [];
  const summaryPath = join(args.linkageDir, 'summary.json');
  try {
    const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as { spine?: unknown };
    linkage = linkageErrorOf(summary);
    directPairs = directPairsOf(summary);
    if (typeof summary.spine === 'string') spine = summary.spine;
    await track('linkage summary', summaryPath);
  } catch {
    linkage = undefined;
  }
  const manifests = await Promise.all(args.extracts.map((path) => readExtractManifest(path)));
  const linked = await readLinkageInputs(args.linkageDir);
  const mismatches = linked ? checkAgainstLinkage(linked, args.extracts.map((path, i) => ({ path, manifest: manifests[i] })), args.linkageDir) : [];
  if (mismatches.length > 0) throw new DataError(mismatches);
  const rosterSources = new Set(manifests.filter((m) => m.role === 'roster').map((m) => m.source));
  if (rosterSources.size === 0) throw new DataError({ code: 'OUTCOMES_NO_ROSTER', detail: 'no extract has role roster: outcomes are computed for credential holders' });
  spine ??= manifests.find((m) => m.role === 'spine')?.source;
  const poolSize = args.config.comparison.method === 'pre-post' ? 0 : args.config.comparison.poolSize;
  const wageSources = new Set(manifests.filter((m) => m.role === 'wages').map((m) => m.source));
  // Which holders a direct roster-wage link found, also those it brought into a spine cluster.
  let directlyLinked: Set<string> | undefined;
  if (directPairs.length > 0) {
    const pairsPath = join(args.linkageDir, 'pairs.csv');
    directlyLinked = await readDirectlyLinked(pairsPath, directPairs, rosterSources);
    await track('linkage pairs', pairsPath);
  }
  const assembler = new PersonAssembler(members, rosterSources, spine, poolSize, wageSources, directlyLinked);
  for (const [i, path] of args.extracts.entries()) {
    const { source, role } = manifests[i];
    await readExtract(path, { payload: (row) => assembler.add(source, role, row.pseudonym, row.values) });
    await track(`extract ${role} ${source}`, path);
  }
  const persons = assembler.persons();
  return { inputs: { persons, catalog, employers, comparisonPool: assembler.comparisonPool() }, linkage, spine, checksums, skippedRows: assembler.skipped };
}

export const configDirOf = (configPath: string) => dirname(resolve(configPath));
