import type { RawTable } from '../disclosure/cells.ts';
import { ALL_COHORTS, type OutcomeContext } from './outcome-context.ts';
import { monthsBetween } from './outcome-person.ts';
import { MONTH_BINS, TableBuilder } from './table-builder.ts';

/** Each person's first award date per credential (from the pooled cohort, so the DP cap applies). */
function awardsByPerson(ctx: OutcomeContext): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const g of ctx.groups) {
    if (g.cohort !== ALL_COHORTS) continue;
    for (const h of g.holders) {
      let awards = out.get(h.personIndex);
      if (!awards) out.set(h.personIndex, (awards = new Map()));
      awards.set(g.credential, h.awardDate);
    }
  }
  return out;
}

/** Credentials are related when their aligned industries overlap (one NAICS prefix starts the other). */
export function relatedCredentials(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => x.startsWith(y) || y.startsWith(x)));
}

/**
 * Stacking, the view only a linkage across issuers gives: which credentials the same people hold,
 * which one follows which and after how many months, and how often a related credential follows.
 * Rows are every pair of known credentials, so the rows shown never depend on the data.
 */
export function buildStackingTables(ctx: OutcomeContext): RawTable[] {
  const awards = awardsByPerson(ctx);
  const cap = ctx.credentialCap ?? 1;
  const pairs = new TableBuilder(ctx, {
    name: 'stacking_pairs',
    title: 'Credentials held together',
    dims: ['credential', 'other_credential', 'cross_issuer'],
    definition: 'People holding both credentials (any order, any time); cross_issuer = the two come from different issuers.',
    dpSensitivity: Math.max(1, (cap * (cap - 1)) / 2),
  }, ['credential', 'other_credential', 'cross_issuer']);
  const next = new TableBuilder(ctx, {
    name: 'stacking_next',
    title: 'Going on to earn another credential',
    dims: ['credential', 'next_credential'],
    definition: 'went_on_to_earn: share of holders of the credential whose first award of next_credential came later; median_months: months between the two awards among them.',
    dpSensitivity: Math.max(1, cap * (cap - 1)),
  }, ['next_credential']);
  const related = new TableBuilder(ctx, {
    name: 'stacking_related',
    title: 'Earning a related license or certification',
    dims: ['credential'],
    definition: 'Share of holders who later earn another credential whose aligned NAICS industries overlap (a related license or certification).',
    dpSensitivity: cap,
  });
  const codes = ctx.credentials;
  const issuer = (c: string) => ctx.catalog.get(c)?.issuer ?? '';
  const aligned = (c: string) => ctx.catalog.get(c)?.alignedNaics ?? [];
  for (let i = 0; i < codes.length; i++) {
    const x = codes[i];
    const holdersOfX = [...awards.values()].filter((a) => a.has(x));
    for (let j = i + 1; j < codes.length; j++) {
      const y = codes[j];
      const both = holdersOfX.filter((a) => a.has(y)).length;
      pairs.add({ credential: x, other_credential: y, cross_issuer: issuer(x) !== issuer(y) ? 'yes' : 'no' }, 'holders_of_both', { kind: 'count', count: both });
    }
    for (const y of codes) {
      if (y === x) continue;
      const months = holdersOfX.filter((a) => a.has(y) && a.get(y)! > a.get(x)!).map((a) => monthsBetween(a.get(x)!, a.get(y)!));
      const dims = { credential: x, next_credential: y };
      next.add(dims, 'went_on_to_earn', { kind: 'rate', numerator: months.length, denominator: holdersOfX.length });
      next.add(dims, 'median_months', { kind: 'stat', stat: 'median', values: months, bins: MONTH_BINS, unit: 'plain' });
    }
    const relatedCodes = codes.filter((y) => y !== x && relatedCredentials(aligned(x), aligned(y)));
    const earnedRelated = holdersOfX.filter((a) => relatedCodes.some((y) => a.has(y) && a.get(y)! > a.get(x)!)).length;
    related.add({ credential: x }, 'related_after', { kind: 'rate', numerator: earnedRelated, denominator: holdersOfX.length });
  }
  return [pairs.build(), next.build(), related.build()];
}
