import type { Edge } from './assignment.ts';

/**
 * Where the model's own expected F1 is searched. Below 0.5 a link is more likely false than true, and
 * false links bias outcomes while missed ones only shrink them (docs/linkage.md, step 5); above 0.95
 * a threshold says more about a poor fit than about the data.
 */
export const AUTO_THRESHOLD_RANGE = { min: 0.5, max: 0.95 } as const;

/** The fixed threshold 'auto' falls back to when the model's probabilities cannot be trusted. */
export const AUTO_FALLBACK_THRESHOLD = 0.85;

/**
 * Whether the model expects many more matches among the candidates than the one-to-one links can
 * hold (by 10% or 5 links): its probabilities are then too high to choose a threshold by (EM took
 * "same town" for "same person" on files with city and ZIP: 6,000 expected against 3,570 links).
 */
export function overconfident(links: readonly Edge[], expectedMatches: number): boolean {
  return expectedMatches > links.length + Math.max(5, 0.1 * links.length);
}

/**
 * The match-probability threshold that maximises the linkage's expected F1 under the model's own
 * probabilities, with no labels: links taken in falling probability give expected true links
 * sum(p), and the matches to find are the expected matches among the candidates. For calibrated
 * probabilities the best threshold is about half the best F1 (Lipton et al. 2014), far below the
 * fixed 0.85 that cost 5-15 points of recall on name-and-ZIP files (docs/linkage.md).
 */
export function expectedF1Threshold(links: readonly Edge[], expectedMatches: number): number {
  const { min, max } = AUTO_THRESHOLD_RANGE;
  if (overconfident(links, expectedMatches)) return AUTO_FALLBACK_THRESHOLD;
  const ranked = links.map((e) => e.probability).filter((p) => p >= min).sort((x, y) => y - x);
  if (ranked.length === 0 || !(expectedMatches > 0)) return max;
  let truePositives = 0;
  let best = -1;
  let threshold: number = max;
  for (let k = 0; k < ranked.length; k++) {
    truePositives += ranked[k];
    const f1 = (2 * truePositives) / (k + 1 + expectedMatches);
    // Ties in probability are one step: cut only where the next link is lower.
    if (f1 > best && (k + 1 === ranked.length || ranked[k + 1] < ranked[k])) {
      best = f1;
      threshold = ranked[k];
    }
  }
  return Math.min(max, threshold);
}
