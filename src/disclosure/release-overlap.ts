/**
 * Two releases without differential privacy whose populations overlap but differ (a monthly
 * rerun, a roster with one person added) can be differenced: with everyone else known, the
 * person's employment flags and earnings follow from the changed cells (docs/disclosure.md,
 * test/disclosure/differencing.test.ts). Only noise protects against that, so a new release
 * over the same rosters is flagged.
 */
export interface ReleaseInputs {
  /** The run folder (for the message). */
  folder: string;
  /** Whether its tables carry differential-privacy noise. */
  dp: boolean;
  /** Roster extracts: source label, key check value (same project), checksum. */
  rosters: Array<{ source: string; keyCheckValue: string; sha256: string }>;
}

export interface ReleaseOverlap {
  folder: string;
  /** Roster sources both releases use, with different contents. */
  sources: string[];
}

export function overlappingReleases(current: ReleaseInputs, earlier: readonly ReleaseInputs[]): ReleaseOverlap[] {
  if (current.dp) return [];
  const overlaps: ReleaseOverlap[] = [];
  for (const past of earlier) {
    if (past.dp || past.folder === current.folder) continue;
    const sources = current.rosters
      .filter((r) => past.rosters.some((p) => p.source === r.source && p.keyCheckValue === r.keyCheckValue && p.sha256 !== r.sha256))
      .map((r) => r.source);
    if (sources.length > 0) overlaps.push({ folder: past.folder, sources: [...new Set(sources)].sort() });
  }
  return overlaps.sort((a, b) => (a.folder < b.folder ? -1 : 1));
}
