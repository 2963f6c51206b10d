import type { PublishedTable, RawTable } from '../disclosure/cells.ts';
import type { DisclosurePolicy } from '../disclosure/disclosure-policy.ts';
import type { DpBudget } from '../disclosure/dp-budget.ts';
import { publishTables, type DpSettings, type PublishedMargin } from '../disclosure/publish-tables.ts';
import type { LpSolver } from '../disclosure/margin-audit.ts';
import type { AuditReport } from '../disclosure/audited-suppression.ts';
import { roundCount } from '../disclosure/rounding.ts';
import { buildRoiTable } from './derived-tables.ts';
import { withMethodNotes } from './method-notes.ts';
import type { DollarBasis } from './real-dollars.ts';
import { buildEventStudyTable, buildPreTrendTable } from './effect-tables.ts';
import { buildEarningsTables } from './earnings-tables.ts';
import { buildEducationTable } from './education-tables.ts';
import { buildEmploymentTables, buildIndustryTable } from './labor-market-tables.ts';
import { buildContext, type OutcomeContext, type OutcomeInputs } from './outcome-context.ts';
import type { OutcomesConfig } from './outcomes-config.ts';
import { buildPathwayTable } from './pathway-tables.ts';
import { buildStackingTables } from './stacking-tables.ts';
import { crossTableMargins } from './cross-table-margins.ts';
import { buildTrajectoryTable } from './trajectory-tables.ts';
import { buildComparisonTable } from './comparison-table.ts';
import { valueConfigOf } from '../value/value-config.ts';
import { credentialOfValueVerdicts } from '../value/value-verdicts.ts';
import { keepCataloguedCredentials } from './catalog-codes.ts';

export interface OutcomeTables {
  /** Published tables only: rounded counts, safe statistics, suppressed cells hidden. */
  tables: PublishedTable[];
  /** Present under differential privacy: how epsilon was spent. */
  budget?: DpBudget;
  /** Margins between published count and rate cells (margins.json, read by `credlink audit`). */
  margins: PublishedMargin[];
  /** The integer-programming audit of those margins, when a solver was given. */
  audit?: AuditReport;
  /** Real or nominal dollars, the deflator and base year: in each table's JSON and the manifest. */
  dollars: DollarBasis;
  /** Fixed-form remarks for the manifest (e.g. CPI years outside the series). */
  notes: string[];
  /** People with at least one credential award, in the population (found in the spine). */
  holders: number;
  /** Share of people with an award who were found in the population spine (1 without a spine). */
  shareFound: number;
  /** People with an award by how they were found: through the spine, by a direct roster-wage link, not at all. */
  holdersByPath: { spine: number; direct: number; notFound: number };
  /** Exam records whose credential code is not in the catalog (left out of every table), and their distinct codes. */
  uncatalogued: { records: number; codes: number };
}

export function disclosurePolicyOf(config: OutcomesConfig): DisclosurePolicy {
  const d = config.disclosure;
  return {
    minCell: d.minCell,
    minPercentileCell: d.minPercentileCell,
    roundingBase: d.roundingBase,
    dollarRounding: d.dollarRounding,
    rateDecimals: d.rateDecimals,
    minEmployers: d.minEmployers,
    maxEmployerShare: d.maxEmployerShare,
    dominanceTop: d.dominanceTop,
    dominanceShare: d.dominanceShare,
  };
}

/** The raw tables (person-level values, exact counts, margins) before disclosure control; exported for tests. */
export function rawOutcomeTables(ctx: OutcomeContext, withPathways: boolean): RawTable[] {
  const raw: RawTable[] = [
    ...buildEarningsTables(ctx),
    buildTrajectoryTable(ctx),
    buildComparisonTable(ctx),
    ...buildEmploymentTables(ctx),
    buildIndustryTable(ctx),
    ...buildStackingTables(ctx),
    buildEducationTable(ctx),
  ];
  if (withPathways) raw.push(buildPathwayTable(ctx));
  return raw;
}

/**
 * Every outcome table from linked people and the configuration: the pure entry point shared by
 * `credlink outcomes`, the report and the job runner. Raw cells never leave this function.
 */
export function computeOutcomeTables(given: OutcomeInputs, config: OutcomesConfig, options: { dp?: DpSettings; solve?: LpSolver } = {}): OutcomeTables {
  const catalogued = keepCataloguedCredentials(given.persons, given.catalog);
  const inputs = { ...given, persons: catalogued.persons };
  const ctx = buildContext(inputs, config, { credentialCap: options.dp ? config.disclosure.dpMaxCredentialsPerPerson : undefined });
  const notes: string[] = [ctx.coverage.note];
  if (catalogued.uncataloguedRecords > 0) notes.push(`${catalogued.uncataloguedRecords} exam records with ${catalogued.uncataloguedCodes} credential codes not in the catalog were left out of every table`);
  const raw = rawOutcomeTables(ctx, !options.dp);
  // Which sequences are shown depends on the data, which differential privacy does not allow.
  if (options.dp) notes.push('pathways table withheld under differential privacy (its rows depend on the data)');
  const published = publishTables(raw, disclosurePolicyOf(config), options.dp, crossTableMargins(ctx), options.solve);
  if (published.audit) notes.push(`margin audit: ${published.audit.pinnedFound} hidden cells pinned below ${config.disclosure.minCell} people after complementary suppression, ${published.audit.addedSuppressions} more cells suppressed, ${published.audit.pinnedLeft} pinned left`);
  const publishedTables = published.tables.map((t) => (t.name === 'comparison' ? withMethodNotes(t) : t));
  const byName = new Map(publishedTables.map((t) => [t.name, t]));
  const tables = [
    ...publishedTables,
    buildEventStudyTable(ctx, byName.get('comparison')),
    buildPreTrendTable(ctx, byName.get('comparison'), byName.get('trajectory')),
    buildRoiTable(ctx, byName.get('comparison'), byName.get('trajectory')),
  ];
  tables.push(credentialOfValueVerdicts(tables, valueConfigOf(ctx)));
  const outside = ctx.deflator.yearsOutsideSeries();
  if (outside.length) notes.push(`CPI-U has no annual average for ${outside.join(', ')}; the nearest year in the series was used`);
  const holders = new Set(ctx.groups.flatMap((g) => g.holders.map((h) => h.personIndex))).size;
  const holding = inputs.persons.filter((p) => p.credentials.some((c) => c.result === 'pass'));
  const notFound = holding.filter((p) => p.inPopulation === false).length;
  const holdersByPath = { spine: holding.filter((p) => p.foundBy === 'spine').length, direct: holding.filter((p) => p.foundBy === 'direct').length, notFound };
  const shareFound = holders + notFound > 0 ? Math.round((holders / (holders + notFound)) * 1000) / 1000 : 1;
  const rounded = (n: number) => roundCount(n, config.disclosure.roundingBase);
  if (holdersByPath.direct > 0) notes.push(`credential holders found through the population spine: ${rounded(holdersByPath.spine)}; by a direct roster-wage link (outside the spine, or where the roster~spine link failed): ${rounded(holdersByPath.direct)}`);
  if (notFound > 0) notes.push(`${(shareFound * 100).toFixed(1)}% of credential holders were found in the population spine or by a direct roster-wage link; the others (their wages unknown, not zero) are left out of every table`);
  return { tables, dollars: ctx.dollars, budget: published.budget, margins: published.margins, ...(published.audit ? { audit: published.audit } : {}), notes, holders, shareFound, holdersByPath, uncatalogued: { records: catalogued.uncataloguedRecords, codes: catalogued.uncataloguedCodes } };
}
