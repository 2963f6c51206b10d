import { dollarsText } from './real-dollars.ts';
import type { RawTable } from '../disclosure/cells.ts';
import { covered, realEarnings, type OutcomeContext } from './outcome-context.ts';
import { ANTICIPATION_WINDOW, EVENT_QUARTERS, REFERENCE_WINDOW, treatedChanges, windowLabel } from './event-study.ts';
import { CHANGE_BINS, EARNINGS_BINS, TableBuilder, perCredentialSensitivity } from './table-builder.ts';

export function buildTrajectoryTable(ctx: OutcomeContext): RawTable {
  const table = new TableBuilder(ctx, {
    name: 'trajectory',
    title: 'Earnings trajectory around the award',
    dims: ['credential', 'cohort', 'event_quarter'],
    definition: `Median and mean quarterly earnings (non-employment counted as $0) at award quarter + k, k = -8..+12, and the mean per-person change from the person's mean over the reference window ${windowLabel(REFERENCE_WINDOW)} (before the anticipation quarters ${windowLabel(ANTICIPATION_WINDOW)}); ${dollarsText(ctx.dollars)}.`,
    dpSensitivity: perCredentialSensitivity(ctx),
  }, [], true);
  for (const group of ctx.groups) {
    for (const k of EVENT_QUARTERS) {
      const dims = { credential: group.credential, cohort: group.cohort, event_quarter: k };
      const values: number[] = [];
      for (const h of group.holders) if (covered(ctx, h.awardQuarter + k)) values.push(realEarnings(ctx, h.wages, h.awardQuarter + k));
      table.add(dims, 'median', { kind: 'stat', stat: 'median', values, bins: EARNINGS_BINS, unit: 'dollars' });
      table.add(dims, 'mean', { kind: 'stat', stat: 'mean', values, bins: EARNINGS_BINS, unit: 'dollars' });
      table.add(dims, 'mean_change_from_pre', { kind: 'stat', stat: 'mean', values: treatedChanges(ctx, group.holders, k), bins: CHANGE_BINS, unit: 'dollars' });
    }
  }
  return table.build();
}
