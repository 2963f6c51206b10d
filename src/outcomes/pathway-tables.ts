import type { RawTable } from '../disclosure/cells.ts';
import { ALL_COHORTS, covered, sectorOfEmployer, type Holder, type OutcomeContext } from './outcome-context.ts';
import { TableBuilder, perCredentialSensitivity } from './table-builder.ts';

/** Quarters relative to the award whose primary-employer sectors make a career pathway. */
export const PATHWAY_QUARTERS = [-4, 4, 8] as const;
export const OTHER_SEQUENCE = 'other';

/** "62>62>56": sector of the primary employer at -4, +4, +8 ("none" when not employed); undefined outside the data. */
export function sectorSequence(ctx: OutcomeContext, h: Holder): string | undefined {
  if (!covered(ctx, h.awardQuarter + PATHWAY_QUARTERS[0], h.awardQuarter + PATHWAY_QUARTERS[PATHWAY_QUARTERS.length - 1])) return undefined;
  return PATHWAY_QUARTERS.map((k) => sectorOfEmployer(ctx, h.wages.primaryEmployer(h.awardQuarter + k))).join('>');
}

function employerOfPathway(h: Holder): string | undefined {
  for (const k of [4, 8, -4]) {
    const e = h.wages.primaryEmployer(h.awardQuarter + k);
    if (e !== undefined) return e;
  }
  return undefined;
}

/**
 * The most common sector sequences per credential (ranked on all cohorts pooled), the rest
 * pooled as "other", and the total: the sequences and "other" add up to the total.
 * The rows shown depend on the data, so this table is withheld under differential privacy.
 */
export function buildPathwayTable(ctx: OutcomeContext): RawTable {
  const top = ctx.config.disclosure.topSequences;
  const table = new TableBuilder(
    ctx,
    {
      name: 'pathways',
      title: 'Career pathways: sector of the primary employer at -4, +4, +8 quarters',
      dims: ['credential', 'cohort', 'sequence'],
      definition: `Holders observed from award quarter -4 to +8, by the NAICS sectors of their primary employer at -4 > +4 > +8 ("none" = no UI earnings); the ${top} most common sequences, then "other"; sequence "all" is the total.`,
      dpSensitivity: perCredentialSensitivity(ctx),
    },
    ['sequence'],
  );
  for (const credential of ctx.credentials) {
    const groups = ctx.groups.filter((g) => g.credential === credential);
    const pooled = groups.find((g) => g.cohort === ALL_COHORTS)!;
    const ranking = new Map<string, number>();
    for (const h of pooled.holders) {
      const s = sectorSequence(ctx, h);
      if (s) ranking.set(s, (ranking.get(s) ?? 0) + 1);
    }
    const shown = [...ranking].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, top).map(([s]) => s);
    for (const g of groups) {
      const counts = new Map<string, { count: number; employers: Map<string, number> }>([...shown, OTHER_SEQUENCE].map((s) => [s, { count: 0, employers: new Map() }]));
      let total = 0;
      for (const h of g.holders) {
        const s = sectorSequence(ctx, h);
        if (!s) continue;
        total += 1;
        const cell = counts.get(s) ?? counts.get(OTHER_SEQUENCE)!;
        cell.count += 1;
        const e = employerOfPathway(h);
        if (e !== undefined) cell.employers.set(e, (cell.employers.get(e) ?? 0) + 1);
      }
      const dims = (sequence: string) => ({ credential, cohort: g.cohort, sequence });
      const totalId = table.add(dims('all'), 'holders', { kind: 'count', count: total });
      const parts = [...counts].map(([s, c]) => table.add(dims(s), 'holders', { kind: 'count', count: c.count, employers: c.employers }));
      table.margin(totalId, parts);
    }
  }
  return table.build();
}
