/**
 * The (n, k) dominance rule for a mean (a sum over people): the cell is sensitive when its n
 * largest contributions make up more than k of the total. One $5M quarter among 35 people makes
 * a mean of about $186k beside a median of $15.5k: the mean then reveals that person's pay, and
 * with n = 2 neither of two large earners can subtract their own pay to learn the other's.
 * Magnitudes are used, so that a large loss (an earnings change) dominates too.
 */
export function isDominated(values: readonly number[], top: number, share: number): boolean {
  if (values.length === 0) return false;
  const largest: number[] = [];
  let total = 0;
  for (const v of values) {
    const a = Math.abs(v);
    total += a;
    if (largest.length < top || a > largest[largest.length - 1]) {
      largest.push(a);
      largest.sort((x, y) => y - x);
      if (largest.length > top) largest.pop();
    }
  }
  if (total === 0) return false;
  return largest.reduce((s, a) => s + a, 0) > share * total;
}
