import type { CrossMargin } from '../disclosure/publish-tables.ts';
import type { OutcomeContext } from './outcome-context.ts';

/**
 * Equalities between cells of different tables, so that complementary suppression sees them:
 * - industry "all" employed_q4 counts the same people as employment employed_q4's numerator;
 * - holders of both X and Y = those who earned Y after X + those who earned X after Y (+ same-day
 *   awards), so a hidden stacking_next count would otherwise be stacking_pairs minus the other.
 * Ids follow TableBuilder.id: dimension values in table order, then the measure, joined by "|".
 */
export function crossTableMargins(ctx: OutcomeContext): CrossMargin[] {
  const margins: CrossMargin[] = [];
  for (const credential of ctx.credentials) {
    for (const cohort of ctx.cohortLabels) {
      margins.push({ total: { table: 'industry', id: `${credential}|${cohort}|all|employed_q4` }, parts: [{ table: 'employment', id: `${credential}|${cohort}|employed_q4` }] });
    }
  }
  const issuer = (c: string) => ctx.catalog.get(c)?.issuer ?? '';
  ctx.credentials.forEach((x, i) => {
    for (const y of ctx.credentials.slice(i + 1)) {
      margins.push({
        total: { table: 'stacking_pairs', id: `${x}|${y}|${issuer(x) !== issuer(y) ? 'yes' : 'no'}|holders_of_both` },
        parts: [{ table: 'stacking_next', id: `${x}|${y}|went_on_to_earn` }, { table: 'stacking_next', id: `${y}|${x}|went_on_to_earn` }],
      });
    }
  });
  return margins;
}
