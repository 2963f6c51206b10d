/**
 * Comparison levels of one field, from the Dice of its two filters. Level 0 is the weakest
 * agreement ("else"); the last level is an exact match. Thresholds are the lower bounds of the
 * levels above 0, weakest first: the default [0.6, 0.75, 0.9, 1] gives else, >=0.6, >=0.75, >=0.9, exact.
 * The >=0.6 level keeps names with two typos, and hardened (XOR-folded) filters, apart from "else":
 * it raised F1 on the bundled world by up to 2 points and on the attack harness by ~0.6 (docs/linkage.md).
 */
export const DEFAULT_LEVEL_THRESHOLDS: readonly number[] = [0.6, 0.75, 0.9, 1];

/** A field either side lacks: it carries no weight. */
export const MISSING_LEVEL = 255;

export function levelLabels(thresholds: readonly number[]): string[] {
  return ['else', ...thresholds.map((t) => (t >= 1 ? 'exact' : `>=${t}`))];
}

export function comparisonLevel(dice: number, thresholds: readonly number[]): number {
  if (Number.isNaN(dice)) return MISSING_LEVEL;
  let level = 0;
  // Identical values give identical filters; a float tolerance keeps 1.0 exact.
  for (let k = 0; k < thresholds.length; k++) if (dice >= thresholds[k] - 1e-12) level = k + 1;
  return level;
}

export function validateLevelThresholds(thresholds: readonly number[]): string | undefined {
  if (thresholds.length === 0) return 'give at least one level threshold';
  for (let k = 0; k < thresholds.length; k++) {
    const t = thresholds[k];
    if (!(t > 0 && t <= 1)) return `level threshold ${t} is not in (0, 1]`;
    if (k > 0 && t <= thresholds[k - 1]) return 'level thresholds must increase';
  }
  return undefined;
}
